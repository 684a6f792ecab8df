import type { LineCounter, YAMLParseError } from 'yaml';

/** A YAML error, the offset in the text where it is shown (see {@link errorOffset}), and its field. */
export interface ShownError {
  error: YAMLParseError;
  offset: number;
  /**
   * The offsets where the text of the field the error is in starts and ends: read alone, it gives
   * the error's path as the contributor wrote it, whatever the parser made of the fields before.
   */
  field: [start: number, end: number];
}

/**
 * The errors of a YAML text that are mistakes of their own, in the library's order, each with
 * where it is shown: the first of each field written at the start of a line (with the lines
 * below it that belong to it), and none after the line where a quote, a list or a mapping opens
 * that is never closed. After a mistake the parser's idea of the structure is a guess: what it then
 * finds in the same field (two or three errors for one line indented wrong), or anywhere after
 * an unclosed quote, which takes in every line up to the next quote, is not the contributor's to
 * mend (SPEC §5: every mistake at once, but no noise).
 */
export function independentErrors(text: string, errors: readonly YAMLParseError[], lineCounter: LineCounter): ShownError[] {
  const shown = errors.map((error) => ({ error, offset: errorOffset(text, error) }));
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const openings = shown.filter(({ error }) => isUnclosed(error)).map(({ offset }) => lineOf(offset));
  const lastLine = openings.reduce((least, line) => Math.min(least, line), Infinity);
  const { lineStarts } = lineCounter;
  const fieldOf = fieldStarts(text, lineStarts);
  const firstOfField = new Map<number, (typeof shown)[number]>();
  for (const item of shown) {
    const line = lineOf(item.offset);
    if (line > lastLine) continue;
    const field = fieldOf[line - 1] ?? 1;
    const kept = firstOfField.get(field);
    // A quote or a list never closed explains the other errors of its field: it is shown first.
    const earlier = kept && (isUnclosed(kept.error) || (!isUnclosed(item.error) && kept.error.pos[0] <= item.error.pos[0]));
    if (!earlier) firstOfField.set(field, item);
  }
  // Where each field ends: where the next one starts.
  const ends = new Map<number, number>();
  fieldOf.forEach((field, index) => ends.set(field, lineStarts[index + 1] ?? text.length));
  const fields = new Map([...firstOfField].map(([line, item]) => [item, line]));
  return shown.flatMap((item) => {
    const line = fields.get(item);
    return line === undefined ? [] : [{ ...item, field: [lineStarts[line - 1] ?? 0, ends.get(line) ?? text.length] }];
  });
}

/**
 * Where to show a YAML error: where the library found it, except for a quote never closed, found
 * at the end of the text, which is shown at the quote that opens it.
 */
function errorOffset(text: string, error: { code: string; message: string; pos: [number, number] }): number {
  const quote = error.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(error.message)?.[1] : undefined;
  // A list or mapping never closed (`[ada`) is reported where its line ends: shown where it opens.
  const bracket = error.code === 'BAD_INDENT' ? /end with a ([\]}])/.exec(error.message)?.[1] : undefined;
  const opening = quote !== undefined ? openingQuote(text, quote, error.pos[0] - 1) : bracket !== undefined ? openingBracket(text, bracket, error.pos[0] - 1) : -1;
  return opening < 0 ? error.pos[0] : opening;
}

/** Where the quote that is never closed opens, looking back from `from`: not at `\"` inside a double-quoted value, nor at `''` inside a single-quoted one. */
function openingQuote(text: string, quote: string, from: number): number {
  for (let at = text.lastIndexOf(quote, from); at >= 0; at = text.lastIndexOf(quote, at - 1)) {
    if (quote === "'" && text[at - 1] === "'") {
      at--;
      continue;
    }
    let backslashes = 0;
    while (quote === '"' && text[at - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/** Where the list or mapping that is never closed opens, looking back from `from` past those closed within it (`[[a], b`). */
function openingBracket(text: string, closing: string, from: number): number {
  const opening = closing === ']' ? '[' : '{';
  let depth = 0;
  for (let at = from; at >= 0; at--) {
    if (text[at] === closing) depth++;
    else if (text[at] === opening && depth-- === 0) return at;
  }
  return -1;
}

/** Whether an error is a quote, a list or a mapping that is never closed. */
function isUnclosed(error: { code: string; message: string }): boolean {
  return (error.code === 'MISSING_CHAR' && /closing ["']quote/.test(error.message)) || (error.code === 'BAD_INDENT' && /end with a [\]}]/.test(error.message));
}

/**
 * For each line (1-based, at index line - 1), the line where its field starts: the last line up
 * to it that starts with a key, not with a space, a tab, a comment or a list's dash (`authors:`
 * may list its items at the start of the following lines). Blank lines belong to the field before.
 */
function fieldStarts(text: string, lineStarts: readonly number[]): number[] {
  const fields: number[] = [];
  let field = 1;
  lineStarts.forEach((start, index) => {
    const first = text[start];
    const dash = first === '-' && /^\s?$/.test(text[start + 1] ?? '');
    if (first !== undefined && !/[\s#]/.test(first) && !dash) field = index + 1;
    fields.push(field);
  });
  return fields;
}
