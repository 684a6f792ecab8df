import { appendFile, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitHistory } from '../../src/load/git-history.js';
import { commitAll, git } from '../support/git.js';
import { makeWebzine, readTree, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const ada = { author: 'Ada Quill', email: 'ada@secret.example' };
const cy = { author: 'Cy Solder', email: 'cy@secret.example' };
const siteYml = 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\nrepoUrl: https://git.example/zine\neditPath: blob/main\n';

/** The base webzine in a repository: everything by Ada, then one article edited by Cy. */
async function repository(): Promise<string> {
  const root = await makeWebzine();
  await writeFile(path.join(root, 'content/site.yml'), siteYml);
  await commitAll(root, [
    { ...ada, date: '2026-03-01T09:00:00Z' },
    { ...cy, date: '2026-04-10T12:30:00Z', files: { 'content/issues/1/20-second.md': '---\ntitle: The second article\nauthors: [grace]\n---\n## Details\n\nRevised.\n' } },
  ]);
  return root;
}

async function build(root: string, args: string[] = []) {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out, ...args]);
  expect(run.code, run.stderr).toBe(0);
  return { out, run, page: (file: string) => readFile(path.join(out, file), 'utf8') };
}

describe('a webzine in Git', () => {
  let root: string;
  let built: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    root = await repository();
    built = await build(root);
  });

  it('shows an article\'s last commit date as its last change', async () => {
    expect(await built.page('web/issues/1/second/index.html')).toContain('Last changed <time datetime="2026-04-10">April 10, 2026</time>');
  });

  it('keeps the issue date as the last change of an article committed before it', async () => {
    expect(await built.page('web/issues/1/first/index.html')).toContain('<time datetime="2026-03-01">March 1, 2026</time> · <a');
  });

  it('lists the committers of an issue\'s files among its contributors, by name', async () => {
    expect(await built.page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>');
  });

  it('never publishes a committer\'s e-mail address', async () => {
    for (const [file, bytes] of await readTree(built.out)) expect(bytes.toString('utf8'), file).not.toContain('secret.example');
  });

  it('dates the feed entry by the newest commit of the issue\'s files', async () => {
    const atom = await built.page('web/atom.xml');
    expect(atom).toContain('<updated>2026-04-10T12:30:00.000Z</updated>');
    expect(atom).toContain('<published>2026-03-01T00:00:00.000Z</published>');
  });

  it('records the commit on the home pages alone, so a commit does not change every page', async () => {
    const commit = (await git(root, ['rev-parse', 'HEAD'])).slice(0, 12);
    expect(await built.page('web/index.html')).toContain(`<meta name="revision" content="${commit}">`);
    expect(await built.page('gemini/index.gmi')).toMatch(new RegExp(`\n\nBuilt from commit ${commit}\n$`));
    expect(await built.page('web/issues/1/second/index.html')).not.toContain(commit);
    expect(await built.page('gemini/issues/1/second.gmi')).not.toContain(commit);
  });

  it('links every page to its source for editing', async () => {
    expect(await built.page('web/issues/1/second/index.html')).toContain('href="https://git.example/zine/blob/main/content/issues/1/20-second.md"');
  });

  it('gives the 404 page, which has no source of its own, no edit link', async () => {
    const notFound = await built.page('web/404.html');
    expect(notFound).not.toContain('https://git.example/zine/');
    expect(notFound).not.toContain('Edit this page');
  });

  it('says nothing about Git when everything is committed', () => {
    expect(built.run.stderr).toBe('');
  });

  it('builds two clones of the same commit byte for byte alike', async () => {
    const clones = await Promise.all([1, 2].map(async (n) => {
      const clone = path.join(await temporaryFolder(), `clone-${n}`);
      await git(path.dirname(clone), ['clone', '-q', `file://${root}`, clone]);
      return readTree((await build(clone)).out);
    }));
    expect(clones[0]).toEqual(clones[1]);
    expect(clones[0]).toEqual(await readTree(built.out));
  });
});

