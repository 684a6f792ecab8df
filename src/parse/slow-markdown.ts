import { cellsOf, columnsOf, definitionAt, fenceAt, firstCharacter, htmlBlockAt, isAtxHeading, isDelimiterRow, isSetextUnderline, isThematicBreak, listItemAt, passQuoteMarker, type Place, thematicBreaks } from './block-starts.js';
import { matchContainers, type Container } from './containers.js';
import { findSlowRun, type RunLine, type RunTotals, type SlowRun } from './inline-runs.js';
import { isHighlighted } from './highlighted.js';

/** What makes a body too slow to parse, and the line (1-based, of the body) where it is. */
export type SlowMarkdown =
  | { kind: 'deep'; line: number; depth: number }
  | SlowRun
  | { kind: 'cells'; line: number; limit: number }
  | { kind: 'blocks'; line: number; limit: number }
  | { kind: 'large'; line: number; limit: number }
  | { kind: 'lines'; line: number; limit: number }
  | { kind: 'code'; line: number; limit: number };

/** Options of {@link findSlowMarkdown}. */
export interface Options {
  /** How deep quotes and lists may nest, counted as the syntax tree counts them (a list level is two: list and item). */
  maxDepth: number;
}

// A table cell costs micromark 50 to 80 µs and about 10 kB: 50 000 cells took 3 s and 450 to 540 MB.
const maxCells = 50_000;
// Each block (a container, a leaf, a table row) costs every stage after it: 800 000 one-word paragraphs
// ran `mimeo check` out of heap after 58 s. At 30 000, `mimeo check` took 2.5 s and 510 MB over
// one-word paragraphs, 3 s and 560 MB over headings or table rows, 2.6 s and 350 MB over list items; a
// file past it is refused in 0.7 s. The longest real Markdown at hand, Node's 12.x changelog (956 kB),
// has 10 568 blocks; a bench article about 80; the longest of 238 READMEs under node_modules 844.
const maxBlocks = 30_000;
// Within its other limits, what a body costs grows with its length: 9.9 MB of prose took `mimeo check`
// 15 s and 1.1 GB, 2 MB take it 2.7 s and 370 MB. The longest real Markdown at hand, Node's 12.x
// changelog, has 956 000 characters; a bench article about 5 500; the longest of 317 READMEs 70 000.
const maxCharacters = 2_000_000;
// Each line costs micromark a few tokens wherever it is, a blank one too: 500 000 one-letter lines (1 MB)
// took it 15 s and 2 GB. At 50 000, `mimeo check` takes 1.9 s and 300 MB over lines of a paragraph, 2.6 s
// and 380 MB over highlighted code. Node's 12.x changelog has 6 451 lines; Rust's release notes, the
// most of any real Markdown at hand, 15 966.
const maxLines = 50_000;
// Highlighted code (isHighlighted) gets a span a token: 400 kB of JSON (`[1,[1,…`) took `mimeo check` 3.4 s and
// 810 MB, 1.9 MB of JavaScript 12 s; at the limit JSON takes 2.4 s and 410 MB. The most real Markdown has: 57 000.
const maxHighlighted = 250_000;
// micromark takes quadratic time over separate block quotes (micromark-util-edit-map): 10 000 took 16 s,
// 20 000 76 s. Counted as four blocks each, 6 000 take 5.6 s (and 360 MB).
const quoteCost = 4;

/** The leaf block a line goes on, open since an earlier line. */
type Leaf =
  | { kind: 'paragraph'; lines: Array<{ text: string; line: number; lazy: boolean }>; definitions?: boolean }
  | { kind: 'table'; cells: number; line: number }
  | { kind: 'code' }
  | { kind: 'fence'; closing: RegExp; highlighted: boolean }
  | { kind: 'html'; end: RegExp | 'blank' };

interface State {
  stack: Container[];
  leaf: Leaf | undefined;
  found: SlowMarkdown | undefined;
  /** How many blocks (containers, leaves, table rows) have started so far. */
  blocks: number;
  /** What the inline runs read so far hold. */
  runs: RunTotals;
  /** How many characters of code with a language (to highlight) there have been so far. */
  highlighted: number;
}

/**
 * Finds, in one linear pass over a Markdown body, what micromark would take pathologically long
 * (or too deep a stack) to parse: millions of characters, tens of thousands of lines, quotes and
 * lists nested deeper than `maxDepth`, an inline run (a paragraph, a heading or a table cell) with
 * thousands of emphasis delimiters (`*`, `_`, `~` next to text, outside code spans), a table with
 * tens of thousands of cells, tens of thousands of blocks, or hundreds of thousands of characters
 * of code to highlight. It follows the block structure of CommonMark and GFM (containers, lazy
 * lines, what interrupts a paragraph, real tables only), so code blocks, raw HTML blocks and code
 * spans are skipped as micromark skips them; where it can not be sure, it counts.
 */
