import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { makeWebzine, removeTemporaryFolders, runCli } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** The base webzine with the line `line` of `file` written as `written`. */
async function webzineWith(file: string, line: string, written: string): Promise<string> {
  const root = await makeWebzine();
  const text = await readFile(path.join(root, file), 'utf8');
  expect(text).toContain(`${line}\n`);
  await writeFile(path.join(root, file), text.replace(`${line}\n`, `${written}\n`));
  return root;
}

/** What `mimeo check` reports of `file`, as its JSON lines give them. */
async function diagnosticsOf(root: string, file: string): Promise<Diagnostic[]> {
  const run = await runCli(['check', '--root', root, '--format', 'json']);
  const diagnostics = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Diagnostic);
  return diagnostics.filter((diagnostic) => diagnostic.file === file);
}

// Each a line of the base webzine, a mistake written in its place, and the field written as the
// hint says: a value YAML can not read without quotes, or read as a comment.
const suggested: Array<[string, string, string, string]> = [
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors: @ada', 'authors: ["@ada"]'],
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors:\n  - ada\n  - @grace', '- "@grace"'],
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors: @ada, @grace', 'authors: ["@ada", "@grace"]'],
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors:\n  - @ada, @grace', '- "@ada"\n- "@grace"'],
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors: [@ada, grace]', 'authors: ["@ada", "grace"]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: [news, `code`]', 'tags: ["news", "`code`"]'],
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors: [@ada, "grace, jr"]', 'authors: ["@ada", "grace, jr"]'],
  ['content/issues/1/10-first.md', 'authors: [ada]', "authors: ['grace, jr', @ada]", "authors: ['grace, jr', \"@ada\"]"],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: [@x, "a [b]", \'it\'\'s, ok\']', 'tags: ["@x", "a [b]", \'it\'\'s, ok\']'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: # none', 'tags: ["# none"]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: @x, @y', 'tags: ["@x", "@y"]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: #x, #y', 'tags: ["#x", "#y"]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags:\n  - #news', '- "#news"'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: Lamps: a guide', 'tags: ["Lamps: a guide"]'],
  ['content/issues/1/10-first.md', 'title: The first article', 'title: #1 article', 'title: "#1 article"'],
  ['content/issues/1/10-first.md', 'title: The first article', 'title: @ada\'s notes', 'title: "@ada\'s notes"'],
  ['content/issues/1/issue.md', 'editors: [ada]', 'editors: @ada', 'editors: ["@ada"]'],
  ['content/site.yml', 'description: A small webzine for tests.', 'description: #1 small webzine', 'description: "#1 small webzine"'],
  ['content/authors.yml', '  name: Grace Ink', '  name: %grace', 'name: "%grace"'],
];

describe('a hint that writes a field again in quotes', () => {
  it.each(suggested)('in %s, for %j written %j, gives a value check takes', async (file, line, written, expected) => {
    const root = await webzineWith(file, line, written);
    const [reported, ...others] = await diagnosticsOf(root, file);
    expect(others).toEqual([]);
    const suggestion = /as in:[ \n](.*)$/s.exec(reported?.hint ?? '')?.[1];
    expect(suggestion).toBe(expected);
    // Written as the hint says, in place of the mistaken line, each of its lines with the line's indentation.
    const mistaken = written.split('\n').at(-1)!;
    const indentation = /^ */.exec(mistaken)![0];
    const text = await readFile(path.join(root, file), 'utf8');
    await writeFile(path.join(root, file), text.replace(`${mistaken.trimStart()}\n`, `${suggestion!.replaceAll('\n', `\n${indentation}`)}\n`));
    expect(await diagnosticsOf(root, file)).toEqual([]);
  });
});

// A field that takes no text: quotes would make its value text, which it refuses.
const unquoted: Array<[string, string, string, string]> = [
  ['content/pages/about.md', 'order: 1', 'order: #1', 'YAML reads a # after a space as the start of a comment, so "order" was left empty: write its value before any #.'],
  ['content/pages/about.md', 'order: 1', 'order: @1', 'Quotes would not mend it: "order" takes a number. Write one in place of this value.'],
  ['content/pages/about.md', 'menu: true', 'menu: @yes', 'Quotes would not mend it: "menu" takes true or false. Write one in place of this value.'],
  ['content/issues/1/issue.md', 'date: 2026-03-01', 'date: @2026-03-01', 'Quotes would not mend it: "date" takes a date like 2021-10-01. Write one in place of this value.'],
  ['content/site.yml', 'title: Test Zine', 'title: Test Zine\nlanguage: # fr', 'YAML reads a # after a space as the start of a comment, so "language" was left empty: write its value before any #.'],
];

describe('a hint for a field that takes no text', () => {
  it.each(unquoted)('in %s, for %j written %j, does not suggest quotes', async (file, line, written, hint) => {
    const root = await webzineWith(file, line, written);
    const reported = await diagnosticsOf(root, file);
    expect(reported.map((diagnostic) => diagnostic.hint)).toEqual([hint]);
  });
});

// A list field YAML read as one text: a word, parts a comma separates, or items one per line
// without the space after their dash; and the field written as the hint says.
const listed: Array<[string, string, string, string]> = [
  ['content/issues/1/10-first.md', 'authors: [ada]', 'authors: ada', 'authors: [ada]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: news, tips', 'tags: [news, tips]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags: news, 2024, true, x [draft], "x, y"', 'tags: [news, "2024", "true", "x [draft]", "x, y"]'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags:\n  -news', 'tags:\n  - news'],
  ['content/issues/1/10-first.md', 'tags: [news]', 'tags:\n  -news\n  -self hosted\n  -2024', 'tags:\n  - news\n  - self hosted\n  - "2024"'],
  ['content/issues/1/issue.md', 'editors: [ada]', 'editors: ada, grace', 'editors: [ada, grace]'],
  ['content/site.yml', 'title: Test Zine', 'title: Test Zine\nlanguages: fr', 'languages: [fr]'],
];

describe('a hint for a list field written as text', () => {
  it.each(listed)('in %s, for %j written %j, gives the list check takes', async (file, line, written, expected) => {
    const root = await webzineWith(file, line, written);
    const [reported, ...others] = await diagnosticsOf(root, file);
    expect(others).toEqual([]);
    const suggestion = /as in:[ \n](.*)$/s.exec(reported?.hint ?? '')?.[1];
    expect(suggestion).toBe(expected);
    const text = await readFile(path.join(root, file), 'utf8');
    const mistaken = written.split('\n').filter((part) => !part.startsWith('title: ')).join('\n');
    await writeFile(path.join(root, file), text.replace(`${mistaken}\n`, `${suggestion!}\n`));
    expect(await diagnosticsOf(root, file)).toEqual([]);
  });
});