describe('history that can not be trusted', () => {
  it('dates a file changed since its last commit by that commit, never by less, with one note', async () => {
    const root = await repository();
    await commitAll(root, [{ author: 'Ada Quill', email: 'ada@example.invalid', date: '2026-03-02T09:00:00Z', files: { 'content/pages/extra.md': '---\ntitle: Extra\n---\nText.\n' } }]);
    await appendFile(path.join(root, 'content/issues/1/20-second.md'), '\nNot committed yet.\n');
    // Neither site.yml, which has no dates, nor a file deleted, which is not built, is worth a note.
    await appendFile(path.join(root, 'content/site.yml'), '# edited\n');
    await rm(path.join(root, 'content/pages/extra.md'));
    const { run, page } = await build(root);
    expect(run.stderr).toBe("note: content/issues/1/20-second.md has changes not committed, so its dates are its last commit's until they are\n");
    expect(await page('web/issues/1/second/index.html')).toContain('Last changed <time datetime="2026-04-10">April 10, 2026</time>');
    expect(await page('web/atom.xml')).toContain('<updated>2026-04-10T12:30:00.000Z</updated>');
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>');
  });

  it('dates a file never committed from its front matter, with one note', async () => {
    const root = await repository();
    await writeFile(path.join(root, 'content/issues/1/30-third.md'), '---\ntitle: The third article\n---\nUnsaved.\n');
    const { run, page } = await build(root);
    expect(run.stderr).toBe('note: content/issues/1/30-third.md is not committed, so it has no dates from Git (first and last commit) until it is\n');
    expect(await page('web/issues/1/third/index.html')).toContain('<time datetime="2026-03-01">March 1, 2026</time> · <a');
  });

  it('names the first of several files never committed, with one note for them all', async () => {
    const root = await repository();
    await writeFile(path.join(root, 'content/issues/1/30-third.md'), '---\ntitle: The third article\n---\nUnsaved.\n');
    await writeFile(path.join(root, 'content/issues/1/40-fourth.md'), '---\ntitle: The fourth article\n---\nUnsaved.\n');
    const { run } = await build(root);
    expect(run.stderr).toBe('note: 2 files (content/issues/1/30-third.md, …) are not committed, so they have no dates from Git (first and last commit) until they are\n');
  });

  it('dates a file made anew where a deleted one was from its front matter, not from the deleted one\'s commits', async () => {
    const root = await repository();
    await commitAll(root, [
      { author: 'Old Committer', email: 'old@secret.example', date: '2026-05-03T09:00:00Z', files: { 'content/issues/1/30-old.md': '---\ntitle: The old article\n---\nOld.\n' } },
      { author: 'Remover', email: 'remover@secret.example', date: '2026-05-04T09:00:00Z', files: { 'content/issues/1/30-old.md': null } },
    ]);
    await writeFile(path.join(root, 'content/issues/1/30-old.md'), '---\ntitle: The new article\n---\nNew.\n');
    const { run, page } = await build(root);
    expect(run.stderr).toBe('note: content/issues/1/30-old.md is not committed, so it has no dates from Git (first and last commit) until it is\n');
    expect(await page('web/issues/1/old/index.html')).toContain('<time datetime="2026-03-01">March 1, 2026</time> · <a');
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>');
    // The issue lost the old article at its deletion: its last change.
    expect(await page('web/atom.xml')).toContain('<updated>2026-05-04T09:00:00.000Z</updated>');
    expect(await page('web/sitemap.xml')).toContain('<loc>https://zine.example/issues/1/old/</loc><lastmod>2026-03-01</lastmod>');
  });

  it('dates a file taken out of the index (git rm --cached) from its front matter, as one never committed', async () => {
    const root = await repository();
    await git(root, ['rm', '-q', '--cached', 'content/issues/1/20-second.md']);
    const { run, page } = await build(root);
    expect(run.stderr).toBe('note: content/issues/1/20-second.md is not committed, so it has no dates from Git (first and last commit) until it is\n');
    expect(await page('web/issues/1/second/index.html')).toContain('<time datetime="2026-03-01">March 1, 2026</time> · <a');
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Grace Ink</bdi></p>');
  });

  it('builds a shallow clone from front matter, and says so once', async () => {
    const clone = path.join(await temporaryFolder(), 'shallow');
    await git(path.dirname(clone), ['clone', '-q', '--depth', '1', `file://${await repository()}`, clone]);
    const { run, page } = await build(clone);
    expect(run.stderr).toBe('note: this is a shallow Git clone, so dates and contributors come from front matter only; fetch the whole history for them\n');
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Grace Ink</bdi></p>');
  });

  it('builds a repository Git refuses as another user\'s from front matter, and says how to trust it', async () => {
    const root = await repository();
    // Git's own switch for its ownership check: the repository is taken as another user's, as a
    // checkout made by the host is in a container that runs as root.
    process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'] = '1';
    try {
      const { run, page } = await build(root);
      expect(run.stderr).toBe(`note: Git refuses to read the webzine's repository, which another user owns ("dubious ownership"), so dates and contributors come from front matter only; to trust it: git config --global --add safe.directory '${root}'\n`);
      expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Grace Ink</bdi></p>');
    } finally {
      delete process.env['GIT_TEST_ASSUME_DIFFERENT_OWNER'];
    }
  });

  it('builds a repository with nothing committed yet from front matter, and says it has no commit yet', async () => {
    const root = await makeWebzine();
    await git(root, ['init', '-q', '-b', 'main']);
    await git(root, ['add', '-A']);
    const { run } = await build(root);
    expect(run.stderr).toBe("note: the webzine's Git repository has no commit yet, so dates and contributors come from front matter until the first commit\n");
  });

  it('builds from front matter when Git can not read the history, and says Git failed', async () => {
    const root = await repository();
    const tree = await git(root, ['rev-parse', 'HEAD^{tree}']);
    await rm(path.join(root, '.git/objects', tree.slice(0, 2), tree.slice(2)));
    const { run } = await build(root);
    expect(run.stderr).toBe("note: Git could not read the webzine's history, so dates and contributors come from front matter only; `git log` in the webzine's folder shows why\n");
  });

  it('builds from front matter when GIT_DIR names no repository of the webzine (a hook\'s GIT_DIR=.), and says which variable to unset', async () => {
    const root = await repository();
    process.env['GIT_DIR'] = '.';
    try {
      const { run } = await build(root);
      expect(run.stderr).toBe('note: GIT_DIR="." is set in the environment, and Git, run in the webzine\'s folder, finds there no repository that holds content/site.yml, so dates and contributors come from front matter only; unset it (`unset GIT_DIR` in a Git hook, or `env -u GIT_DIR mimeo build`), or, for a work tree kept apart, set GIT_DIR to its repository\'s absolute path and GIT_WORK_TREE to the webzine\'s folder\n');
    } finally {
      delete process.env['GIT_DIR'];
    }
  });

  it('builds outside any repository, and says so once', async () => {
    const { run } = await build(await makeWebzine());
    expect(run.stderr).toBe('note: the webzine is not in a Git repository, so dates and contributors come from front matter only\n');
  });
});

