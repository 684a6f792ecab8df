import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { fixtures, listTree, makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** Writes one file into a copy of the base webzine and runs `mimeo check` on it. */
async function checkWith(file: string, content: string | Buffer) {
  const root = await makeWebzine();
  await writeFile(path.join(root, file), content);
  return runCli(['check', '--root', root]);
}

describe('bad input', () => {
  it('reports an empty article as one without a title, at its first line', async () => {
    const run = await checkWith('content/issues/1/30-empty.md', '');
    expect(run).toMatchObject({ code: 1 });
    expect(run.stdout).toContain('content/issues/1/30-empty.md:1:1: error: an article needs a "title" in its front matter, and there is none [front-matter/required]');
  });

  it('reports a YAML alias to nothing where it is', async () => {
    const run = await checkWith('content/issues/1/30-alias.md', '---\ntitle: *missing\n---\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^content\/issues\/1\/30-alias\.md:2:8: error: the YAML here can not be read: .*\[yaml\/syntax\]/m);
  });

  it('reports a list used as a YAML key where it is, and prints no warning of the YAML library', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-key.md'), '---\ntitle: Key\n? [x, y]\n: z\n---\n');
    // As a process of its own: the library's warnings go to the process's standard error.
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'check', '--root', root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-key.md:3:3: error: the YAML here can not be read: a key must be a single value, not a list or a mapping [yaml/syntax]');
    expect(run.stderr).not.toContain('Warning');
  });

  it('refuses a "billion laughs" front matter instead of expanding it', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = Date.now();
    const run = await checkWith('content/issues/1/30-laughs.md', `---\ntitle: Laughs\n${levels.join('\n')}\n---\n`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/issues/1/30-laughs.md:9:16: error: with this alias, *f, the aliases of this YAML copy more than 4 000 000 characters, and mimeo reads at most 4 000 000 [yaml/too-large]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  // The plain values of simple YAML lost their ending spaces to `/ +$/`, which took 15 s over this.
  it('reads a value with 200 000 spaces inside in moments', async () => {
    const started = Date.now();
    const run = await checkWith('content/site.yml', `title: Test Zine\nbaseUrl: https://zine.example/\ndescription: a${' '.repeat(200_000)}b   \n`);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.stdout + run.stderr).not.toContain(': error: ');
    expect(run.code).toBe(0);
  });

  it('reads 150 aliases of a one-letter value', async () => {
    const run = await checkWith('content/site.yml', `title: &t x\nbaseUrl: https://zine.example/\nextra:\n  copies: [${Array(150).fill('*t').join(', ')}]\n`);
    expect(run.stdout + run.stderr).not.toContain(': error: ');
    expect(run.code).toBe(0);
  });

  // 6 MB copied 99 times crashed V8 (exit 133) as each page's context was made JSON. Front matter
  // holds 50 000 characters at most: 45 000 copied 89 times are past the limit.
  it.each([
    ['content/site.yml', `title: Test Zine\nbaseUrl: https://zine.example/\nextra:\n  big: &b "${'x'.repeat(500_000)}"\n  copies: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`, '5:40'],
    ['content/issues/1/30-copies.md', `---\ntitle: Copies\nbig: &b "${'x'.repeat(45_000)}"\ncopies: [${Array(100).fill('*b').join(', ')}]\n---\nText.\n`, '4:362'],
  ])('refuses YAML whose aliases copy megabytes (%s), where they start, and the build fails without a stack trace', async (file, text, place) => {
    const root = await makeWebzine();
    await writeFile(path.join(root, file), text);
    const started = Date.now();
    const run = await runCli(['build', '--root', root, '--out', await temporaryFolder()]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    expect((run.stdout + run.stderr).split('\n').filter((line) => line.includes(': error: '))).toEqual([
      `${file}:${place}: error: with this alias, *b, the aliases of this YAML copy more than 4 000 000 characters, and mimeo reads at most 4 000 000 [yaml/too-large]`,
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  // The YAML library takes quadratic time over aliases: 150 000 would take it minutes (front matter
  // holds 50 000 characters at most, site.yml and authors.yml any number).
  it('refuses front matter of 12 000 aliases in moments, at the first one past 10 000, and the build fails without a stack trace', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-aliases.md'), `---\ntitle: &t Aliases\ncopies: [${Array(12_000).fill('*t').join(', ')}]\n---\nText.\n`);
    const started = Date.now();
    const run = await runCli(['build', '--root', root, '--out', await temporaryFolder()]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    expect((run.stdout + run.stderr).split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'content/issues/1/30-aliases.md:3:40010: error: with this alias, *t, this YAML has more than 10 000 aliases, and mimeo reads at most 10 000 [yaml/too-many-aliases]',
    ]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  // A contributor's 5.6 MB of unknown fields took `mimeo check` 10 s and printed 187 000 errors.
  it('refuses 5.6 MB of front matter in moments, with one error where 50 000 characters are past, from check and build alike, and reports the rest', async () => {
    const root = await makeWebzine();
    const fields = Array.from({ length: 254_600 }, (_, index) => `f${String(index).padStart(6, '0')}: pasted value`).join('\n');
    await writeFile(path.join(root, 'content/issues/1/30-pasted.md'), `---\ntitle: Pasted\n${fields}\n---\nThe [log](log.md).\n`);
    await writeFile(path.join(root, 'content/issues/1/40-other.md'), '---\ntitle: Other\nautors: [ada]\n---\nText.\n');
    const started = Date.now();
    const check = await runCli(['check', '--root', root]);
    const build = await runCli(['build', '--root', root, '--out', await temporaryFolder(), '--no-cache']);
    expect(Date.now() - started).toBeLessThan(5000);
    const reported = [
      "content/issues/1/30-pasted.md:2275:1: error: this file's front matter has more than 50 000 characters, and mimeo reads at most 50 000 [front-matter/too-large]",
      '  Front matter holds a few short fields (title, authors, summary, tags): put long text in the body, below the closing ---. If that line is missing, add it after the last field.',
      'content/issues/1/30-pasted.md:254604:5: error: the link "log.md" points to nothing in the webzine [link/missing-target]',
      'content/issues/1/40-other.md:3:1: error: "autors" is not a front matter field of an article [front-matter/unknown-key]',
      '  Did you mean "authors"?',
    ];
    expect(check.stdout.split('\n').filter(Boolean)).toEqual(reported);
    expect(build.stderr.split('\n').filter((line) => /^(content\/|  )/.test(line))).toEqual(reported);
    expect([check.code, build.code]).toEqual([1, 1]);
  });

  it('reports Markdown nested thousands of levels deep instead of overflowing the stack', async () => {
    const run = await checkWith('content/issues/1/30-deep.md', `---\ntitle: Deep\n---\n${'> '.repeat(10_000)}deep\n`);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^content\/issues\/1\/30-deep\.md:4:1: error: this file nests quotes, lists, emphasis or HTML elements .* levels deep, and mimeo reads at most 200 \[markdown\/too-deep\]/m);
  });

  // Each took micromark tens of seconds to gigabytes (security review): refused before it is parsed.
  it.each([
    ['runs of 20 000 asterisks', `${'*'.repeat(20_000)}a${'*'.repeat(20_000)}`, 4, 'this paragraph, heading or table cell has more than 2000 emphasis marks (*, _ or ~ next to text, outside code), and mimeo reads at most 2000 in one [markdown/too-many-delimiters]'],
    // Not a table (one header cell, two delimiter cells): one paragraph, which took `mimeo check` 46.7 s.
    ['a "table" whose header and delimiter row differ', `a\n-|-\n${`${'*a_ '.repeat(950)}\n`.repeat(24)}`, 7, 'this paragraph, heading or table cell has more than 2000 emphasis marks (*, _ or ~ next to text, outside code), and mimeo reads at most 2000 in one [markdown/too-many-delimiters]'],
    ['list items and quotes 3 000 each on one line', '- > '.repeat(3000), 4, 'this file nests quotes, lists, emphasis or HTML elements 9000 levels deep, and mimeo reads at most 200 [markdown/too-deep]'],
    ['a list nested 1 000 levels deep', Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- x`).join('\n'), 104, 'this file nests quotes, lists, emphasis or HTML elements 202 levels deep, and mimeo reads at most 200 [markdown/too-deep]'],
    ['a table of 200 columns and 2 000 rows', [`|${' a |'.repeat(200)}`, `|${'---|'.repeat(200)}`, ...Array.from({ length: 2000 }, () => `|${' b |'.repeat(200)}`)].join('\n'), 4, 'this table has more than 50 000 cells, and mimeo reads at most 50 000 in one table [markdown/too-many-cells]'],
    // 800 000 one-word paragraphs ran `mimeo check` out of heap after 58 s; 200 000 list items took over 300 s.
    ['800 000 one-word paragraphs', 'line\n\n'.repeat(800_000), 666_670, 'this file has more than 2 000 000 characters, and mimeo reads at most 2 000 000 in one file [markdown/too-large]'],
    ['200 000 list items', Array.from({ length: 200_000 }, (_, n) => `- item ${n}`).join('\n'), 150_797, 'this file has more than 2 000 000 characters, and mimeo reads at most 2 000 000 in one file [markdown/too-large]'],
    ['40 000 list items', Array.from({ length: 40_000 }, (_, n) => `- item ${n}`).join('\n'), 15_004, 'this file has more than 30 000 blocks (paragraphs, headings, list items, quotes, code blocks, table rows), and mimeo reads at most 30 000 in one file [markdown/too-many-blocks]'],
    // 9.9 MB of prose took `mimeo check` 15 s and 1.1 GB; refused where its two millionth character is.
    ['9.9 MB of prose in 2 900 paragraphs', `${'Prose of an article that goes on. '.repeat(100)}\n\n`.repeat(2900), 1178, 'this file has more than 2 000 000 characters, and mimeo reads at most 2 000 000 in one file [markdown/too-large]'],
    // 500 000 one-letter lines (1 MB) took micromark 15 s and 2 GB, in a paragraph or a code block alike.
    ['500 000 one-letter lines in a code block', `\`\`\`\n${'a\n'.repeat(500_000)}\`\`\``, 50_004, 'this file has more than 50 000 lines, and mimeo reads at most 50 000 in one file [markdown/too-many-lines]'],
    // Each inline mark costs every stage: these 400 000 emphasis marks took `mimeo check` 10 s and 1.8 GB.
    ['20 000 paragraphs of ten emphases each', '*a* '.repeat(10).concat('\n\n').repeat(20_000), 10_004, 'this file\'s inline markup weighs more than 100 000 (links, images, footnote calls, HTML tags and web or e-mail addresses weigh four each; backticks, emphasis marks, escapes and entities one), and mimeo reads at most 100 000 in one file [markdown/too-much-markup]'],
    // micromark reads each `]` back to the paragraph's start when no `[` comes before it: quadratic time.
    ['a line of 100 000 "]"', ']'.repeat(100_000), 4, "this paragraph, heading or table cell is too long for the line breaks, brackets and other markup in it: its length times their number takes the file's total past 8 000 000 000, and mimeo reads at most 8 000 000 000 [markdown/too-long-paragraph]"],
    // Code with a language is highlighted, a span a token: this took `mimeo check` 12 s and 1.1 GB.
    ['1.9 MB of dense JavaScript to highlight', `\`\`\`js\n${`${'1+'.repeat(20)}\n`.repeat(47_000)}\`\`\``, 6102, 'this file has more than 250 000 characters of code to highlight (code blocks with a language), and mimeo highlights at most 250 000 in one file [markdown/too-much-code]'],
    ['10 000 block quotes, which micromark reads in quadratic time', '> q\n\n'.repeat(10_000), 12_004, 'this file has more than 30 000 blocks (paragraphs, headings, list items, quotes, code blocks, table rows), and mimeo reads at most 30 000 in one file [markdown/too-many-blocks]'],
  ])('refuses %s in moments, where it is, and the build fails without a stack trace', async (_case, body, line, said) => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-slow.md'), `---\ntitle: Slow\n---\n${body}\n`);
    const started = Date.now();
    const run = await runCli(['build', '--root', root, '--out', await temporaryFolder(), '--no-cache']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    // Only the refusal: a body that was not read is not "published with no text" (article/blank).
    expect((run.stdout + run.stderr).split('\n').filter((text) => text.includes(': error: ') || text.includes(': warning: '))).toEqual([`content/issues/1/30-slow.md:${line}:1: error: ${said}`]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('builds an article of a megabyte of prose, and code and rules full of asterisks', async () => {
    const root = await makeWebzine();
    const prose = Array.from({ length: 2500 }, (_, n) => `Paragraph ${n} has *some* emphasis, **strong words** and \`code\`, ${'and plenty of ordinary words to read. '.repeat(10)}`).join('\n\n');
    await writeFile(path.join(root, 'content/issues/1/30-long.md'), `---\ntitle: Long\n---\n${prose}\n\n****\n\n\`\`\`\n${`${'*'.repeat(80)}\n`.repeat(500)}\`\`\`\n`);
    const run = await runCli(['build', '--root', root, '--out', await temporaryFolder(), '--no-cache']);
    expect(run.stdout + run.stderr).not.toContain(': error: ');
    expect(run.code).toBe(0);
  }, 30_000);

  it.each([
    ['in one block', `${'<div>'.repeat(2000)}x${'</div>'.repeat(2000)}`, '2000'],
    ['a block a line', Array.from({ length: 2000 }, () => '<div>\n').join('\n'), '2000'],
    ['written as empty elements, which HTML opens all the same', '<div/>'.repeat(30_000), 'thousands of'],
  ])('reports raw HTML nested thousands of levels deep (%s) instead of overflowing the stack, on every thread', async (_case, html, depth) => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-deep.md'), `---\ntitle: Deep\n---\n${html}\n`);
    for (const jobs of ['1', '2']) {
      const run = await runCli(['check', '--root', root, '--no-cache', '--jobs', jobs]);
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^content/issues/1/30-deep\\.md:\\d+:1: error: this file nests quotes, lists, emphasis or HTML elements ${depth} levels deep, and mimeo reads at most 200 \\[markdown/too-deep\\]$`));
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it.each([
    ['stray tags in paragraphs, which end with them', Array.from({ length: 210 }, (_, n) => `Step ${n} returns a Promise<T> to the caller.`).join('\n\n'), 'sanitize'],
    ['tags inside comments', Array.from({ length: 210 }, (_, n) => `<!-- <section> draft ${n} -->\n\nText ${n}.`).join('\n\n'), 'sanitize'],
    ['blocks of raw HTML shown as text, each read on its own', Array.from({ length: 210 }, (_, n) => `<div class="step">\n\nStep ${n}.`).join('\n\n'), 'escape'],
  ])('does not call flat content deep: %s', async (_case, body, html) => {
    const root = await makeWebzine();
    await appendFile(path.join(root, 'content/site.yml'), `markdown:\n  html: ${html}\n`);
    await writeFile(path.join(root, 'content/issues/1/30-flat.md'), `---\ntitle: Flat\n---\n${body}\n`);
    const run = await runCli(['check', '--root', root]);
    // Stray tags are left out, and said so, ten times at most and then how many more; nothing is called too deep.
    const said = run.stdout.split('\n').filter((line) => / (error|warning): /.test(line));
    expect(said.filter((line) => !line.endsWith('[html/removed]'))).toEqual([]);
    expect(said.length).toBeLessThanOrEqual(11);
    expect(run.code).toBe(0);
  });

  it('locates a script in a copied SVG at its tag, when the tag goes on over lines', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/drawing.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n  <rect width="1"/>\n  <script\n     id="s1">alert(1)</script>\n</svg>\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toContain('content/static/drawing.svg:3:3: error: this SVG image holds a <script> element');
  });

  it('reports a copied HTML file nested thousands of levels deep as one it can not check, instead of overflowing the stack', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await writeFile(path.join(root, 'content/static/deep.html'), `<!doctype html><title>x</title>${'<div>'.repeat(20_000)}`);
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/static/deep.html:1:1: error: ');
    expect(run.stdout).toContain('nested thousands of levels deep');
  });

  it('reports Markdown and YAML files mimeo would leave out without a word, each where it is', async () => {
    const root = await makeWebzine();
    const lost = '---\ntitle: Lost\n---\nWhere am I?\n';
    await writeFile(path.join(root, 'content/contact.md'), lost);
    await writeFile(path.join(root, 'content/issues/30-lost.md'), lost);
    await mkdir(path.join(root, 'content/page'));
    await writeFile(path.join(root, 'content/page/faq.md'), lost);
    await writeFile(path.join(root, 'content/authors.yaml'), 'ada:\n  name: Ada\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'content/authors.yaml:1:1: error: "content/authors.yaml" must be named content/authors.yml [slug/invalid]',
      'content/contact.md:1:1: error: "content/contact.md" must be named content/issues/<N>/<NN>-<slug>.md or content/pages/<slug>.md [slug/invalid]',
      'content/issues/30-lost.md:1:1: error: "content/issues/30-lost.md" must be named content/issues/<N>/<NN>-<slug>.md or content/pages/<slug>.md [slug/invalid]',
      'content/page/faq.md:1:1: error: "content/page/faq.md" must be named content/issues/<N>/<NN>-<slug>.md or content/pages/<slug>.md [slug/invalid]',
    ]);
    // A folder spelt otherwise is told its name.
    expect(run.stdout).toContain('content/page/faq.md:1:1: error: "content/page/faq.md" must be named content/issues/<N>/<NN>-<slug>.md or content/pages/<slug>.md [slug/invalid]\n  Rename it to "content/pages/faq.md".');
  });

  it('suggests names that work, never the one written', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/0000000001-ten.md'), '---\ntitle: Ten\n---\nText.\n');
    await writeFile(path.join(root, 'content/issues/1/a%20b.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(path.join(root, 'content/issues/1/30-picture.md'), '---\ntitle: Picture\n---\n![x](a%20b.svg)\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.stdout).toContain('"0000000001-ten.md" must be named NN-slug.md: an order number (9 digits at most)');
    expect(run.stdout).toContain('Rename it to "1-ten.md".');
    expect(run.stdout).toContain('the file "a%20b.svg" does not exist [asset/missing]\n  Did you mean "a%2520b.svg"?');
  });

  it('tells a missing image that an <img> names twice (src and srcset) once, and counts it once', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-picture.md'), '---\ntitle: Picture\n---\n<img src="pic.svg" srcset="pic.svg 1x, pic.svg 2x" alt="A picture">\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.includes('[asset/missing]'))).toEqual(['content/issues/1/30-picture.md:4:1: error: the file "pic.svg" does not exist [asset/missing]']);
    expect(run.stdout + run.stderr).toContain('1 error');
  });

  it('reads a symbolic link loop once and reports it', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'), { recursive: true });
    await symlink('.', path.join(root, 'content/static/a'));
    await symlink('.', path.join(root, 'content/static/b'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/static/a:1:1: error: this symbolic link leads back to content/static, a folder already read [path/link-loop]');
  });

  it('says a symbolic link to nothing leads nowhere, not outside the content folder', async () => {
    const root = await makeWebzine();
    await symlink('gone.svg', path.join(root, 'content/issues/1/picture.svg'));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'content/issues/1/picture.svg:1:1: error: this symbolic link leads nowhere: "gone.svg", where it points, is no file or folder [path/dangling-link]',
        '  Point the link at a file of content/, or remove it.',
        '',
      ].join('\n'),
    );
  });

  it.each([['http://x y/'], ['https://zine.example/?from=feed'], ['https://zine.example/#top'], ['http://zine.example/'], ['http://192.168.1.20:4000/']])('refuses a --base-url that is not the address of a site (%s), as a usage error', async (url) => {
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', await makeWebzine(), '--out', out, '--base-url', url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`mimeo: --base-url must be an https URL like https://zine.example/ (http only for a preview on localhost, 127.0.0.1 or [::1]), without ?query or #fragment, got "${url}"\nSee \`mimeo build --help\`.\n`);
    expect(await listTree(out)).toEqual([]);
  });

  // As baseUrl in site.yml (SPEC §2.1), but for the address mimeo dev previews at.
  it.each([['https://zine.example/sub/'], ['http://127.0.0.1:4000/'], ['http://localhost:4000/'], ['http://[::1]:4000/']])('builds with --base-url %s in the canonical links', async (url) => {
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', await makeWebzine(), '--out', out, '--base-url', url]);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(out, 'web/about/index.html'), 'utf8')).toContain(`<link rel="canonical" href="${url}about/">`);
  });

  it('refuses a baseUrl in site.yml with a query, which every page\'s address would carry', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/?q=1\n');
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('content/site.yml:2:10: error: "baseUrl" must be an https URL like https://zine.example/, without ?query or #fragment, got "https://zine.example/?q=1" [site-config/invalid]');
  });

  // Each took tens of seconds before (patterns that went back over the whole text from every
  // `<`, or over every space): a pull request could stall CI and `mimeo dev` with one file.
  it('builds in moments a body of tags that never close and a title of many spaces, both made to be slow', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    await writeFile(path.join(root, 'content/issues/1/30-tags.md'), `---\ntitle: Tags\n---\n<div>\n${'<a '.repeat(60_000)}\n`);
    // Within the 50 000 characters front matter may hold.
    await writeFile(path.join(root, 'content/issues/1/40-spaces.md'), `---\ntitle: "a${' '.repeat(49_900)}x\\nz"\n---\nText.\n`);
    const out = await temporaryFolder();
    const started = Date.now();
    const run = await runCli(['build', '--root', root, '--out', out, '--no-cache']);
    expect(run.code, run.stdout).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('builds a raw HTML block of 150 000 paragraphs with ids, and its capsule page, without overflowing the stack', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    // Ids counted in base 36, unquoted: the body stays under the 2 000 000 characters mimeo reads.
    await writeFile(path.join(root, 'content/issues/1/30-many.md'), `---\ntitle: Many\n---\n<div>${Array.from({ length: 150_000 }, (_, index) => `<p id=p${index.toString(36)}>x`).join('')}</div>\n`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out, '--no-cache']);
    expect(run.stdout + run.stderr).not.toContain('error');
    expect(run.code).toBe(0);
    const capsule = await readFile(path.join(out, 'gemini/issues/1/many.gmi'), 'utf8');
    expect(capsule.split('\n').filter((line) => line === 'x')).toHaveLength(150_000);
  }, 60_000);

  it.each(['check', 'build'])('reports (%s) file names it can not publish at their folder, each once, without a stack trace or a forged line', async (command) => {
    const root = await makeWebzine();
    const folder = path.join(root, 'content/static');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, 'back\\slash.txt'), 'x');
    await writeFile(path.join(folder, '30-x\n::error file=a::pwned.txt'), 'x');
    // A name whose bytes are not UTF-8.
    await writeFile(Buffer.concat([Buffer.from(`${folder}/bad`), Buffer.from([0xff]), Buffer.from('.txt')]), 'x');
    const run = await runCli([command, '--root', root, '--out', path.join(await temporaryFolder(), 'dist')].slice(0, command === 'check' ? 3 : 5));
    expect(run.code).toBe(1);
    const said = run.stdout + run.stderr;
    expect(said.split('\n').filter((line) => line.includes('[path/invalid-name]'))).toEqual([
      'content/static:1:1: error: the file "30-x\\n::error file=a::pwned.txt" in this folder can not be published: its name holds a control character [path/invalid-name]',
      'content/static:1:1: error: the file "back\\\\slash.txt" in this folder can not be published: its name holds a backslash [path/invalid-name]',
      'content/static:1:1: error: the file "bad\uFFFD.txt" in this folder can not be published: its name holds bytes that are not UTF-8 [path/invalid-name]',
    ]);
    expect(said).not.toMatch(/^::error/m);
    expect(said).not.toMatch(/\n\s+at /);
  });

  it('reports a theme file too large to be one where it is, instead of reading it without end (a theme named into /proc)', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'themes/default/assets'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/assets/huge.bin'), Buffer.alloc(33 * 1024 * 1024));
    const run = await runCli(['check', '--root', root]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('themes/default/assets/huge.bin:1:1: error: this theme file can not be read (larger than 32 MB) [theme/unreadable]');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves control characters out of pages, with a warning, so they stay valid HTML', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-control.md'), '---\ntitle: "Bell \\u0007 here"\n---\nA form\u000cfeed and a \u0001.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('content/issues/1/30-control.md:2:8: warning: this file holds the invisible control character U+0007, which was left out [encoding/control-character]');
    expect(run.stderr).toContain('content/issues/1/30-control.md:4:7: warning: this file holds the invisible control character U+000C, which was left out [encoding/control-character]');
    expect(await checkHtml([path.join(out, 'web/issues/1/control/index.html'), path.join(out, 'web/issues/1/index.html')])).toEqual([]);
  });
  it("gives each id once: a heading keeps its own from raw HTML's, the first raw element its, and a name with a space goes", async () => {
    const root = await makeWebzine();
    // The first <style id="y"> is one the sanitizer takes out: the <div> after it keeps the id.
    const body = '<a id="lead-in"></a> Before.\n\n## Lead in\n\n## Closing\n\n<a id="closing"></a> Text <span id="x">1</span> <span id="x">2</span> <a name="has space">n</a>\n\n<style id="y">p{}</style>\n\n<div id="y">Here</div>\n\n[Up](#lead-in) [Down](#closing) [X](#x) [Y](#y)\n';
    await writeFile(path.join(root, 'content/issues/1/30-ids.md'), `---\ntitle: Ids\n---\n${body}`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).not.toContain('link/');
    const page = path.join(out, 'web/issues/1/ids/index.html');
    const html = await readFile(page, 'utf8');
    expect(html).toContain('<h2 id="lead-in">');
    expect(html).toContain('<h2 id="closing">');
    expect(html.match(/ id="(lead-in|closing|x|y)"/g)).toEqual([' id="lead-in"', ' id="closing"', ' id="x"', ' id="y"']);
    expect(html).toContain('<div id="y">Here</div>');
    expect(html).not.toContain('has space');
    expect(await checkHtml([page, path.join(out, 'web/issues/1/index.html')])).toEqual([]);
  });
  it('shows raw HTML written where HTML does not allow it as HTML allows it, with a warning where it was written, so pages stay valid HTML', async () => {
    const root = await makeWebzine(path.join(fixtures, 'errors/html-misplaced'));
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'content/issues/1/30-misplaced.md:4:12: warning: <div> can not stand inside <h2>, which holds only text and inline elements; it is shown as a <span>, with its content [html/misplaced]\n' +
        '  Move the <div> out of the <h2>, or write an inline element such as <span> or <em> instead.\n',
    );
    expect(run.stderr).toContain(
      'content/issues/1/30-misplaced.md:6:1: warning: <li> can stand only in <ul>, <ol> or <menu>; it is shown as a <div>, with its content [html/misplaced]\n' +
        '  Put the <li> in <ul>, <ol> or <menu>, or leave out its tags and keep its text.\n',
    );
    expect(run.stderr).toContain('content/issues/1/40-linked.md:14:37: warning: <video controls> can not stand inside <a>, which may hold no link and nothing else interactive; its controls attribute is left out [html/misplaced]');
    expect(run.stderr.match(/\[html\/misplaced\]/g)).toHaveLength(11);
    // The id of the <div> made a <span> is still the target link checking found.
    expect(run.stderr).not.toContain('link/');
    const pages = ['misplaced', 'linked'].map((slug) => path.join(out, `web/issues/1/${slug}/index.html`));
    expect(await readFile(pages[0]!, 'utf8')).toContain('Heading <span id="aside">an aside</span>');
    expect(await checkHtml([...pages, path.join(out, 'web/issues/1/index.html')])).toEqual([]);
  });

  it('keeps the id of raw HTML a repair takes out on a <span>, so a link to it leads where link checking said it does', async () => {
    const root = await makeWebzine();
    const body = '<p><time id="when">next friday</time></p>\n\n## Title <hr id="sep">\n\n<table><caption>One</caption><tr><td>x</td></tr><caption id="second">Two</caption></table>\n\n[a](#when) [b](#sep) [c](#second)\n';
    await writeFile(path.join(root, 'content/issues/1/30-repaired.md'), `---\ntitle: Repaired\n---\n${body}`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).not.toContain('link/');
    const pages = ['issues/1/repaired/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    const html = await readFile(pages[0]!, 'utf8');
    expect(html.match(/<span id="(when|sep|second)">/g)).toEqual(['<span id="when">', '<span id="sep">', '<span id="second">']);
    expect(await checkHtml(pages)).toEqual([]);
  });

  it("gives a cell's headers the prefix its header cell's id gets inside the issue page, so the issue page stays valid HTML", async () => {
    const root = await makeWebzine();
    const body = '<table><tr><th id="h">H</th></tr><tr><td headers="h">x</td></tr></table>\n';
    await writeFile(path.join(root, 'content/issues/1/30-headers.md'), `---\ntitle: Headers\n---\n${body}`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const pages = ['issues/1/headers/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    expect(await checkHtml(pages)).toEqual([]);
  });

  it("leaves out a cell's headers that name a header cell whose id an earlier element keeps, with a warning, so article and issue page stay valid HTML", async () => {
    const root = await makeWebzine();
    const table = (text: string) => `<table><tr><th id="h">H</th></tr><tr><td headers="h">${text}</td></tr></table>`;
    await writeFile(path.join(root, 'content/issues/1/30-tables.md'), `---\ntitle: Tables\n---\n${table('x')}\n\n${table('y')}\n`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr.match(/^content\/issues\/1\/30-tables\.md:\d+:\d+: .*$/gm)).toEqual([
      'content/issues/1/30-tables.md:6:38: warning: the headers attribute of <td> must be the ids of header cells (<th>) of its table, separated by spaces, got "h"; it is left out [html/invalid-value]',
    ]);
    const pages = ['issues/1/tables/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    expect(await checkHtml(pages)).toEqual([]);
  });

  it('leaves out the attribute values of raw HTML that HTML does not allow, with a warning where each was written, so pages stay valid HTML', async () => {
    const root = await makeWebzine();
    const body = [
      'Opened <time datetime="nonsense">last week</time>, closed <time>next friday</time>, moved <time datetime="soon">2026-05-01</time>, on <time datetime="2026-05-01">May Day</time>.',
      '<img src="cover.svg" alt="A lamp" width="50%" height="abc"> <img src="cover.svg" alt="A lamp" loading="soon">',
      '<ol start="x"><li value="2.5">First</li></ol>',
      '<table><tr><th scope="everything">Head</th><td colspan="abc" rowspan="-1">Cell</td></tr></table>',
      '<details open="yes"><summary>More</summary>Text.</details>',
      '<video src="cover.svg" controls="false" preload="sometimes" width="wide"><track src="cover.svg" kind="subtitle" srclang="!!" label=""></video>',
      '<p dir="sideways" lang="en_GB" tabindex="first" accesskey="ab"><span id="two words">Text</span> <span id="">more</span> <del datetime="yesterday">old</del> <ins datetime="2026-05-01T10:00">new</ins></p>',
      '<picture><source srcset="cover.svg" type="not a type"><img src="cover.svg" alt="A lamp"></picture> <a href="https://x.example/" hreflang="not a language">x</a>',
      '<picture><source srcset="cover.svg" media="nonsense"><source srcset="cover.svg" media="(min-width: banana)"><source srcset="cover.svg" media="(device-width: 600px)"><img src="cover.svg" alt="A lamp"></picture>',
      '<img src="cover.svg" alt="A lamp" srcset="cover.svg 2q"> <img src="cover.svg" alt="A lamp" srcset="cover.svg 1x, cover.svg 1x"> <img src="cover.svg" alt="A lamp" srcset="cover.svg 600w"> <img src="cover.svg" alt="A lamp" srcset="cover.svg 600w" sizes="600"> <img src="cover.svg" alt="A lamp" srcset="cover.svg 600w" sizes="auto">',
      '<picture><source srcset="cover.svg 2x, cover.svg 2.0x" media="(min-width: 600px)"><source srcset="cover.svg 300w" sizes="(max-width: 300px) 100vw, 50vw"><img src="cover.svg" alt="A lamp"></picture>',
      '<p lang="english">English</p> <p lang="en-1996">Spelt as in 1996</p> <p lang="en-a-bbb">An extension</p> <a href="https://x.example/" hreflang="french">x</a> <video src="cover.svg" controls><track src="cover.svg" kind="subtitles" srclang="German" label="Deutsch"></video>',
      '<picture><source srcset="cover.svg" media="(max-width: calc(40rem + 10px))"><img src="cover.svg" alt="A lamp"></picture> <img src="cover.svg" alt="A lamp" srcset="cover.svg 300w" sizes="(max-width: calc(40rem + 10px)) 100vw, 50vw">',
      '<div itemscope itemtype="not/absolute">Item</div>',
      '<p><a href="https://x.example/a b">A link with a space</a> <q cite="https://x.example/ quote">quoted</q></p>',
      // The Nu Html Checker wants widths and sizes of a <source> before an <img> (not lazy-loaded) or a <source> that gives widths.
      '<picture><source srcset="cover.svg" media="(max-width: 40rem)"><img src="cover.svg" alt="A lamp" srcset="cover.svg 300w" sizes="50vw"></picture> <picture><source srcset="cover.svg 1x" media="(max-width: 40rem)"><img src="cover.svg" alt="A lamp" srcset="cover.svg 300w" sizes="50vw"></picture> <picture><source srcset="cover.svg 300w" media="(max-width: 40rem)"><img src="cover.svg" alt="A lamp" srcset="cover.svg 300w" sizes="50vw"></picture>',
      '<picture><source srcset="cover.svg 1x" media="(max-width: 40rem)"><source srcset="cover.svg 300w" sizes="50vw" type="image/svg+xml"><img src="cover.svg" alt="A lamp" loading="lazy"></picture> <picture><source srcset="cover.svg 300w" sizes="auto" media="(max-width: 40rem)"><source srcset="cover.svg 300w" type="image/svg+xml"><img src="cover.svg" alt="A lamp" loading="lazy"></picture>',
      '<picture><source srcset="cover.svg" media="(max-width: 41rem)"><img src="cover.svg" alt="A lamp" srcset="cover.svg 300w" sizes="50vw" loading="lazy"></picture>',
      // A <source> that always matches (no media nor type, or media="all") hides what follows it.
      '<picture><source srcset="cover.svg"><source srcset="cover.svg" media="(min-width: 42rem)"><img src="cover.svg" alt="A lamp"></picture> <picture><source srcset="cover.svg" media=" ALL "><img src="cover.svg" alt="A lamp" srcset="cover.svg 1x, cover.svg 2x"></picture>',
    ].join('\n\n');
    await writeFile(path.join(root, 'content/issues/1/30-values.md'), `---\ntitle: Values\n---\n${body}\n`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('content/issues/1/30-values.md:6:1: warning: the width attribute of <img> must be a whole number of pixels, like 300, without a unit, got "50%"; it is left out [html/invalid-value]\n');
    expect(run.stderr).toContain('content/issues/1/30-values.md:4:59: warning: a <time> must give a date or time, like 2024-05-01, 18:30 or 2024-05-01T18:30Z, in its datetime attribute or else as its text, got "next friday"; its text is shown without the <time> [html/invalid-value]\n');
    const pages = ['issues/1/values/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    expect(await readFile(pages[0]!, 'utf8')).toContain('<p>Opened last week, closed next friday, moved <time>2026-05-01</time>, on <time datetime="2026-05-01">May Day</time>.</p>');
    // calc() in a media query is valid: kept, and the page still passes.
    expect(await readFile(pages[0]!, 'utf8')).toContain('media="(max-width: calc(40rem + 10px))"');
    expect(await readFile(pages[0]!, 'utf8')).toContain('sizes="(max-width: calc(40rem + 10px)) 100vw, 50vw"');
    // A <source> of densities before a lazy-loaded <img> of widths is valid: kept.
    expect(await readFile(pages[0]!, 'utf8')).toContain('media="(max-width: 41rem)"');
    // The <source> after one that always matches is kept.
    expect(await readFile(pages[0]!, 'utf8')).toContain('media="(min-width: 42rem)"><img');
    expect(await checkHtml(pages)).toEqual([]);
  });

  it('leaves out the attributes raw HTML puts where HTML does not allow them, with a warning where each was written, so pages stay valid HTML', async () => {
    const root = await makeWebzine();
    const body = [
      '<div align="center" width="300" accept="image/png" color="red" label="x" value="v" nowrap>Centred</div>',
      '<p><span span="2" name="n" checked media="print" clear="all" datetime="2026-05-01" abbr="x">Text</span></p>',
      '<ul start="3" compact><li value="2">Item</li></ul>',
      '<video controls><source src="cover.svg" type="image/svg+xml" width="300"></video>',
      '<p><img src="cover.svg" alt="A lamp" ismap usemap="#lamp"></p>',
      '<div itemtype="https://schema.org/Person">Not an item</div> <p itemprop="name">Not in one</p>',
      '<table><tr><th id="when">When</th><td headers="where">Cell</td></tr></table>',
      '<video controls><source src="cover.svg" srcset="cover.svg 2x" sizes="100vw"></video> <img src="cover.svg" alt="A lamp" sizes="100vw"> <img src="cover.svg" alt="A lamp" srcset="cover.svg 2x" sizes="100vw">',
      '<p><a hreflang="fr">Not a link</a></p>',
    ].join('\n\n');
    await writeFile(path.join(root, 'content/issues/1/30-attributes.md'), `---\ntitle: Attributes\n---\n${body}\n`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain('content/issues/1/30-attributes.md:4:1: warning: <div> can not have the width attribute here: HTML allows it only on <img>, <video>, <source>, <table>, <td>, <th>, <hr> or <pre>; it is left out [html/misplaced-attribute]\n');
    expect(run.stderr).toContain('content/issues/1/30-attributes.md:6:4: warning: 15 more attributes of raw HTML, from this <span> on, stand where HTML does not allow them [html/misplaced-attribute]\n');
    const pages = ['issues/1/attributes/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    expect(await readFile(pages[0]!, 'utf8')).toContain('<div align="center">Centred</div>');
    expect(await checkHtml(pages)).toEqual([]);
  });

  it('shows a heading that skips a level one below the heading before it, with a warning where it was written, so article, issue and page stay valid HTML', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    const body = '### Setup\n\nText.\n\n## Building\n\n#### Compiling\n\n> #### In a quote\n\n<h6>Linking</h6>\n';
    await writeFile(path.join(root, 'content/issues/1/30-setup.md'), `---\ntitle: Setting up\n---\n${body}`);
    await appendFile(path.join(root, 'content/issues/1/issue.md'), '\n### In the editorial\n');
    await appendFile(path.join(root, 'content/pages/about.md'), '\n#### Later\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'content/issues/1/30-setup.md:4:1: warning: the first heading of a text, right under its title, can be ## at most, and this one is ###; it is shown as a ## heading [markdown/heading-level]\n',
    );
    expect(run.stderr).toContain('content/issues/1/30-setup.md:10:1: warning: a heading can be one level below the heading before it at most, and this #### heading follows a ## heading; it is shown as a ### heading [markdown/heading-level]\n');
    expect(run.stderr).toContain('content/issues/1/30-setup.md:14:1: warning: a heading can be one level below the heading before it at most, and this <h6> heading follows a #### heading; it is shown as an <h4> heading [markdown/heading-level]\n');
    expect(run.stderr.match(/\[markdown\/heading-level\]/g)).toHaveLength(5);
    const article = await readFile(path.join(out, 'web/issues/1/setup/index.html'), 'utf8');
    expect(article.match(/<h\d/g)).toEqual(['<h1', '<h2', '<h2', '<h3', '<h3', '<h4']);
    expect(await readFile(path.join(out, 'gemini/issues/1/setup.gmi'), 'utf8')).toContain('\n## Setup\n');
    const pages = ['issues/1/setup/index.html', 'issues/1/index.html', 'about/index.html'].map((page) => path.join(out, 'web', page));
    expect(await checkHtml(pages)).toEqual([]);
  });

  it("puts a footnote call written in a link's text right after the link, on the article page, the issue page and the feeds, so pages stay valid HTML", async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-claim.md'), '---\ntitle: Claim\n---\nSee [this claim[^n] here](https://example.org/).\n\n[^n]: The note.\n');
    await writeFile(path.join(root, 'content/issues/1/40-raw.md'), '---\ntitle: Raw\n---\nSee <a href="https://example.org/raw">a raw claim[^n] here</a>.\n\n[^n]: The note.\n');
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).not.toContain('content/issues/1/');
    // Each link keeps all its text, and the call that follows it leads to the note of its own page.
    const call = (prefix: string, target = '') => `<sup><a href="${target}#${prefix}fn:fn-n" id="${prefix}fn:fnref-n" data-footnote-ref aria-describedby="${prefix}fn:footnote-label">1</a></sup>`;
    const claim = (prefix: string, target?: string) => `<p>See <a href="https://example.org/">this claim here</a>${call(prefix, target)}.</p>`;
    const raw = (prefix: string) => `<p>See <a href="https://example.org/raw">a raw claim here</a>${call(prefix)}.</p>`;
    const pages = ['issues/1/claim/index.html', 'issues/1/raw/index.html', 'issues/1/index.html'].map((page) => path.join(out, 'web', page));
    const [article, rawArticle, issue] = await Promise.all(pages.map((page) => readFile(page, 'utf8')));
    expect(article).toContain(claim(''));
    expect(rawArticle).toContain(raw(''));
    expect(issue).toContain(claim('claim:'));
    expect(issue).toContain(raw('raw:'));
    expect(await readFile(path.join(out, 'web/atom.xml'), 'utf8')).toContain(claim('claim:', 'https://zine.example/issues/1/'));
    expect(await checkHtml(pages)).toEqual([]);
  });

  it('builds a long run of spaces in text and in a table cell\'s style in linear time, not quadratic', async () => {
    const root = await makeWebzine();
    const spaces = ' '.repeat(400_000);
    // Trusted raw HTML keeps the cell's style, which the cell's alignment is added to.
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\nmarkdown:\n  html: trust\n');
    const table = `<table><tr><td style="color: red${spaces}x" align="right">cell</td></tr></table>`;
    await writeFile(path.join(root, 'content/issues/1/30-wide.md'), `---\ntitle: Wide\n---\na${spaces}b\n\n${table}\n`);
    const out = await temporaryFolder();
    // Each pattern took minutes over these spaces (`\s*\n\s*`, `;?\s*$`); the test's time limit is the check.
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // Compared by length: a failing comparison of such strings would itself take minutes to print.
    expect((await readFile(path.join(out, 'gemini/issues/1/wide.gmi'), 'utf8')).includes('\na b\n')).toBe(true);
    expect((await readFile(path.join(out, 'web/issues/1/wide/index.html'), 'utf8')).length).toBeGreaterThan(2 * spaces.length);
  }, 20_000);

  it('builds 8 000 raw links, about as many as the markup limit lets through, each a link of its gemtext page', async () => {
    const root = await makeWebzine();
    const count = 8_000;
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\ngeminiUrl: gemini://zine.example/\n');
    // Ten to a paragraph: markdown/too-long-paragraph refuses them all in one.
    const links = Array.from({ length: count }, (_, index) => `<a href="https://example.org/${index}">l${index}</a>${index % 10 === 9 ? '\n\n' : ' '}`).join('');
    await writeFile(path.join(root, 'content/issues/1/30-links.md'), `---\ntitle: Links\n---\n${links}\n\nAn <em>aside</em> after.\n`);
    const out = await temporaryFolder();
    // Three steps looked through every raw link for each: 40 000 took 35 s, 5 s after the fix,
    // before markdown/too-much-markup refused so many.
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const capsule = await readFile(path.join(out, 'gemini/issues/1/links.gmi'), 'utf8');
    expect(capsule).toContain(`=> https://example.org/${count - 1} l${count - 1}\n`);
    expect(capsule.match(/^=> https:\/\/example\.org\/\d+ l\d+$/gm)).toHaveLength(count);
    expect(await readFile(path.join(out, 'web/issues/1/links/index.html'), 'utf8')).toContain(`<a href="https://example.org/${count - 1}">l${count - 1}</a>`);
  }, 25_000);

  it('lets a link lead only to an id the page kept, not to one of raw HTML taken out by the sanitizer or escaped', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-font.md'), '---\ntitle: Font\n---\n<font id="z">old</font> and <span id="kept">new</span>\n\n[z](#z) [kept](#kept)\n');
    const sanitized = await runCli(['check', '--root', root]);
    expect(sanitized.code).toBe(1);
    expect(sanitized.stdout).toContain('content/issues/1/30-font.md:6:1: error: the link "#z" points to a heading "#z" that its page does not have [link/missing-anchor]');
    expect(sanitized.stdout).not.toContain('"#kept"');
    await writeFile(path.join(root, 'content/site.yml'), 'title: Test Zine\nbaseUrl: https://zine.example/\nmarkdown:\n  html: escape\n');
    const escaped = await runCli(['check', '--root', root]);
    expect(escaped.stdout).toContain('content/issues/1/30-font.md:6:9: error: the link "#kept" points to a heading "#kept" that its page does not have [link/missing-anchor]');
  });

  it('leaves noncharacters out of pages, written or referred to, with a warning, so they stay valid HTML', async () => {
    const root = await makeWebzine();
    const body = 'A \uFFFF b \u{1FFFE} c &#xFFFF; d.\n\n<p>Raw &#xFFFE; and &#131070; and &#x10FFFF; here.</p>\n';
    await writeFile(path.join(root, 'content/issues/1/30-odd.md'), `---\ntitle: "Odd \\uFDD0 one"\n---\n${body}`);
    const out = await temporaryFolder();
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('content/issues/1/30-odd.md:2:8: warning: this file holds the noncharacter U+FDD0, which no web page may hold, so it was left out [encoding/noncharacter]');
    expect(run.stderr).toContain('content/issues/1/30-odd.md:4:3: warning: this file holds the noncharacter U+FFFF, which no web page may hold, so it was left out [encoding/noncharacter]');
    const page = path.join(out, 'web/issues/1/odd/index.html');
    expect(await readFile(page, 'utf8')).not.toMatch(/\p{Noncharacter_Code_Point}/u);
    expect(await checkHtml([page, path.join(out, 'web/issues/1/index.html')])).toEqual([]);
  });
});

describe('files editors leave behind', () => {
  it('publishes no backup, autosave, lock or safe-write file beside an article or in the theme, and reads none as one', async () => {
    const root = await makeWebzine();
    const leftovers = [
      'content/issues/1/10-first.md~',
      'content/issues/1/#10-first.md#',
      'content/issues/1/.#10-first.md',
      'content/issues/1/4913',
      'content/issues/1/30-next.md___jb_tmp___',
      'content/pages/about.md~',
      'themes/default/assets/style.css~',
    ];
    for (const file of leftovers) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), '---\ntitle: Not yet\n---\nA draft nobody should read yet.\n');
    }
    const out = path.join(await temporaryFolder(), 'dist');
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('error');
    expect((await listTree(out)).filter((file) => /~|#|4913|___jb_/.test(file))).toEqual([]);
    for (const [file, bytes] of await readTree(out)) expect(bytes.toString('utf8'), file).not.toContain('nobody should read');
  });
});
