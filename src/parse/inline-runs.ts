import { delimitersPast } from './emphasis-count.js';
import { markupPast } from './markup-count.js';

/** What makes an inline run (a paragraph, a heading, a table cell) too slow to parse, and the line (1-based, of the body) where it is. */
export type SlowRun = { kind: 'delimiters' | 'markup'; line: number; limit: number };

/** What the inline runs of a body read so far hold in all. */
export interface RunTotals {
  /** The weight of their markup (see {@link markupPast}). */
  markup: number;
}

/** One line of an inline run, without its containers' markers, and its number in the body. */
export interface RunLine {
  text: string;
  line: number;
}

// micromark matches emphasis in quadratic time in the delimiters of one inline run (a paragraph,
// a heading, a table cell): 2 000 of them (as `*a_` or `*` runs) take it about 0.15 s, 20 000 take
// 10 to 40 s. A paragraph of prose with a hundred emphases has 400.
const maxDelimiters = 2000;
// Each piece of inline markup costs every stage of the build, the slowest four times the others:
// 50 000 links took `mimeo check` 7 s and 1 GB, 50 000 footnote calls 9 s and 1.4 GB, 50 000 raw
// `<b>` tags 16 s, 50 000 code spans (100 000 backtick runs) 4.2 s and 360 MB. Weighed so, 100 000
// take it 2.2 to 5.3 s and 270 to 800 MB (footnote calls to one note the most). The most of any of
// 973 real Markdown files at hand, Rust's release notes (895 kB) and Node's 12.x changelog (956 kB),
// weigh 74 000 and 65 000 (and take `mimeo check` 10 s); a bench article about 80.
const maxMarkup = 100_000;

/**
 * What in an inline run micromark would take pathologically long to parse: thousands of emphasis
 * delimiters (`*`, `_`, `~` next to text, outside code spans), or markup that takes the body's
 * past its limit, added to `totals`. `text` is the run, its lines joined by line breaks; `lines`
 * are those lines when it has several, and `line` its first line's number.
 */
export function findSlowRun(text: string, line: number, totals: RunTotals, lines?: readonly RunLine[]): SlowRun | undefined {
  const past = delimitersPast(text, maxDelimiters);
  if (past !== -1) return { kind: 'delimiters', line: lineOf(past, line, lines), limit: maxDelimiters };
  const markup = markupPast(text, maxMarkup - totals.markup);
  totals.markup += markup.weight;
  if (markup.past !== -1) return { kind: 'markup', line: lineOf(markup.past, line, lines), limit: maxMarkup };
  return undefined;
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
