/** What makes a body too slow to parse, and the line (1-based, of the body) where it is. */
export type SlowMarkdown =
  | { kind: 'deep'; line: number; depth: number }
  | { kind: 'delimiters'; line: number; limit: number }
  | { kind: 'cells'; line: number; limit: number };

/** Options of {@link findSlowMarkdown}. */
export interface Options {
  /** How deep quotes and lists may nest, counted as the syntax tree counts them (a list level is two: list and item). */
  maxDepth: number;
}

// micromark matches emphasis in quadratic time in the delimiters of one paragraph: 2 000 of them
// (as `*a_` or `*` runs) take it about 0.15 s, 20 000 take 10 to 40 s. A paragraph of prose with
// a hundred emphases has 400.
const maxDelimiters = 2000;
// A table cell costs micromark about 70 µs and 10 kB: 10 000 are 0.7 s; 200 × 2 000 took 26 s and 3 GB.
const maxCells = 10_000;

const blank = /^[ \t]*$/;
const thematicBreak = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const listMarker = /^([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+|$)/;
// Sticky: a line of `> > > …` or `- - - …` is read once, from where the last marker ended.
const nextListMarker = /([ \t]*)([-+*]|\d{1,9}[.)])([ \t]+|$)/y;
const nextQuoteMarker = / {0,3}> ?/y;
const fenceOpening = /^([ \t]*)(`{3,}|~{3,})(.*)$/;
const delimiterRow = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
// HTML blocks that blank lines do not end (CommonMark 4.6, kinds 1 to 5), with what ends each.
const rawBlocks: Array<[RegExp, RegExp]> = [
  [/^[ \t]*<(?:pre|script|style|textarea)(?:[ \t>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^[ \t]*<!--/, /-->/],
  [/^[ \t]*<\?/, /\?>/],
  [/^[ \t]*<![A-Za-z]/, />/],
  [/^[ \t]*<!\[CDATA\[/, /\]\]>/],
];
const htmlStart = /^[ \t]*<[A-Za-z/]/;

/** Code or raw HTML that holds no Markdown, open since an earlier line. */
interface Verbatim {
  /** How many quotes it is in: a line in fewer ends it. */
  quotes: number;
  /** The column its list item's content starts at: a line indented less ends it. */
  column: number;
  /** Whether `line` (after quotes and `column`) ends it, and is part of it. */
  ends: (line: string) => boolean;
}

/**
 * Finds, in one linear pass over a Markdown body, what micromark would take pathologically long
 * (or too deep a stack) to parse: quotes and lists nested deeper than `maxDepth`, a paragraph or
 * table row with thousands of emphasis delimiters (`*`, `_`, `~` next to text), or a table with
 * thousands of cells. Code and raw HTML blocks are skipped, so ASCII art in code is never counted.
 * It errs on the side of reading: a count is at most what micromark would see.
 */
export function findSlowMarkdown(body: string, options: Options): SlowMarkdown | undefined {
  const lines = body.split(/\r\n|\r|\n/);
  // Content columns of the open list items, innermost last, and how many quotes they are in.
  const items: number[] = [];
  let itemQuotes = 0;
  let verbatim: Verbatim | undefined;
  let afterBlank = true;
  let inHtml = false;
  let delimiters = 0;
  let table: { cells: number; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    let quotes = 0;
    nextQuoteMarker.lastIndex = 0;
    while (nextQuoteMarker.test(lines[index]!)) quotes++;
    const line = quotes === 0 ? lines[index]! : lines[index]!.slice(nextQuoteMarker.lastIndex);
    if (quotes !== itemQuotes) {
      items.length = 0;
      itemQuotes = quotes;
    }
    if (verbatim) {
      if (quotes >= verbatim.quotes && (blank.test(line) || indentOf(line) >= verbatim.column)) {
        if (verbatim.ends(line)) verbatim = undefined;
        continue;
      }
      verbatim = undefined;
    }
    if (blank.test(line)) {
      afterBlank = true;
      inHtml = false;
      delimiters = 0;
      table = undefined;
      continue;
    }
    const indent = indentOf(line);
    // A line less indented than an item's content ends the item, unless it goes on its paragraph.
    if (afterBlank || listMarker.test(line) || fenceOpening.test(line)) while (items.length > 0 && items.at(-1)! > indent) items.pop();
    const container = items.at(-1) ?? 0;
    afterBlank = false;
    if (indent - container <= 3 && !inHtml) {
      const opened = openingOf(line, quotes, container);
      if (opened) {
        verbatim = opened;
        delimiters = 0;
        continue;
      }
      if (htmlStart.test(line)) inHtml = true;
    }
    const depth = quotes + 2 * nestItems(line, items);
    if (depth > options.maxDepth) return { kind: 'deep', line: index + 1, depth };
    if (!table && delimiterRow.test(line) && line.includes('|') && index > 0) {
      table = { cells: cellsOf(lines[index - 1]!), line: index };
    }
    if (table) {
      // Each cell of a table is read on its own, so a row is as much as a paragraph.
      table.cells += cellsOf(line);
      if (table.cells > maxCells) return { kind: 'cells', line: table.line, limit: maxCells };
      delimiters = 0;
    }
    delimiters += delimitersIn(line);
    if (delimiters > maxDelimiters) return { kind: 'delimiters', line: index + 1, limit: maxDelimiters };
  }
  return undefined;
}

/**
 * Opens the list items that `line` starts (several in `- - x`), after closing those it is outside
 * of, and gives how many are open.
 */
function nestItems(line: string, items: number[]): number {
  if (thematicBreak.test(line)) return items.length;
  let column = 0;
  nextListMarker.lastIndex = 0;
  for (let marker = nextListMarker.exec(line); marker; marker = nextListMarker.exec(line)) {
    const [whole, indent, symbol, space] = marker;
    const start = column + columns(indent!);
    // Content past four spaces is code, and starts one space after the marker (CommonMark 5.2).
    const gap = space === '' || columns(space!) > 4 ? 1 : columns(space!);
    items.push(start + symbol!.length + gap);
    column += columns(whole);
  }
  return items.length;
}

/** A fenced code block or raw HTML block that `line` opens, with what ends it. */
function openingOf(line: string, quotes: number, column: number): Verbatim | undefined {
  const fence = fenceOpening.exec(line);
  // A backtick fence's info string may not hold a backtick (CommonMark 4.5).
  if (fence && !(fence[2]![0] === '`' && fence[3]!.includes('`'))) {
    const marker = fence[2]!;
    const closing = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
    return { quotes, column, ends: (next) => closing.test(next) && indentOf(next) - column <= 3 };
  }
  for (const [start, end] of rawBlocks) {
    if (!start.test(line)) continue;
    if (end.test(line.slice(line.indexOf('<') + 2))) return undefined;
    return { quotes, column, ends: (next) => end.test(next) };
  }
  return undefined;
}

/**
 * The emphasis delimiters of `line` that micromark may match: `*`, `_` and `~` in runs that touch
 * text on one side at least. A thematic break, a list marker or `****` alone touch none.
 */
function delimitersIn(line: string): number {
  let count = 0;
  for (let index = 0; index < line.length; index++) {
    const character = line[index]!;
    if (character === '\\') {
      index++;
      continue;
    }
    if (character !== '*' && character !== '_' && character !== '~') continue;
    let end = index + 1;
    while (line[end] === character) end++;
    const before = line[index - 1];
    const after = line[end];
    if ((before !== undefined && !/\s/.test(before)) || (after !== undefined && !/\s/.test(after))) count += end - index;
    index = end - 1;
  }
  return count;
}

/** How many cells a table row is written with (`| a | b |` has two), which micromark reads all of. */
function cellsOf(line: string): number {
  let pipes = 0;
  for (let index = line.indexOf('|'); index !== -1; index = line.indexOf('|', index + 1)) pipes++;
  const trimmed = line.trim();
  return Math.max(1, pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.length > 1 && trimmed.endsWith('|') ? 1 : 0));
}

function indentOf(line: string): number {
  return columns(/^[ \t]*/.exec(line)![0]);
}

// A tab moves to the next multiple of four (CommonMark 2.2).
function columns(text: string): number {
  let column = 0;
  for (const character of text) column = character === '\t' ? column + 4 - (column % 4) : column + 1;
  return column;
}