describe('a file at the path of one deleted earlier', () => {
  const old = { author: 'Old Committer', email: 'old@secret.example' };
  const remover = { author: 'Remover', email: 'remover@secret.example' };
  const bo = { author: 'Bo Rivet', email: 'bo@secret.example' };
  const mover = { author: 'Mover', email: 'mover@secret.example' };
  const article = (title: string) => `---\ntitle: ${title}\n---\nText.\n`;
  const contributors = 'Contributors: <bdi>Ada Quill</bdi>, <bdi>Bo Rivet</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>';

  it('takes none of its dates and names when it is committed anew there', async () => {
    const root = await repository();
    await commitAll(root, [
      { ...old, date: '2026-05-03T09:00:00Z', files: { 'content/issues/1/30-third.md': article('The old article') } },
      { ...remover, date: '2026-05-04T09:00:00Z', files: { 'content/issues/1/30-third.md': null } },
      { ...bo, date: '2026-05-06T09:00:00Z', files: { 'content/issues/1/30-third.md': article('The new article') } },
    ]);
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/third/index.html')).toContain('Last changed <time datetime="2026-05-06">May 6, 2026</time>');
    expect((await readGitHistory(root)).files.get('content/issues/1/30-third.md')).toMatchObject({ created: '2026-05-06T09:00:00.000Z', authors: ['Bo Rivet'] });
  });

  it('takes the history of a file moved there (git mv), not the deleted one\'s', async () => {
    const root = await repository();
    await commitAll(root, [
      { ...old, date: '2026-05-03T09:00:00Z', files: { 'content/issues/1/30-extra.md': article('The old article') } },
      { ...remover, date: '2026-05-04T09:00:00Z', files: { 'content/issues/1/30-extra.md': null } },
      { ...bo, date: '2026-05-06T09:00:00Z', files: { 'content/issues/1/40-other.md': article('The moved article') } },
      { ...mover, date: '2026-05-08T09:00:00Z', moves: { 'content/issues/1/40-other.md': 'content/issues/1/30-extra.md' } },
    ]);
    const { run, page } = await build(root);
    expect(run.stderr).toBe('');
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/extra/index.html')).toContain('Last changed <time datetime="2026-05-06">May 6, 2026</time>');
    expect((await readGitHistory(root)).files.get('content/issues/1/30-extra.md')).toMatchObject({ created: '2026-05-06T09:00:00.000Z', authors: ['Bo Rivet'] });
  });

  it('keeps, once moved elsewhere, the commits made before the move since it was made there, and none before', async () => {
    const root = await repository();
    await commitAll(root, [
      { ...old, date: '2026-05-03T09:00:00Z', files: { 'content/issues/1/30-draft.md': article('The old article') } },
      { ...remover, date: '2026-05-04T09:00:00Z', files: { 'content/issues/1/30-draft.md': null } },
      { ...bo, date: '2026-05-06T09:00:00Z', files: { 'content/issues/1/30-draft.md': article('The new article') } },
      { ...mover, date: '2026-05-08T09:00:00Z', moves: { 'content/issues/1/30-draft.md': 'content/issues/1/30-final.md' } },
    ]);
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/final/index.html')).toContain('Last changed <time datetime="2026-05-06">May 6, 2026</time>');
    expect((await readGitHistory(root)).files.get('content/issues/1/30-final.md')).toMatchObject({ created: '2026-05-06T09:00:00.000Z', authors: ['Bo Rivet'] });
  });
});

