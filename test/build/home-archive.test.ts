import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gemtextProblems } from '../support/gemtext.js';
import { build } from '../support/languages.js';
import { checkHtml } from '../support/vnu.js';
import { makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

// Nine issues over three years (the base webzine's first, of 2026-03-01, and eight more), in
// English and French, with a capsule: the latest featured, the next five with their summaries,
// the three oldest a line each, every one under its year.
const dates: Record<number, string> = { 2: '2026-06-01', 3: '2026-09-01', 4: '2026-12-01', 5: '2027-03-01', 6: '2027-06-01', 7: '2027-09-01', 8: '2028-01-15', 9: '2028-04-01' };

async function writeIssue(root: string, number: number, date: string | undefined): Promise<void> {
  await mkdir(path.join(root, `content/issues/${number}`), { recursive: true });
  const dateLine = date === undefined ? '' : `date: ${date}\n`;
  await writeFile(path.join(root, `content/issues/${number}/issue.md`), `---\ntitle: Light ${number}\n${dateLine}summary: Summary of ${number}.\n---\nText.\n`);
}

async function makeDecade(): Promise<string> {
  const root = await makeWebzine();
  await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\nlanguage: en\nlanguages: [fr]\n');
  for (const [number, date] of Object.entries(dates)) await writeIssue(root, Number(number), date);
  return root;
}

/** The texts of the elements of `html` that open with `open` (up to its first `>`), in order, without markup or blank lines. */
function textsOf(html: string, open: string, close: string): string[] {
  const pattern = new RegExp(`${open}[^>]*>(.*?)${close}`, 'gs');
  return [...html.matchAll(pattern)].map((match) => match[1]!.replace(/<[^>]+>/g, '').trim());
}

let out: string;
let read: (file: string) => Promise<string>;

beforeAll(async () => {
  ({ out, read } = await build(await makeDecade()));
});
afterAll(removeTemporaryFolders);

describe('the front page of a webzine of several years', () => {
  it('features the latest issue and leaves it out of the archive', async () => {
    const home = await read('web/index.html');
    expect(textsOf(home, '<h2 class="issue-header__heading"', '</h2>').map((text) => text.replace(/\s+/g, ' ').trim())).toEqual(['No. 9 Light 9']);
    const archive = home.slice(home.indexOf('<section class="archive"'));
    expect(archive.includes('href="issues/8/"') && !archive.includes('href="issues/9/"')).toBe(true);
  });

  it('puts the archive under a heading per year, newest year first, with links to each year', async () => {
    const home = await read('web/index.html');
    expect(textsOf(home, '<h3 class="archive__year-heading" id="_year-', '</h3>')).toEqual(['2028', '2027', '2026']);
    expect([...home.matchAll(/<li><a href="#(_year-\d+)">/g)].map((match) => match[1])).toEqual(['_year-2028', '_year-2027', '_year-2026']);
  });

  it('shows the five issues after the latest with their summaries, and every older one on a line of its own', async () => {
    const home = await read('web/index.html');
    expect([...home.matchAll(/<h4 class="archive__heading"><a href="issues\/(\d+)\/">/g)].map((match) => match[1])).toEqual(['8', '7', '6', '5', '4']);
    expect(textsOf(home, '<p class="archive__summary"', '</p>')).toEqual(['Summary of 8.', 'Summary of 7.', 'Summary of 6.', 'Summary of 5.', 'Summary of 4.']);
    expect(textsOf(home, '<ol class="archive__lines"', '</ol>')).toEqual([
      'No. 3 Light 3 September 1, 2026\nNo. 2 Light 2 June 1, 2026\nNo. 1 First light March 1, 2026',
    ]);
    // 2026 holds issue 4 with its summary, then the three older ones.
    const year2026 = home.slice(home.indexOf('id="_year-2026"'));
    expect(year2026.indexOf('href="issues/4/"')).toBeLessThan(year2026.indexOf('<ol class="archive__lines">'));
  });

  it('groups the archive by year in a translated edition too, in its words', async () => {
    const home = await read('web/fr/index.html');
    expect(textsOf(home, '<h3 class="archive__year-heading" id="_year-', '</h3>')).toEqual(['2028', '2027', '2026']);
    expect(textsOf(home, '<ol class="archive__lines"', '</ol>')).toEqual([
      'n° 3 Light 3 1 septembre 2026\nn° 2 Light 2 1 juin 2026\nn° 1 First light 1 mars 2026',
    ]);
  });

  it('is valid HTML, as the Nu Html Checker sees it', async () => {
    expect(await checkHtml([path.join(out, 'web/index.html'), path.join(out, 'web/fr/index.html')])).toEqual([]);
  });
});

describe("the capsule's front page of a webzine of several years", () => {
  it('lists the latest issue, then the others under a ## heading per year, each on an => line of SPEC §3', async () => {
    const index = await read('gemini/index.gmi');
    expect(index.split('\n').filter((line) => line.startsWith('#'))).toEqual(['# Test Zine', '## Latest issue', '## 2028', '## 2027', '## 2026', '## Test Zine', '## Languages']);
    expect(index).toContain(
      [
        '## Latest issue\n\n=> issues/9/ 2028-04-01 No. 9: Light 9\n',
        '## 2028\n\n=> issues/8/ 2028-01-15 No. 8: Light 8\n',
        '## 2027\n\n=> issues/7/ 2027-09-01 No. 7: Light 7\n=> issues/6/ 2027-06-01 No. 6: Light 6\n=> issues/5/ 2027-03-01 No. 5: Light 5\n',
        '## 2026\n\n=> issues/4/ 2026-12-01 No. 4: Light 4\n=> issues/3/ 2026-09-01 No. 3: Light 3\n=> issues/2/ 2026-06-01 No. 2: Light 2\n=> issues/1/ 2026-03-01 No. 1: First light\n',
      ].join('\n'),
    );
    expect(gemtextProblems(index)).toEqual([]);
  });

  it('has the same year headings in a translated edition', async () => {
    const index = await read('gemini/fr/index.gmi');
    expect(index.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## Dernier numéro', '## 2028', '## 2027', '## 2026', '## Test Zine', '## Langues']);
    expect(index).toContain('## 2026\n\n=> issues/4/ 2026-12-01 n° 4\u202F: Light 4\n');
  });
});

describe('the front page with drafts shown', () => {
  it('puts a draft issue without a date under "Not yet published", before the years', async () => {
    const root = await makeDecade();
    await writeIssue(root, 10, undefined);
    await writeIssue(root, 11, undefined);
    const draftOut = await temporaryFolder();
    expect((await runCli(['build', '--drafts', '--root', root, '--out', draftOut])).code).toBe(0);
    const home = await readFile(path.join(draftOut, 'web/index.html'), 'utf8');
    expect(textsOf(home, '<h3 class="archive__year-heading" id="_year-', '</h3>')).toEqual(['Not yet published', '2028', '2027', '2026']);
    expect(home).toContain('<a href="#_year-unpublished">Not yet published</a>');
    const index = await readFile(path.join(draftOut, 'gemini/index.gmi'), 'utf8');
    expect(index).toContain('## Latest issue\n\n=> issues/11/ No. 11: Light 11 [Draft]\n\n## Not yet published\n\n=> issues/10/ No. 10: Light 10 [Draft]\n\n## 2028\n');
    expect(await checkHtml([path.join(draftOut, 'web/index.html')])).toEqual([]);
  });
});
