import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml } from '../../src/parse/yaml-data.js';

/** Where each syntax error of `text` is told, and its rule's code. */
function told(text: string): string[] {
  const diagnostics: Diagnostic[] = [];
  parseYaml(text, { file: 'content/pages/a.md' }, (diagnostic) => diagnostics.push(diagnostic));
  return diagnostics.map(({ line, column, ruleId }) => `${line}:${column} ${ruleId}`);
}

// SPEC §5: every mistake at once, but not what the parser makes of the text after one.
describe('syntax errors of YAML', () => {
  it.each([
    ['one in each of three fields: all of them', 'title: Lamps: a guide\nauthors: @ada\nsummary: "open\n', ['1:8', '2:10', '3:10']],
    ['two in one field written over several lines: the first', 'authors:\n  - @ada\n  - `bob`\ntitle: x\n', ['2:5']],
    ['a field indented too deep, read into the one above with the next: the first, then the next field\'s', 'title: x\n  summary: y\n  authors: @ada\ntags: a: b\n', ['1:8', '4:7']],
    ['a tab before a field: its own, and the next field\'s', 'title: x\n\tsummary: y\nauthors: @ada\n', ['2:1', '3:10']],
    ['a list item at the start of its line, then a mistake: both', 'authors:\n- @ada\ntitle: A: b\n', ['2:3', '3:8']],
    ['a quote never closed: none after its line', 'title: Lamps: a guide\nsummary: "open\nauthors: @ada\ntags: [news, "tips"]\n', ['1:8', '2:10']],
    ['a quote closed by the next one, lines below: none after its line', 'title: "abc\nsummary: "x"\nauthors: @ada\n', ['1:8']],
    ['a list never closed, its end on the next line: none after its line', 'tags: [news,\ntips]\nsummary: @later\n', ['1:7']],
    ['a quote never closed in a list never closed: the quote', 'title: x\ntags: [a, "b]\nsummary: @x\n', ['2:11']],
    ['a list never closed, its next line indented: the list', 'tags: [a, b\n  summary: Lamps: x\nauthors: @ada\n', ['1:7']],
    ['a colon in a value, then a field of the key the colon made: the colon, not the field as given twice', 'summary: tags: none yet\ntags: [x]\n', ['1:10']],
  ])('%s', (_case, text, places) => {
    expect(told(text)).toEqual(places.map((place) => `${place} yaml/syntax`));
  });
});