describe('a file a branch deleted and the merge kept', () => {
  const bo = { author: 'Bo Rivet', email: 'bo@secret.example' };
  // Cy Solder committed to 20-second.md alone; Bo Rivet changed 10-first.md on the branch too.
  const contributors = 'Contributors: <bdi>Ada Quill</bdi>, <bdi>Bo Rivet</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>';
  const at = (date: string, who: { author: string; email: string }) => ({ GIT_AUTHOR_NAME: who.author, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who.author, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date });

  /** The base repository, with a branch that deletes 20-second.md and changes 10-first.md, merged back keeping 20-second.md. */
  async function refusedDeletion(edits: Parameters<typeof commitAll>[1]): Promise<string> {
    const root = await repository();
    await git(root, ['checkout', '-qb', 'pull-request']);
    await git(root, ['rm', '-q', 'content/issues/1/20-second.md']);
    await appendFile(path.join(root, 'content/issues/1/10-first.md'), '\nMore.\n');
    await git(root, ['commit', '-qam', 'delete the second article'], at('2026-05-02T09:00:00Z', bo));
    await git(root, ['checkout', '-q', 'main']);
    await commitAll(root, edits);
    await git(root, ['merge', '-q', '--no-ff', '--no-commit', 'pull-request'], at('2026-05-09T09:00:00Z', ada)).catch(() => undefined);
    await git(root, ['checkout', 'HEAD', '--', 'content/issues/1/20-second.md']);
    await git(root, ['commit', '-qam', 'merge, keeping the second article'], at('2026-05-09T09:00:00Z', ada));
    return root;
  }

  it('keeps its history when the main line did not change it since', async () => {
    const root = await refusedDeletion([]);
    const { run, page } = await build(root);
    expect(run.stderr).toBe('');
    expect(await page('web/issues/1/second/index.html')).toContain('Last changed <time datetime="2026-04-10">April 10, 2026</time>');
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect((await readGitHistory(root)).files.get('content/issues/1/20-second.md')).toMatchObject({ created: '2026-03-01T09:00:00.000Z', modified: '2026-04-10T12:30:00.000Z', authors: ['Cy Solder', 'Ada Quill'] });
  });

  it('keeps its whole history when the main line changed it after the branch deleted it', async () => {
    const root = await refusedDeletion([{ ...ada, date: '2026-05-05T09:00:00Z', files: { 'content/issues/1/20-second.md': '---\ntitle: The second article\nauthors: [grace]\n---\n## Details\n\nRevised again.\n' } }]);
    const { page } = await build(root);
    expect(await page('web/issues/1/second/index.html')).toContain('Last changed <time datetime="2026-05-05">May 5, 2026</time>');
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect((await readGitHistory(root)).files.get('content/issues/1/20-second.md')).toMatchObject({ created: '2026-03-01T09:00:00.000Z', modified: '2026-05-05T09:00:00.000Z', authors: ['Ada Quill', 'Cy Solder'] });
  });
});

