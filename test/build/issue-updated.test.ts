import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll, type CommitSpec } from '../support/git.js';
import { removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const ed = { author: 'Ed Itor', email: 'ed@example.invalid' };
const article = (title: string, more = '') => `---\ntitle: ${title}\n${more}---\nText of ${title}.\n`;

/** A one-issue webzine in Git: issue 1 with one article on 2024-01-01, a second one on 2024-01-10, then `later`. */
async function repository(later: Array<Omit<CommitSpec, 'author' | 'email'>>, siteYml = ''): Promise<string> {
  const root = await temporaryFolder();
  await commitAll(root, [
    {
      ...ed,
      date: '2024-01-01T10:00:00Z',
      files: {
        'content/site.yml': `title: Min\nbaseUrl: https://min.example/\n${siteYml}`,
        'content/issues/1/issue.md': '---\ntitle: One\ndate: 2024-01-01\n---\nHello.\n',
        'content/issues/1/10-a.md': article('A'),
      },
    },
    { ...ed, date: '2024-01-10T10:00:00Z', files: { 'content/issues/1/20-b.md': article('B') } },
    ...later.map((commit) => ({ ...ed, ...commit })),
  ]);
  return root;
}

/** What a reader sees of an issue's last change in an edition (`''` or `fr/`): feed dates, sitemap dates and the issue page's "Last changed". */
async function lastChanges(root: string, edition = '', issue = 1) {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  const read = (file: string) => readFile(path.join(out, 'web', edition, file), 'utf8');
  const atom = await read('atom.xml');
  // One sitemap lists every edition's pages.
  const sitemap = await readFile(path.join(out, 'web/sitemap.xml'), 'utf8');
  const lastmod = (route: string) => new RegExp(`<loc>https://min\\.example/${edition}${route}</loc><lastmod>([^<]*)</lastmod>`).exec(sitemap)?.[1];
  return {
    feed: [...atom.matchAll(/<updated>(.{10})/g)].map((match) => match[1]),
    sitemap: [lastmod(''), lastmod(`issues/${issue}/`)],
    page: /class="colophon__edit">[^<]*<time datetime="([^"]*)"/.exec(await read(`issues/${issue}/index.html`))?.[1],
  };
}

/** Issue 1's dates as every place shows them, all the same day: the feed's and its entry's, the sitemap's for / and the issue, the page's. */
const all = (day: string) => ({ feed: [day, day], sitemap: [day, day], page: day });

