import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { generateZine } from '../../bench/generate.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

// mimeo parses with GFM's syntax fitted to each file (src/parse/gfm-syntax.ts). Its trees must be
// remark-gfm's to the last position, whatever the text holds.

const remark = unified().use(remarkParse).use(remarkGfm).freeze();
// parseMarkdown also gives headings their ids; the comparison leaves those out.
const withoutData = (tree: unknown) => JSON.stringify(tree, (key, value: unknown) => (key === 'data' ? undefined : value), 1);
const expected = (text: string) => withoutData(remark.parse(text));
const parsed = (text: string) => withoutData(parseMarkdown(text, 0).tree);

const cases: [string, string][] = [
  ['an email address', 'Write to contact@example.org or to a.b+c@mail.example.com.'],
  ['an email address at a line start, in a list and in emphasis', 'me@example.org\n\n- you@example.org\n- *us@example.org*'],
  ['an email address written with a character reference', 'Write to contact&#64;example.org.'],
  ['mailto: and xmpp: addresses', 'Mail mailto:a@example.org or xmpp:b@example.org/home.'],
  ['www and http literals written with character references', 'See &#104;ttps://example.org/x, &#x57;WW.example.org and www&#46;example.org.'],
  ['an @ that is no address', 'Meet @alice at 10 @ the cafe.'],
  ['www and http literals, upper and lower case', 'See www.openbsd.org, WWW.EXAMPLE.ORG/x, https://example.org/a_(b) and HTTP://EXAMPLE.ORG.'],
  ['a literal inside a link, which stays text', '[www.example.org](https://example.org) and [see https://a.example](/b)'],
  ['a literal after a backslash and in code', '\\www.example.org `https://example.org` <https://example.org>'],
  ['a pipe table with alignments', '| a | b |\n|:--|--:|\n| 1 | 2 |'],
  ['a one-column table with no pipe', 'Head\n:-\ncell'],
  ['a one-column table aligned right with no pipe', 'Head\n-:\ncell'],
  ['a table-like text that is no table', 'a\n: -\n\na\n---'],
  ['a table in a quote and in a list', '> a | b\n> --|--\n> 1 | 2\n\n- x | y\n  --|--\n  3 | 4'],
  ['footnotes', 'Text[^1] and[^note].\n\n[^1]: One.\n[^note]: Two\n    with more.'],
  ['strikethrough', '~one~ and ~~two~~ but not ~~~three~~~'],
  ['task lists', '- [ ] todo\n- [x] done\n* [X] upper'],
  ['every construct at once', 'Mail a@b.co, see www.x.org and https://y.org.\n\n| a |\n|---|\n| ~b~ |\n\n- [ ] c[^d]\n\n[^d]: e'],
  ['no GFM at all', '# Title\n\nPlain *text* with [a link](/x) and `code`.\n\n    indented\n'],
];

describe('parsing with GFM fitted to the file', () => {
  it.each(cases)('gives remark-gfm’s tree for %s', (_name, text) => {
    expect(parsed(text)).toBe(expected(text));
  });

  it('gives remark-gfm’s tree for every README installed beside mimeo', () => {
    const modules = path.resolve(fileURLToPath(import.meta.url), '../../../node_modules');
    const readmes = readdirSync(modules, { recursive: true, encoding: 'utf8' })
      .filter((name) => /(^|\/)readme\.md$/i.test(name) && name.split('/').length <= 3)
      .map((name) => readFileSync(path.join(modules, name), 'utf8'))
      .filter((text) => text.length < 20_000);
    expect(readmes.length).toBeGreaterThan(50);
    // Among them, texts that need the constructs the fitting can leave out, and texts that do not.
    expect(readmes.some((text) => text.includes('@'))).toBe(true);
    expect(readmes.some((text) => !text.includes('|'))).toBe(true);
    for (const text of readmes) expect(parsed(text)).toBe(expected(text));
  });

  const folder = mkdtempSync(path.join(tmpdir(), 'mimeo-gfm-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('gives remark-gfm’s tree for the articles of the bench webzine', () => {
    generateZine(folder, { articles: 40 });
    const files = readdirSync(path.join(folder, 'content'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md'));
    expect(files.length).toBeGreaterThan(40);
    for (const name of files) {
      const text = readFileSync(path.join(folder, 'content', name), 'utf8');
      expect(parsed(text)).toBe(expected(text));
    }
  });
});