export function findSlowMarkdown(body: string, options: Options): SlowMarkdown | undefined {
  if (body.length > maxCharacters) return { kind: 'large', line: lineAt(body, maxCharacters), limit: maxCharacters };
  const lines = body.split(/\r\n|\r|\n/);
  // A final line break ends the last line and starts none.
  if (lines.length - (lines.at(-1) === '' ? 1 : 0) > maxLines) return { kind: 'lines', line: maxLines + 1, limit: maxLines };
  const state: State = { stack: [], leaf: undefined, found: undefined, blocks: 0, runs: { markup: 0, lengthTimesBreaks: 0 }, highlighted: 0 };
  for (let index = 0; index < lines.length && !state.found; index++) {
    readLine(state, lines[index]!, index + 1, options.maxDepth);
  }
  if (!state.found) closeLeaf(state);
  return state.found;
}

/** The line (1-based) that the character at `offset` is on. */
function lineAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

function readLine(state: State, line: string, number: number, maxDepth: number): void {
  const place: Place = { at: 0, column: 0, base: 0 };
  const matched = matchContainers(state.stack, line, place);
  const all = matched === state.stack.length;
  const { leaf } = state;
  if (all && leaf && leaf.kind !== 'paragraph' && leaf.kind !== 'table' && goesOn(state, leaf, line, number, place)) return;
  if (!all && leaf?.kind !== 'paragraph') closeContainers(state, matched);
  const paragraph = all && state.leaf?.kind === 'paragraph';
  const opened = openContainers(state, line, place, paragraph, matched);
  const depth = state.stack.at(-1)?.depth ?? 0;
  if (depth > maxDepth) {
    state.found = { kind: 'deep', line: number, depth };
    return;
  }
  const start = firstCharacter(line, place);
  if (start.at < line.length) for (const container of state.stack) if (container.empty) container.empty = false;
  if (!all && !opened) {
    if (state.leaf?.kind === 'paragraph' && start.at < line.length && !interrupts(line, start.at, start.column - place.base)) {
      state.leaf.lines.push({ text: line.slice(start.at), line: number, lazy: true });
      return;
    }
    closeContainers(state, matched);
  }
  readLeaf(state, line, number, { at: start.at, column: start.column, base: place.base }, all && !opened);
  if (state.blocks > maxBlocks) state.found ??= { kind: 'blocks', line: number, limit: maxBlocks };
}

/**
 * Opens the quotes and list items the line starts (several in `> - > x`), as CommonMark 5 says:
 * under a paragraph, only a list item that starts at 1 and is not empty can interrupt it.
 * Gives whether it opened any.
 */
function openContainers(state: State, line: string, place: Place, paragraph: boolean, matched: number): boolean {
  let opened = false;
  const open = (container: Omit<Container, 'depth' | 'quotes'>, depth: number) => {
    if (!opened) {
      closeLeaf(state);
      state.stack.length = matched;
    }
    opened = true;
    state.blocks += container.quote ? quoteCost : 1;
    const outer = state.stack.at(-1);
    const { quote, width, empty } = container;
    state.stack.push({ quote, width, empty, depth: (outer?.depth ?? 0) + depth, quotes: (outer?.quotes ?? 0) + (quote ? 1 : 0) });
  };
  const isBreak = thematicBreaks(line);
  let textEnd = line.length;
  while (textEnd > 0 && (line[textEnd - 1] === ' ' || line[textEnd - 1] === '\t')) textEnd--;
  for (;;) {
    const start = firstCharacter(line, place);
    if (start.column - place.base > 3) return opened;
    if (line[start.at] === '>') {
      open({ quote: true, width: 0, empty: false }, 1);
      passQuoteMarker(line, start, place);
      continue;
    }
    const interrupting = paragraph && !opened;
    if ((interrupting && isSetextUnderline(line, start.at)) || isBreak(start.at)) return opened;
    const item = listItemAt(line, start.at, textEnd);
    if (!item || (interrupting && (!item.first || item.empty))) return opened;
    // Content past four spaces is code, and starts one space after the marker (CommonMark 5.2).
    const spaces = columnsOf(item.spaces, start.column + item.marker);
    const gap = item.empty || spaces > 4 ? 1 : spaces;
    const width = start.column - place.base + item.marker + gap;
    open({ quote: false, width, empty: item.empty }, 2);
    place.base += width;
    place.at = start.at + item.marker + (gap === spaces ? item.spaces.length : 0);
    place.column = gap === spaces ? start.column + item.marker + spaces : start.column + item.marker;
  }
}

/** Reads the rest of a line that no container took, as the leaf block it is in or starts. */
function readLeaf(state: State, line: string, number: number, place: Place, continuing: boolean): void {
  const { leaf } = state;
  const indent = place.column - place.base;
  if (place.at === line.length) {
    if (leaf?.kind !== 'code') closeLeaf(state);
    return;
  }
  if (indent >= 4 && leaf?.kind === 'paragraph') {
    leaf.lines.push({ text: line.slice(place.at), line: number, lazy: false });
    return;
  }
  if (indent >= 4) {
    if (leaf?.kind !== 'code') startLeaf(state, { kind: 'code' });
    return;
  }
  if (startsBlock(state, line, number, place.at)) return;
  const text = line.slice(place.at);
  // micromark reads each definition alone: a footnote's ends the paragraph before it, and a
  // link's stands apart from those before it at a paragraph's start.
  const definition = definitionAt(text);
  const alone = definition === 'footnote' || (definition === 'link' && leaf?.kind === 'paragraph' && leaf.definitions === true);
  if (leaf?.kind === 'paragraph' && continuing && !alone) return goOnParagraph(state, leaf, line, number, place.at);
  if (leaf?.kind === 'table' && !alone) return readRow(state, leaf, text, number);
  startLeaf(state, { kind: 'paragraph', lines: [{ text, line: number, lazy: false }], definitions: definition !== undefined });
}