describe('a file deleted and made anew, read in the order its commits were made', () => {
  const old = { author: 'Old Committer', email: 'old@secret.example' };
  const remover = { author: 'Remover', email: 'remover@secret.example' };
  const bo = { author: 'Bo Rivet', email: 'bo@secret.example' };
  const at = (date: string, who: { author: string; email: string }) => ({ GIT_AUTHOR_NAME: who.author, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who.author, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date });
  const article = (title: string) => `---\ntitle: ${title}\n---\nText.\n`;
  const third = 'content/issues/1/30-third.md';
  // Cy Solder committed to 20-second.md, Bo Rivet wrote 30-third.md anew; Old Committer wrote the file deleted.
  const contributors = 'Contributors: <bdi>Ada Quill</bdi>, <bdi>Bo Rivet</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi></p>';

  it('takes none of the deleted file\'s names when the deletion\'s clock was behind and a merge came between', async () => {
    const root = await repository();
    await commitAll(root, [{ ...old, date: '2026-05-01T09:00:00Z', files: { [third]: article('The old article') } }]);
    await git(root, ['checkout', '-qb', 'side']);
    await appendFile(path.join(root, 'content/issues/1/10-first.md'), '\nMore.\n');
    await git(root, ['commit', '-qam', 'on a branch'], at('2026-05-03T09:00:00Z', bo));
    await git(root, ['checkout', '-q', 'main']);
    // A machine whose clock was a year behind: git log, by dates alone, shows this commit last.
    await git(root, ['rm', '-q', third]);
    await git(root, ['commit', '-qm', 'remove'], at('2025-05-04T09:00:00Z', remover));
    await commitAll(root, [{ ...bo, date: '2026-05-06T09:00:00Z', files: { [third]: article('The new article') } }]);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'side'], at('2026-05-09T09:00:00Z', ada));
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect((await readGitHistory(root)).files.get(third)).toMatchObject({ created: '2026-05-06T09:00:00.000Z', authors: ['Bo Rivet'] });
  });

  it('takes none of the deleted file\'s dates and names when a branch deleted it and made it anew, merged with a merge commit as when fast-forwarded', async () => {
    const root = await repository();
    await commitAll(root, [{ ...old, date: '2026-05-01T09:00:00Z', files: { [third]: article('The old article') } }]);
    await git(root, ['checkout', '-qb', 'pull-request']);
    await commitAll(root, [
      { ...remover, date: '2026-05-02T09:00:00Z', files: { [third]: null } },
      { ...bo, date: '2026-05-03T09:00:00Z', files: { [third]: article('The new article') } },
    ]);
    await git(root, ['checkout', '-q', 'main']);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'pull-request'], at('2026-05-09T09:00:00Z', ada));
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/third/index.html')).toContain('Last changed <time datetime="2026-05-09">May 9, 2026</time>');
    expect((await readGitHistory(root)).files.get(third)).toMatchObject({ created: '2026-05-03T09:00:00.000Z', modified: '2026-05-09T09:00:00.000Z', authors: ['Bo Rivet'] });
  });
});

