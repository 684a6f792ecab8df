import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { parseFrontMatter } from '../../src/parse/front-matter.js';
import { listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const sections = ['10-headlines.md', '20-tip.md', '30-interview.md', '40-links.md', '50-artwork.md', '60-letters.md'];

async function write(root: string, file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

async function frontMatterOf(root: string, file: string): Promise<unknown> {
  return parseFrontMatter(await readFile(path.join(root, file), 'utf8'), file, createCollector().report).data?.value;
}

/** The base webzine with a draft issue 2 (orders 10 and 25) and a published issue 3. */
async function webzineWithDraft(): Promise<string> {
  const root = await makeWebzine();
  await write(root, 'content/issues/2/issue.md', '---\ntitle: In progress\n---\n');
  await write(root, 'content/issues/2/10-one.md', '---\ntitle: One\n---\n');
  await write(root, 'content/issues/2/25-two.md', '---\ntitle: Two\n---\n');
  await write(root, 'content/issues/3/issue.md', '---\ntitle: Out already\ndate: 2026-04-01\n---\n');
  return root;
}

describe('mimeo new issue', () => {
  it('creates the next issue folder with a draft issue.md and the section articles, printing their paths', async () => {
    const root = await makeWebzine();
    const run = await runCli(['new', 'issue', '--root', root]);
    expect(run).toEqual({ code: 0, stdout: ['issue.md', ...sections].map((file) => `content/issues/2/${file}\n`).join(''), stderr: '' });
    expect(await frontMatterOf(root, 'content/issues/2/issue.md')).toEqual({ title: 'Untitled', summary: '', editors: [] });
  });

  it('says on one note line that the newest issue is still a draft, and starts the next one all the same', async () => {
    const root = await makeWebzine();
    expect((await runCli(['new', 'issue', '--root', root])).stderr).toBe('');
    const run = await runCli(['new', 'issue', '--root', root]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('content/issues/3/issue.md');
    expect(run.stderr).toBe(
      'note: issue 2 (content/issues/2/) is still a draft, so the new issue, 3, comes after it; to work on issue 2 instead, add articles with `mimeo new article "Title" --issue 2` or edit its folder\n',
    );
  });

  it('says nothing of an older draft when the newest issue is out', async () => {
    const run = await runCli(['new', 'issue', '--root', await webzineWithDraft()]);
    expect(run.stdout.split('\n')[0]).toBe('content/issues/4/issue.md');
    expect(run.stderr).toBe('');
  });

  it('keeps the zero-padding of the existing issue folders', async () => {
    const root = await makeWebzine();
    await rename(path.join(root, 'content/issues/1'), path.join(root, 'content/issues/007'));
    const run = await runCli(['new', 'issue', '--root', root]);
    expect(run.stdout.split('\n')[0]).toBe('content/issues/008/issue.md');
  });

  it('adds the sections of a webzine\'s own scaffolds/sections/ to those of the default theme', async () => {
    const root = await makeWebzine();
    await write(root, 'themes/default/scaffolds/sections/70-puzzle.md', '---\ntitle: Puzzle {{ number }}\n---\n');
    const run = await runCli(['new', 'issue', '--root', root]);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('content/issues/2/70-puzzle.md');
    expect(await readFile(path.join(root, 'content/issues/2/70-puzzle.md'), 'utf8')).toBe('---\ntitle: Puzzle 2\n---\n');
  });
});

describe('mimeo new article', () => {
  it('adds the article to the newest draft issue, after its highest order, named after its title', async () => {
    const root = await webzineWithDraft();
    const run = await runCli(['new', 'article', 'Power, and how to measure it', '--root', root]);
    expect(run).toEqual({ code: 0, stdout: 'content/issues/2/30-power-and-how-to-measure-it.md\n', stderr: '' });
  });

  it('adds the article to the issue given with --issue', async () => {
    const root = await webzineWithDraft();
    const run = await runCli(['new', 'article', 'Late news', '--issue', '1', '--root', root]);
    expect(run.stdout).toBe('content/issues/1/30-late-news.md\n');
  });

  it('writes a title with a colon and quotes so that it reads back the same', async () => {
    const root = await webzineWithDraft();
    const title = 'Report: the "big" meet, 10 # \'quoted\'';
    await runCli(['new', 'article', title, '--root', root]);
    expect(await frontMatterOf(root, 'content/issues/2/30-report-the-big-meet-10-quoted.md')).toEqual({ title, authors: [], summary: '', tags: [] });
  });

  it('exits 2 when there is no draft issue and no --issue, pointing to new issue', async () => {
    const root = await makeWebzine();
    const run = await runCli(['new', 'article', 'Orphan', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'mimeo: there is no draft issue to add the article to; start one with `mimeo new issue`, or pass --issue N\nSee `mimeo new --help`.\n',
    );
  });

  it('exits 2 on an --issue that does not exist, listing the issues', async () => {
    const root = await webzineWithDraft();
    const run = await runCli(['new', 'article', 'Lost', '--issue', '9', '--root', root]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mimeo: there is no issue 9 in content/issues/; the issues are 1, 2, 3\n');
  });

  it('uses the webzine\'s own article scaffold over the default one', async () => {
    const root = await webzineWithDraft();
    await write(root, 'themes/default/scaffolds/article.md', '---\ntitle: {{ title | yaml }}\nauthors: [ada]\n---\n\nNo. {{ number }}, {{ order }}, {{ slug }}.\n');
    await runCli(['new', 'article', 'Our own', '--root', root]);
    expect(await readFile(path.join(root, 'content/issues/2/30-our-own.md'), 'utf8')).toBe('---\ntitle: "Our own"\nauthors: [ada]\n---\n\nNo. 2, 30, our-own.\n');
  });

  it('reports a mistake in a scaffold template at its file and line, and writes nothing', async () => {
    const root = await webzineWithDraft();
    await write(root, 'themes/default/scaffolds/article.md', '---\ntitle: {{ title | yml }}\n---\n');
    const before = await readTree(path.join(root, 'content'));
    const run = await runCli(['new', 'article', 'Typo', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'themes/default/scaffolds/article.md:2:8: error: the template can not be read: undefined filter: yml [template/syntax]\n  Did you mean "yaml"? Templates are LiquidJS (https://liquidjs.com/tags/overview.html); the theme\'s README lists what each one is given.\nnew failed: 1 error, 0 warnings; nothing was written\n',
    );
    expect(await readTree(path.join(root, 'content'))).toEqual(before);
  });

  it('refuses a title whose slug an article of the issue has already, and writes nothing', async () => {
    const root = await webzineWithDraft();
    const before = await readTree(path.join(root, 'content'));
    const run = await runCli(['new', 'article', 'Two', '--root', root]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mimeo: content/issues/2/25-two.md already has the slug "two"; give the new article another title; nothing was written\n',
    });
    expect(await readTree(path.join(root, 'content'))).toEqual(before);
  });
});

describe('mimeo new page', () => {
  it('creates content/pages/<slug>.md', async () => {
    const root = await makeWebzine();
    const run = await runCli(['new', 'page', 'How to help', '--root', root]);
    expect(run.stdout).toBe('content/pages/how-to-help.md\n');
    expect(await frontMatterOf(root, 'content/pages/how-to-help.md')).toEqual({ title: 'How to help', menu: false, order: 0, summary: '' });
  });

  it('says why site.yml can not be read, not that it is missing, and writes nothing', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), Buffer.from('title: Caf\xe9\nbaseUrl: https://zine.example/\n', 'latin1'));
    const before = await readTree(root);
    const run = await runCli(['new', 'page', 'Hello', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/site.yml:1:11: error: this file is not valid UTF-8 [encoding/invalid-utf8]');
    expect(run.stderr).not.toContain('[site-config/missing]');
    expect(await readTree(root)).toEqual(before);
  });

  it('refuses to overwrite an existing page, exits 1 and leaves the tree unchanged', async () => {
    const root = await makeWebzine();
    const before = await readTree(root);
    const run = await runCli(['new', 'page', 'About', '--root', root]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'mimeo: content/pages/about.md already exists, and mimeo new never overwrites a file; nothing was written\n',
    });
    expect(await readTree(root)).toEqual(before);
  });
});

describe('mimeo new usage', () => {
  it.each([
    [[], 'say what to make: issue, article "Title", page "Title", translation FILE LANG or webzine "Title"'],
    [['post', 'Hello'], 'the kinds are issue, article, page, translation and webzine, got "post"'],
    [['article'], 'new article needs a title: mimeo new article "The title"'],
    [['page', '  '], 'new page needs a title: mimeo new page "The title"'],
    [['article', 'Two', 'words'], 'new article takes one title, got 2 words; put a title of several words in quotes: "Like this one"'],
    [['issue', 'Title'], 'new issue takes no title, got "Title"; the title is set in the new issue.md'],
    [['page', 'Help', '--issue', '2'], '--issue is only for new article, not new page'],
    [['webzine'], 'new webzine needs a title: mimeo new webzine "The title"'],
    [['webzine', 'Zine', '--issue', '2'], '--issue is only for new article, not new webzine'],
    [['article', 'Help', '--issue', 'two'], '--issue must be an issue number like 5, got "two"'],
    [['article', '???'], 'the title "???" has no letter or digit from a to z or 0 to 9 to make its file name from'],
    [['webzine', 'two\nlines'], 'new webzine takes a title of one line, got "two\\nlines"; write it without the line break'],
    [['page', 'two\r\nlines'], 'new page takes a title of one line, got "two\\r\\nlines"; write it without the line break'],
    [['article', 'two\u2028lines'], 'new article takes a title of one line, got "two\\u2028lines"; write it without the line break'],
    [['article', 'a\tb'], 'new article takes a title without control characters, got "a\\tb", which has U+0009; write it without'],
    [['webzine', 'bell\u0007'], 'new webzine takes a title without control characters, got "bell\\u0007", which has U+0007; write it without'],
  ])('exits 2 on `new %j`', async (args, message) => {
    const root = await makeWebzine();
    const run = await runCli(['new', ...args, '--root', root]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `mimeo: ${message}\nSee \`mimeo new --help\`.\n` });
    expect(await listTree(path.join(root, 'content'))).toEqual(await listTree(path.join(repoRoot, 'test/fixtures/base/content')));
  });

  it('exits 1 in a folder without content/site.yml, pointing to --root', async () => {
    const root = await temporaryFolder();
    const run = await runCli(['new', 'page', 'Help', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('content/site.yml:1:1: error: the webzine needs a content/site.yml, and there is none [site-config/missing]\n');
    expect(await listTree(root)).toEqual([]);
  });

  it('describes every option in new --help', async () => {
    const run = await runCli(['new', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['issue', 'article "Title"', 'page "Title"', 'webzine "Title"', '--issue N', '--root DIR', '--debug', '--help']) expect(run.stdout).toContain(option);
  });
});

describe('mimeo new on the sample webzine', () => {
  it('starts issue 5 and an article in it, and the result builds with drafts and checks clean', async () => {
    const root = await temporaryFolder();
    await cp(path.join(repoRoot, 'content'), path.join(root, 'content'), { recursive: true });
    expect((await runCli(['new', 'issue', '--root', root])).stdout).toBe(['issue.md', ...sections].map((file) => `content/issues/5/${file}\n`).join(''));
    expect((await runCli(['new', 'article', 'Fixing a fan: a tale', '--root', root])).stdout).toBe('content/issues/5/70-fixing-a-fan-a-tale.md\n');
    const out = await temporaryFolder();
    const built = await runCli(['build', '--drafts', '--root', root, '--out', out]);
    expect(built.code).toBe(0);
    // The theme shows the number beside the title, so the title leaves it out.
    expect((await readFile(path.join(out, 'gemini/issues/5/index.gmi'), 'utf8')).split('\n')).toContain('# No. 5: Untitled');
    expect(await listTree(path.join(out, 'web/issues/5'))).toEqual(
      ['artwork', 'fixing-a-fan-a-tale', 'headlines', 'interview', 'letters', 'links', 'tip'].map((slug) => `${slug}/index.html`).concat('index.html').sort(),
    );
    const checked = await runCli(['check', '--drafts', '--root', root]);
    expect({ code: checked.code, stdout: checked.stdout }).toEqual({ code: 0, stdout: '' });
    // Dated as its notes say, before it was named: the maintainer is warned before readers see "No. 5: Untitled".
    const issueFile = path.join(root, 'content/issues/5/issue.md');
    await writeFile(issueFile, (await readFile(issueFile, 'utf8')).replace(/^title: .*$/m, 'date: 2026-12-01\n$&'));
    const dated = await runCli(['check', '--root', root]);
    expect(dated.code).toBe(0);
    expect(dated.stdout).toMatch(/^content\/issues\/5\/issue\.md:\d+:8: warning: issue 5 is dated, so published, with the title "Untitled" .*\[issue\/untitled\]$/m);
  });
});