/** Starts the fence, heading, HTML block or thematic break that the line is, if it is one. */
function startsBlock(state: State, line: string, number: number, at: number): boolean {
  const closing = fenceAt(line, at);
  if (closing) {
    startLeaf(state, { kind: 'fence', closing, highlighted: isHighlighted(line.slice(at).replace(/^(?:`{3,}|~{3,})/, '')) });
  } else if (isAtxHeading(line, at)) {
    closeLeaf(state);
    state.blocks++;
    countRun(state, line.slice(at), number);
  } else if (isThematicBreak(line, at)) {
    closeLeaf(state);
    state.blocks++;
  } else {
    const end = htmlBlockAt(line, at, state.leaf?.kind === 'paragraph');
    if (end === undefined) return false;
    if (end === 'blank' || !end.test(line.slice(at + 2))) startLeaf(state, { kind: 'html', end });
    else {
      closeLeaf(state);
      state.blocks++;
    }
  }
  return true;
}

/** Whether a line that is not in all the open containers ends the paragraph instead of going on with it lazily. */
function interrupts(line: string, at: number, indent: number): boolean {
  return indent < 4 && (fenceAt(line, at) !== undefined || isAtxHeading(line, at) || isThematicBreak(line, at) || htmlBlockAt(line, at, true) !== undefined);
}

/** A line that the open paragraph's containers all take: a setext underline, a table's delimiter row, or more text. */
function goOnParagraph(state: State, paragraph: Extract<Leaf, { kind: 'paragraph' }>, line: string, number: number, at: number): void {
  if (isSetextUnderline(line, at)) return closeLeaf(state);
  const header = paragraph.lines.at(-1)!;
  // GFM 4.10: the paragraph's last line is a table's header row when the delimiter row has as many cells.
  if (!header.lazy && isDelimiterRow(line, at) && cellsOf(header.text).length === cellsOf(line.slice(at)).length) {
    paragraph.lines.pop();
    closeLeaf(state);
    const table: Leaf = { kind: 'table', cells: 0, line: header.line };
    state.leaf = table;
    readRow(state, table, header.text, header.line);
    return;
  }
  paragraph.lines.push({ text: line.slice(at), line: number, lazy: false });
  paragraph.definitions = false;
}

/** Counts a table row's cells, each of which micromark reads as an inline run of its own. */
function readRow(state: State, table: Extract<Leaf, { kind: 'table' }>, row: string, number: number): void {
  const cells = cellsOf(row);
  state.blocks++;
  table.cells += cells.length;
  if (table.cells > maxCells) {
    state.found = { kind: 'cells', line: table.line, limit: maxCells };
    return;
  }
  for (const cell of cells) if (!state.found) countRun(state, cell, number);
}

/**
 * Whether a line is part of an open code block or HTML block (and is no Markdown), closing the
 * block when the line ends it, and counting it when it is code to highlight.
 */
function goesOn(state: State, leaf: Extract<Leaf, { kind: 'code' | 'fence' | 'html' }>, line: string, number: number, place: Place): boolean {
  const start = firstCharacter(line, place);
  if (leaf.kind === 'code') return start.at === line.length || start.column - place.base >= 4;
  if (leaf.kind === 'fence') {
    leaf.closing.lastIndex = start.at;
    if (start.column - place.base <= 3 && leaf.closing.test(line)) state.leaf = undefined;
    else if (leaf.highlighted) {
      state.highlighted += line.length - place.at + 1;
      if (state.highlighted > maxHighlighted) state.found ??= { kind: 'code', line: number, limit: maxHighlighted };
    }
  } else if (leaf.end === 'blank' ? start.at === line.length : leaf.end.test(line.slice(place.at))) {
    state.leaf = undefined;
  }
  return true;
}

function startLeaf(state: State, leaf: Leaf): void {
  closeLeaf(state);
  state.leaf = leaf;
  state.blocks++;
}

/** Ends the open leaf block, counting a paragraph's delimiters. */
function closeLeaf(state: State): void {
  const { leaf } = state;
  state.leaf = undefined;
  if (leaf?.kind !== 'paragraph' || leaf.lines.length === 0) return;
  countRun(state, leaf.lines.map((entry) => entry.text).join('\n'), leaf.lines[0]!.line, leaf.lines);
}

function closeContainers(state: State, kept: number): void {
  if (kept === state.stack.length) return;
  closeLeaf(state);
  state.stack.length = kept;
}

/** Reports what makes an inline run too slow to parse, at the line where it is. */
function countRun(state: State, text: string, line: number, lines?: RunLine[]): void {
  state.found ??= findSlowRun(text, line, state.runs, lines);
}
