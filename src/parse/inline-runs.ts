import { delimitersPast } from './emphasis-count.js';

/** What makes an inline run (a paragraph, a heading, a table cell) too slow to parse, and the line (1-based, of the body) where it is. */
export type SlowRun = { kind: 'delimiters'; line: number; limit: number };

/** One line of an inline run, without its containers' markers, and its number in the body. */
export interface RunLine {
  text: string;
  line: number;
}

// micromark matches emphasis in quadratic time in the delimiters of one inline run (a paragraph,
// a heading, a table cell): 2 000 of them (as `*a_` or `*` runs) take it about 0.15 s, 20 000 take
// 10 to 40 s. A paragraph of prose with a hundred emphases has 400.
const maxDelimiters = 2000;

/**
 * What in an inline run micromark would take pathologically long to parse: thousands of emphasis
 * delimiters (`*`, `_`, `~` next to text, outside code spans). `text` is the run, its lines joined
 * by line breaks; `lines` are those lines when it has several, and `line` its first line's number.
 */
export function findSlowRun(text: string, line: number, lines?: readonly RunLine[]): SlowRun | undefined {
  const past = delimitersPast(text, maxDelimiters);
  if (past === -1) return undefined;
  return { kind: 'delimiters', line: lineOf(past, line, lines), limit: maxDelimiters };
}

/** The number of the line of a run that holds the character at `offset` of its text. */
function lineOf(offset: number, line: number, lines: readonly RunLine[] | undefined): number {
  let rest = offset;
  let found = line;
  for (const entry of lines ?? []) {
    found = entry.line;
    if (rest <= entry.text.length) break;
    rest -= entry.text.length + 1;
  }
  return found;
}