describe('a file deleted and committed back as it was', () => {
  const old = { author: 'Old Committer', email: 'old@secret.example' };
  const remover = { author: 'Remover', email: 'remover@secret.example' };
  const reverter = { author: 'Reverter', email: 'reverter@secret.example' };
  const bo = { author: 'Bo Rivet', email: 'bo@secret.example' };
  const at = (date: string, who: { author: string; email: string }) => ({ GIT_AUTHOR_NAME: who.author, GIT_AUTHOR_EMAIL: who.email, GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: who.author, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: date });
  const article = (title: string) => `---\ntitle: ${title}\n---\nText.\n`;
  const third = 'content/issues/1/30-third.md';
  // Old Committer wrote 30-third.md and Reverter brought it back; Remover, who deleted it, wrote none of it.
  const contributors = 'Contributors: <bdi>Ada Quill</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi>, <bdi>Old Committer</bdi>, <bdi>Reverter</bdi></p>';

  /** The base repository, with 30-third.md written by Old Committer on 1 May and deleted by Remover on 10 May. */
  async function deleted(): Promise<string> {
    const root = await repository();
    await commitAll(root, [
      { ...old, date: '2026-05-01T09:00:00Z', files: { [third]: article('The third article') } },
      { ...remover, date: '2026-05-10T09:00:00Z', files: { [third]: null } },
    ]);
    return root;
  }

  it('keeps its dates and names when the deletion is reverted (git revert)', async () => {
    const root = await deleted();
    await git(root, ['revert', '--no-edit', 'HEAD'], at('2026-05-20T09:00:00Z', reverter));
    const { run, page } = await build(root);
    expect(run.stderr).toBe('');
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/third/index.html')).toContain('Last changed <time datetime="2026-05-20">May 20, 2026</time>');
    const head = await git(root, ['rev-parse', 'HEAD']);
    expect((await readGitHistory(root)).files.get(third)).toEqual({ created: '2026-05-01T09:00:00.000Z', modified: '2026-05-20T09:00:00.000Z', authors: ['Reverter', 'Old Committer'], age: 0, commit: head });
  });

  it('keeps its dates and names when it is checked out from a commit before the deletion and committed', async () => {
    const root = await deleted();
    await git(root, ['checkout', 'HEAD~1', '--', third]);
    await git(root, ['commit', '-qm', 'restore'], at('2026-05-20T09:00:00Z', reverter));
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain(contributors);
    expect(await page('web/issues/1/third/index.html')).toContain('Last changed <time datetime="2026-05-20">May 20, 2026</time>');
    expect((await readGitHistory(root)).files.get(third)).toMatchObject({ created: '2026-05-01T09:00:00.000Z', modified: '2026-05-20T09:00:00.000Z', authors: ['Reverter', 'Old Committer'] });
  });

  it('keeps its dates and names when a merged branch deleted it and the main line reverted the merge', async () => {
    const root = await repository();
    await commitAll(root, [{ ...old, date: '2026-05-01T09:00:00Z', files: { [third]: article('The third article') } }]);
    await git(root, ['checkout', '-qb', 'pull-request']);
    await commitAll(root, [{ ...remover, date: '2026-05-02T09:00:00Z', files: { [third]: null } }]);
    await git(root, ['checkout', '-q', 'main']);
    await commitAll(root, [{ ...bo, date: '2026-05-05T09:00:00Z', files: { 'content/issues/1/10-first.md': article('The first article') } }]);
    await git(root, ['merge', '-q', '--no-ff', '-m', 'merge', 'pull-request'], at('2026-05-09T09:00:00Z', ada));
    await git(root, ['revert', '--no-edit', '-m', '1', 'HEAD'], at('2026-05-20T09:00:00Z', reverter));
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Bo Rivet</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi>, <bdi>Old Committer</bdi>, <bdi>Reverter</bdi></p>');
    expect(await page('web/issues/1/third/index.html')).toContain('Last changed <time datetime="2026-05-20">May 20, 2026</time>');
    expect((await readGitHistory(root)).files.get(third)).toMatchObject({ created: '2026-05-01T09:00:00.000Z', modified: '2026-05-20T09:00:00.000Z', authors: ['Reverter', 'Old Committer'] });
  });

  it('takes none of its dates and names when it is brought back with a change (git restore --source, then edited)', async () => {
    const root = await deleted();
    await git(root, ['restore', '--source=HEAD~1', '--', third]);
    await appendFile(path.join(root, third), '\nMore.\n');
    await git(root, ['add', third]);
    await git(root, ['commit', '-qm', 'restore and edit'], at('2026-05-20T09:00:00Z', reverter));
    const { page } = await build(root);
    expect(await page('web/issues/1/index.html')).toContain('Contributors: <bdi>Ada Quill</bdi>, <bdi>Cy Solder</bdi>, <bdi>Grace Ink</bdi>, <bdi>Reverter</bdi></p>');
    expect((await readGitHistory(root)).files.get(third)).toMatchObject({ created: '2026-05-20T09:00:00.000Z', modified: '2026-05-20T09:00:00.000Z', authors: ['Reverter'] });
  });
});

