import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCollector } from '../../src/diagnostics/diagnostic.js';
import { reportShown } from '../../src/diagnostics/report-shown.js';
import { makeWebzine, removeTemporaryFolders, runCli } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** `count` lines of YAML made by `line` from each number, one a line. */
const linesOf = (count: number, line: (n: number) => string) => Array.from({ length: count }, (_, n) => line(n + 1)).join('\n');

// Each file makes one mistake many times over; the rest of it, and the webzine, are right.
describe('mimeo check on YAML with one mistake made many times', () => {
  it.each([
    [
      'unknown handles in an article\'s authors',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\nauthors:\n${linesOf(14, (n) => `  - handle${n}`)}\n---\nText.\n`,
      'author/unknown-handle',
      'content/issues/1/30-pasted.md:14:5: error: 4 more names, from "handle11" on, look like handles, and authors.yml has none of them [author/unknown-handle]',
      'Add them to content/authors.yml, or write full names ("Ada Lovelace"). The errors before this one say where the first ten are.',
    ],
    [
      'blank tags',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\ntags:\n${linesOf(13, () => '  - ""')}\n---\nText.\n`,
      'front-matter/invalid',
      'content/issues/1/30-pasted.md:14:5: error: 3 more values, from item 11 of "tags" on, are not what their fields take [front-matter/invalid]',
      'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.',
    ],
    [
      'one name listed again and again in authors',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\nauthors:\n${linesOf(13, () => '  - A Reader')}\n---\nText.\n`,
      'front-matter/invalid',
      'content/issues/1/30-pasted.md:15:5: error: 2 more values, from item 12 of "authors" on, are not what their fields take [front-matter/invalid]',
      'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.',
    ],
    [
      'a field given again and again',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\n${linesOf(14, () => 'summary: Again.')}\n---\nText.\n`,
      'yaml/syntax',
      'content/issues/1/30-pasted.md:14:1: error: the YAML here can not be read: 3 more fields, from this one on, are given twice [yaml/syntax]',
      'Give each field once. The errors before this one say where the first ten are.',
    ],
    [
      'fields whose values YAML can not read, and a field given again',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\n${linesOf(12, (n) => `note${n}: @${n}`)}\ntitle: Again\n---\nText.\n`,
      'yaml/syntax',
      'content/issues/1/30-pasted.md:13:9: error: the YAML here can not be read: 3 more fields, from this one on, are written wrong [yaml/syntax]',
      'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.',
    ],
    [
      'control characters written as YAML escapes',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\ntags:\n${linesOf(12, (n) => `  - "tag${n}\\u0001"`)}\n---\nText.\n`,
      'encoding/control-character',
      'content/issues/1/30-pasted.md:14:5: warning: 2 more values, from this one on, hold invisible control characters, which were left out [encoding/control-character]',
      'They usually come from a copy and paste; delete them to silence these warnings.',
    ],
    [
      'noncharacters written as YAML escapes',
      'content/issues/1/30-pasted.md',
      `---\ntitle: Pasted\ntags:\n${linesOf(12, (n) => `  - "tag${n}\\uFFFF"`)}\n---\nText.\n`,
      'encoding/noncharacter',
      'content/issues/1/30-pasted.md:14:5: warning: 2 more values, from this one on, hold noncharacters, which no web page may hold, so they were left out [encoding/noncharacter]',
      'Noncharacters are for programs, never for text; delete them to silence these warnings.',
    ],
    [
      'unknown settings of site.yml',
      'content/site.yml',
      `title: Test Zine\nbaseUrl: https://zine.example/\n${linesOf(12, (n) => `color${n}: red`)}\n`,
      'site-config/unknown-key',
      'content/site.yml:13:1: error: 2 more keys, from "color11" on, are not settings of site.yml [site-config/unknown-key]',
      "Remove them, or put the theme's own settings under extra:. The errors before this one say where the first ten are.",
    ],
    [
      'wrong menu entries of site.yml',
      'content/site.yml',
      `title: Test Zine\nbaseUrl: https://zine.example/\nmenu:\n${linesOf(12, (n) => `  - { title: Entry ${n}, url: 12 }`)}\n`,
      'site-config/invalid',
      'content/site.yml:14:29: error: 2 more values, from "url" of item 11 of "menu" on, are not what their settings take [site-config/invalid]',
      'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.',
    ],
    [
      'unknown fields of a contributor in authors.yml',
      'content/authors.yml',
      `ada:\n  name: Ada Quill\ngrace:\n  name: Grace Ink\n${linesOf(12, (n) => `  mail${n}: grace@ink.example`)}\n`,
      'authors-file/invalid',
      'content/authors.yml:15:3: error: 2 more values, from "grace.mail11" on, are not what authors.yml takes [authors-file/invalid]',
      'Mend them as the errors before this one say of the first ten; `mimeo check` then tells where the next ones are.',
    ],
  ])('reports %s where the first ten are, then at the eleventh how many more there are', async (_case, file, text, rule, counted, hint) => {
    const root = await makeWebzine();
    await writeFile(path.join(root, file), text);
    const run = await runCli(['check', '--root', root]);
    const lines = run.stdout.split('\n');
    const ofRule = lines.filter((line) => line.endsWith(`[${rule}]`));
    expect(ofRule).toHaveLength(11);
    expect(ofRule.at(-1)).toBe(counted);
    expect(lines[lines.indexOf(counted) + 1]).toBe(`  ${hint}`);
    expect(run.code).toBe(counted.includes(': error: ') ? 1 : 0);
  });
});

describe('reportShown', () => {
  const fields = (count: number) => Array.from({ length: count }, (_, n) => ({ line: n + 2, column: 1, key: `field${n + 1}` }));
  const said = (count: number) => {
    const collector = createCollector();
    reportShown('front-matter/unknown-key', fields(count), 'content/pages/a.md', collector.report, ({ key }) => ({ key, kind: 'a page' }));
    return collector.diagnostics.map(({ line, message }) => `${line} ${message}`);
  };

  it('reports an eleventh mistake as itself, not as "1 more fields"', () => {
    expect(said(11)).toEqual(fields(11).map(({ line, key }) => `${line} "${key}" is not a front matter field of a page`));
  });

  it('counts from the eleventh when there are twelve or more', () => {
    expect(said(12).slice(10)).toEqual(['12 2 more fields, from "field11" on, are not front matter fields of a page']);
  });
});
