// What a line starts, read from `at` (its first character after containers and up to three spaces
// of indentation), as CommonMark 0.31 and GFM say and micromark reads it. All patterns are sticky
// (`y`): they are tried at `at` without copying the rest of the line.

const thematicBreak = /([-*_])(?:[ \t]*\1){2,}[ \t]*$/y;
const atxHeading = /#{1,6}(?:[ \t]|$)/y;
const setextUnderline = /(?:=+|-+)[ \t]*$/y;
const fenceOpening = /(`{3,}|~{3,})([^\n]*)$/y;
const listMarker = /([-+*]|(\d{1,9})[.)])([ \t]+|$)/y;
const delimiterRow = /\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/y;
// HTML blocks 1 to 5, which end at a line that holds their end; 6 and 7 end at a blank line.
const htmlEnding: Array<[RegExp, RegExp]> = [
  [/<(?:pre|script|style|textarea)(?:[ \t>]|$)/iy, /<\/(?:pre|script|style|textarea)>/i],
  [/<!--/y, /-->/],
  [/<\?/y, /\?>/],
  [/<![A-Za-z]/y, />/],
  [/<!\[CDATA\[/y, /\]\]>/],
];
// micromark-util-html-tag-name's htmlBlockNames.
const blockNames =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const htmlBlock = new RegExp(`</?(?:${blockNames})(?:[ \\t>]|/>|$)`, 'iy');
// One whole open or closing tag alone on its line (kind 7, which can not interrupt a paragraph).
const htmlTag =
  /(?:<[A-Za-z][A-Za-z0-9-]*(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)*[ \t]*\/?>|<\/[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$/y;

function matches(pattern: RegExp, line: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(line);
}

/** Whether the line is a thematic break (`***`, `- - -`). */
export function isThematicBreak(line: string, at: number): boolean {
  return matches(thematicBreak, line, at) !== null;
}

/**
 * Whether the line is a thematic break from each place it is asked at, in constant time after one
 * pass: a line of `- - - …` is asked at each of its markers.
 */
export function thematicBreaks(line: string): (at: number) => boolean {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  const marker = line[end - 1];
  if (marker !== '-' && marker !== '*' && marker !== '_') return () => false;
  // The suffix from `after + 1` holds only the marker and spaces; `third` is where its third-last marker is.
  let after = end - 1;
  let seen = 0;
  let third = -1;
  for (; after >= 0 && (line[after] === marker || line[after] === ' ' || line[after] === '\t'); after--) {
    if (line[after] === marker && ++seen === 3) third = after;
  }
  return (at) => at > after && at <= third && line[at] === marker;
}

/** Whether the line is an ATX heading (`## Title`). */
export function isAtxHeading(line: string, at: number): boolean {
  return matches(atxHeading, line, at) !== null;
}

/** Whether the line, under a paragraph, makes it a setext heading (`===`, `---`). */
export function isSetextUnderline(line: string, at: number): boolean {
  return matches(setextUnderline, line, at) !== null;
}

/** Whether the line is a table's delimiter row (`| --- | :-: |`); a row of `-` alone is a setext underline. */
export function isDelimiterRow(line: string, at: number): boolean {
  return matches(delimiterRow, line, at) !== null && /[|:]/.test(line.slice(at));
}

/**
 * The list item the line starts: its marker's width, the spaces after it, whether it is `1.`, and
 * whether it is empty (nothing but spaces from there to `textEnd`, the end of the line's text).
 */
export function listItemAt(line: string, at: number, textEnd: number): { marker: number; spaces: string; first: boolean; empty: boolean } | undefined {
  const found = matches(listMarker, line, at);
  if (!found) return undefined;
  const [whole, marker, number, spaces] = found;
  const empty = at + whole.length >= textEnd;
  return { marker: marker!.length, spaces: spaces!, first: number === undefined || Number(number) === 1, empty };
}

/** The fence the line opens (a backtick fence's info string may hold no backtick, CommonMark 4.5), as a closing pattern. */
export function fenceAt(line: string, at: number): RegExp | undefined {
  const found = matches(fenceOpening, line, at);
  if (!found || (found[1]![0] === '`' && found[2]!.includes('`'))) return undefined;
  return new RegExp(`${found[1]![0]}{${found[1]!.length},}[ \\t]*$`, 'y');
}

/**
 * The HTML block the line starts: `blank` for one that ends before a blank line, or the pattern of
 * a line that ends it (which may be this one, after the start); kind 7 only when `interrupting` is false.
 */
export function htmlBlockAt(line: string, at: number, interrupting: boolean): RegExp | 'blank' | undefined {
  if (line[at] !== '<') return undefined;
  for (const [start, end] of htmlEnding) if (matches(start, line, at)) return end;
  if (matches(htmlBlock, line, at) || (!interrupting && matches(htmlTag, line, at))) return 'blank';
  return undefined;
}

/** How many cells a table row is written with (`| a | b |` has two): `|` not escaped, and not at its ends, part them. */
export function cellsOf(row: string): string[] {
  const cells: string[] = [];
  const text = row.trim();
  let start = text.startsWith('|') ? 1 : 0;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '|') {
      cells.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (start < text.length || cells.length === 0) cells.push(text.slice(start));
  return cells;
}

/** Where a line is read from: the character, its column, and the column its container's content starts at. */
export interface Place {
  at: number;
  column: number;
  base: number;
}

/** Goes past a quote's `>` and the one space after it, which may be part of a tab (CommonMark 5.1). */
export function passQuoteMarker(line: string, start: { at: number; column: number }, place: Place): void {
  place.at = start.at + 1;
  place.column = start.column + 1;
  place.base = place.column;
  if (line[place.at] === ' ') {
    place.at++;
    place.column++;
    place.base++;
  } else if (line[place.at] === '\t') {
    place.base++;
  }
}

/** The first character after spaces and tabs from `place`, and its column. */
export function firstCharacter(line: string, place: Place): { at: number; column: number } {
  let { at, column } = place;
  for (; line[at] === ' ' || line[at] === '\t'; at++) column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
  return { at, column };
}

/** How many columns `text` takes from column `from`: a tab moves to the next multiple of four (CommonMark 2.2). */
export function columnsOf(text: string, from: number): number {
  let column = from;
  for (const character of text) column = character === '\t' ? column + 4 - (column % 4) : column + 1;
  return column - from;
}

/**
 * Whether a line is surely a definition, as micromark reads one: a footnote's start (`[^1]:`) or a
 * whole link definition on one line (`[label]: https://… "title"`), written plainly (no escapes,
 * no brackets in the label, no parentheses in the address), so that nothing else reads the same.
 */
export function definitionAt(text: string): 'footnote' | 'link' | undefined {
  if (!text.startsWith('[')) return undefined;
  if (/^\[\^[^[\]\\\s]{1,900}\]:/.test(text)) return 'footnote';
  return plainDefinition.test(text) ? 'link' : undefined;
}

const plainDefinition = /^\[(?=[^\]]*[^\s\]])[^[\]\\]{1,900}\]:[ \t]*(?:<[^<>\\\n]*>|[^\s<>()\\]+)(?:[ \t]+(?:"[^"\\]*"|'[^'\\]*'|\([^()\\]*\)))?[ \t]*$/;