describe('a symbolic link of content/ checked out as a plain file (core.symlinks=false)', () => {
  const link = 'content/pages/same.png';
  const linkLines = [
    `${link}:1:1: error: this file is a symbolic link in Git, to "../issues/1/diagram.png", checked out as a plain file that holds only that path (core.symlinks=false, the default of Git for Windows): the site would publish the path in place of the file it leads to [git/link-checked-out-as-file]`,
    `  Let Git make symbolic links (on Windows, turn Developer Mode on), then run \`git config core.symlinks true\` and \`git checkout -- ${link}\`; or put a copy of the file it leads to in its place and commit it as a plain file: \`git rm --cached ${link}\`, \`git add ${link}\` (Git keeps a link it checked out as a file a link, whatever the file holds).`,
  ].join('\n');
  let root: string;
  /** A clone of `root`, with `options` (`-c core.symlinks=false` keeps the setting in the clone, as Git for Windows has it). */
  const clone = async (options: string[] = []) => {
    const folder = path.join(await temporaryFolder(), 'clone');
    await git(path.dirname(folder), ['clone', '-q', ...options, `file://${root}`, folder]);
    return folder;
  };
  beforeAll(async () => {
    root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00]));
    await symlink('../issues/1/diagram.png', path.join(root, link));
    await commitAll(root, [{ ...ada, date: '2026-03-01T09:00:00Z' }]);
  });

  it('fails check and build at the file, with the path it holds and how to make it a link again', async () => {
    const checkout = await clone(['-c', 'core.symlinks=false']);
    expect(await readFile(path.join(checkout, link), 'utf8')).toBe('../issues/1/diagram.png');
    const checked = await runCli(['check', '--root', checkout]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe(`${linkLines}\n`);
    expect(checked.stderr).toBe('checked: 1 error, 0 warnings\n');
    const built = await runCli(['build', '--root', checkout, '--out', await temporaryFolder()]);
    expect(built.code).toBe(1);
    expect(built.stdout + built.stderr).toBe(`${linkLines}\nbuild failed: 1 error, 0 warnings; nothing was written\n`);
  });

  it('says nothing of a clone that has the link', async () => {
    const checked = await runCli(['check', '--root', await clone()]);
    expect(checked.code, checked.stdout).toBe(0);
    expect(checked.stdout + checked.stderr).toBe('checked: 0 errors, 0 warnings\n');
  });

  it('fails check at a copy committed in the link\'s place from a clone without links, which Git keeps a link to the copy\'s bytes', async () => {
    const checkout = await clone(['-c', 'core.symlinks=false']);
    await commitAll(checkout, [{ ...cy, date: '2026-03-02T09:00:00Z', files: { [link]: '\u0089PNG\r\n\u001a\n\0copy' } }]);
    expect(await git(checkout, ['ls-tree', 'HEAD', link])).toMatch(/^120000 blob /);
    const checked = await runCli(['check', '--root', checkout]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe(
      [
        `${link}:1:1: error: this file is a symbolic link in Git whose text, the path it leads to, is the bytes of a file (a copy committed in the place of a link where core.symlinks=false, the default of Git for Windows, which keeps a link a link whatever its file holds): where Git makes symbolic links, it leads nowhere [git/link-checked-out-as-file]`,
        `  Commit it as a plain file: run \`git rm --cached ${link}\` and \`git add ${link}\`, then commit.`,
        '',
      ].join('\n'),
    );
  });
});