describe('an issue that loses an article', () => {
  it('is dated by the commit that deleted the article, not back to before it was added', async () => {
    const root = await repository([{ date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/20-b.md': null } }]);
    expect(await lastChanges(root)).toMatchObject(all('2024-01-20'));
  });

  it('is dated by the commit that made a draft of an article it was published with', async () => {
    const root = await repository([{ date: '2024-01-30T10:00:00Z', files: { 'content/issues/1/10-a.md': article('A', 'draft: true\n') } }]);
    expect(await lastChanges(root)).toMatchObject(all('2024-01-30'));
  });

  it('is not dated by a draft added since it was published, which readers never saw', async () => {
    const root = await repository([{ date: '2024-01-30T10:00:00Z', files: { 'content/issues/1/40-later.md': article('Not yet', 'draft: true\n') } }]);
    expect(await lastChanges(root)).toMatchObject(all('2024-01-10'));
  });

  it('is dated by the commit that moved the article to another issue', async () => {
    const root = await repository([
      { date: '2024-02-01T10:00:00Z', files: { 'content/issues/2/issue.md': '---\ntitle: Two\ndate: 2024-02-01\n---\nHello again.\n' } },
      { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-b.md': 'content/issues/2/20-b.md' } },
    ]);
    const { page, feed } = await lastChanges(root);
    expect({ page, issueOne: feed[2] }).toEqual({ page: '2024-02-11', issueOne: '2024-02-11' });
  });
});

describe('an issue that loses a draft by a move', () => {
  const issueTwo = { date: '2024-02-01T10:00:00Z', files: { 'content/issues/2/issue.md': '---\ntitle: Two\ndate: 2024-02-01\n---\nHello again.\n' } };

  it('is not dated by the move of a draft added after its date, which its readers never saw', async () => {
    const draft = { date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/20-c.md': article('Not yet', 'draft: true\n') } };
    const root = await repository([draft, issueTwo, { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-c.md': 'content/issues/2/30-c.md' } }]);
    const { page, feed } = await lastChanges(root);
    expect({ page, issueOne: feed[2] }).toEqual({ page: '2024-01-10', issueOne: '2024-01-10' });
  });

  it('is dated by the move of a draft of an article it was published with', async () => {
    const draft = { date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/10-a.md': article('A', 'draft: true\n') } };
    const root = await repository([draft, issueTwo, { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/10-a.md': 'content/issues/2/30-a.md' } }]);
    const { page, feed } = await lastChanges(root);
    expect({ page, issueOne: feed[2] }).toEqual({ page: '2024-02-11', issueOne: '2024-02-11' });
  });

  it('leaves the issue the draft joined dated as it was, in a build without drafts', async () => {
    const draft = { date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/20-c.md': article('Not yet', 'draft: true\n') } };
    const root = await repository([draft, issueTwo, { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-c.md': 'content/issues/2/30-c.md' } }]);
    expect(await lastChanges(root, '', 2)).toEqual({ feed: ['2024-02-01', '2024-02-01', '2024-01-10'], sitemap: ['2024-02-01', '2024-02-01'], page: '2024-02-01' });
  });
});

describe('an issue that gains an article by a move', () => {
  // Dated before B's last change (2024-01-10), so that B's page shows B's own date.
  const issueTwo = { date: '2024-02-01T10:00:00Z', files: { 'content/issues/2/issue.md': '---\ntitle: Two\ndate: 2024-01-05\n---\nHello again.\n' } };

  it('is dated by the commit that moved the article in from another issue, as the issue it left is', async () => {
    const root = await repository([issueTwo, { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-b.md': 'content/issues/2/20-b.md' } }]);
    expect(await lastChanges(root, '', 2)).toEqual({ feed: ['2024-02-11', '2024-02-11', '2024-02-11'], sitemap: ['2024-02-11', '2024-02-11'], page: '2024-02-11' });
  });

  it('leaves the moved article its own date, its text unchanged by the move', async () => {
    const root = await repository([issueTwo, { date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-b.md': 'content/issues/2/20-b.md' } }]);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const sitemap = await readFile(path.join(out, 'web/sitemap.xml'), 'utf8');
    const page = await readFile(path.join(out, 'web/issues/2/b/index.html'), 'utf8');
    expect({
      sitemap: /<loc>https:\/\/min\.example\/issues\/2\/b\/<\/loc><lastmod>([^<]*)</.exec(sitemap)?.[1],
      page: /class="colophon__edit">[^<]*<time datetime="([^"]*)"/.exec(page)?.[1],
    }).toEqual({ sitemap: '2024-01-10', page: '2024-01-10' });
  });

  it('is not dated by an article renumbered within it', async () => {
    const root = await repository([{ date: '2024-02-11T10:00:00Z', moves: { 'content/issues/1/20-b.md': 'content/issues/1/30-b.md' } }]);
    expect(await lastChanges(root)).toMatchObject(all('2024-01-10'));
  });
});

describe('an issue that loses a translation', () => {
  const french = 'language: en\nlanguages: [fr]\n';
  const translated = { date: '2024-01-15T10:00:00Z', files: { 'content/issues/1/20-b.fr.md': article('B en français') } };
  // The editorial translated, so that the French issue page is a page in French, which the sitemap lists whatever its articles.
  const editorial = { date: '2024-01-12T10:00:00Z', files: { 'content/issues/1/issue.fr.md': '---\ntitle: Un\n---\nBonjour.\n' } };

  it('is dated by the deletion of a translation in that edition alone, which shows the original instead', async () => {
    const root = await repository([editorial, translated, { date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/20-b.fr.md': null } }], french);
    expect(await lastChanges(root, 'fr/')).toMatchObject(all('2024-01-20'));
    expect(await lastChanges(root)).toMatchObject(all('2024-01-10'));
  });

  it('is dated by the deletion of an original in every edition', async () => {
    const root = await repository([editorial, { date: '2024-01-20T10:00:00Z', files: { 'content/issues/1/20-b.md': null } }], french);
    expect(await lastChanges(root, 'fr/')).toMatchObject(all('2024-01-20'));
    expect(await lastChanges(root)).toMatchObject(all('2024-01-20'));
  });
});
