import type { Node } from 'unist';
import { describe, expect, it } from 'vitest';
import { footnoteFinder } from '../../src/parse/footnote-calls.js';
import { parseMarkdown } from '../../src/parse/markdown.js';
import { walk } from '../../src/parse/walk.js';

/** The mistakes footnoteFinder finds in `text`, as `kind label line:column`. */
function mistakesIn(text: string): string[] {
  const finder = footnoteFinder();
  walk(parseMarkdown(text, 0).tree as Node, (node) => finder.visit(node));
  return finder.mistakes(text).map(({ kind, label, line, column }) => `${kind} ${label} ${line}:${column}`);
}

describe('footnoteFinder', () => {
  it('leaves alone a [^x] in the address of a bare URL or an autolink, which the page links to as written', () => {
    expect(mistakesIn('See https://x.example/a[^b]c and <https://x.example/[^d]>.\n')).toEqual([]);
  });

  it('tells a call written after an escaped backslash, which the page shows as written', () => {
    expect(mistakesIn('A \\\\[^x] and \\[^y].\n')).toEqual(['undefined x 1:5']);
  });

  it('tells a call in a link text, in a table cell and after a tab at its column in UTF-16 units', () => {
    expect(mistakesIn('[a [^l] b](https://x.example/)\n\n| a | b |\n|---|---|\n|\t😀 [^c] | d |\n')).toEqual(['undefined l 1:4', 'undefined c 5:6']);
  });
});
