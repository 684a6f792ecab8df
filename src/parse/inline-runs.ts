import { delimitersPast } from './emphasis-count.js';
import { markupPast } from './markup-count.js';

/** What makes an inline run (a paragraph, a heading, a table cell) too slow to parse, and the line (1-based, of the body) where it is. */
export type SlowRun = { kind: 'delimiters' | 'markup' | 'long'; line: number; limit: number };

/** What the inline runs of a body read so far hold in all. */
export interface RunTotals {
  /** The weight of their markup (see {@link markupPast}). */
  markup: number;
  /** Each one's length times its breaks (line breaks, pieces of markup and `]`, weighed as `markupPast` weighs them), added up. */
  lengthTimesBreaks: number;
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
// micromark reads a run again from each `]` back to its `[` (or to the run's start when it has
// none), and moves the rest of a run's tokens in memory for each stretch of text it merges, which a
// line break or a piece of markup ends: a run costs its length times its breaks, a `]` weighing
// sixteen line breaks, a piece of markup four. A line of 100 000 `]` took it 30 s, 20 000 `[` then
// as many `]` 2.2 s, a paragraph of 49 000 lines of two words 7 s (2.4e10). At the limit, 22 000
// `]` take `mimeo check` 1.8 s, and lines alone about 2 s; a transcript of 380 KB in one paragraph
// of 2 500 lines weighs 1e9, and the most of any real Markdown at hand (Rust's release notes) less.
const maxLengthTimesBreaks = 8_000_000_000;

/**
 * What in an inline run micromark would take pathologically long to parse: thousands of emphasis
 * delimiters (`*`, `_`, `~` next to text, outside code spans), or markup, or length times breaks,
 * that takes the body's past its limit, added to `totals`. `text` is the run, its lines joined by
 * line breaks; `lines` are those lines when it has several, and `line` its first line's number.
 */
export function findSlowRun(text: string, line: number, totals: RunTotals, lines?: readonly RunLine[]): SlowRun | undefined {
  const past = delimitersPast(text, maxDelimiters);
  if (past !== -1) return { kind: 'delimiters', line: lineOf(past, line, lines), limit: maxDelimiters };
  const markup = markupPast(text, maxMarkup - totals.markup);
  totals.markup += markup.weight;
  if (markup.past !== -1) return { kind: 'markup', line: lineOf(markup.past, line, lines), limit: maxMarkup };
  totals.lengthTimesBreaks += markup.breaks * text.length;
  if (totals.lengthTimesBreaks > maxLengthTimesBreaks) return { kind: 'long', line, limit: maxLengthTimesBreaks };
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
