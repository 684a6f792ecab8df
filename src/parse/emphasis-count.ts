import { asterisk, backslash, backtick, closingBracket, lessThan, tilde, underscore } from './character-codes.js';

/**
 * Where, in one inline run (a paragraph, a heading or a table cell), the emphasis delimiters that
 * micromark may match go past `limit`: the offset of the `*`, `_` or `~` that does, or -1. A
 * delimiter is one in a run that touches text on one side at least (a list marker or `****`
 * alone touch none), outside code spans and backslash escapes. The count is never below what
 * micromark matches: a backtick that something else may take is not read as a code span.
 */
export function delimitersPast(text: string, limit: number): number {
  const closers = text.includes('`') ? new Closers(text) : undefined;
  // Raw HTML, autolinks, link destinations and labels, and footnote calls start with `<` or `]` and
  // may hold a backtick, which is then no code span: from the first of these on, code spans count.
  let spans = true;
  // A literal autolink (`https://a/b`c`) takes the backticks of its word: only a run that no
  // letter or digit comes before in its word opens a span.
  let wordHasText = false;
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = code >= 0x80 ? textKind : kinds[code]!;
    if (kind === textKind) wordHasText = true;
    else if (kind === spaceKind) wordHasText = false;
    else if (kind === otherKind) continue;
    else if (code === backslash) index++;
    else if (code === lessThan || code === closingBracket) spans = false;
    else if (code === backtick) {
      let end = index + 1;
      while (text.charCodeAt(end) === backtick) end++;
      const close = spans && !wordHasText ? closers!.after(end - index, end) : -1;
      index = (close === -1 ? end : close + end - index) - 1;
    } else if (code === asterisk || code === underscore || code === tilde) {
      let end = index + 1;
      while (text.charCodeAt(end) === code) end++;
      if (touchesText(text, index - 1) || touchesText(text, end)) count += end - index;
      if (count > limit) return index;
      index = end - 1;
    }
  }
  return -1;
}

/** Whether there is a character at `index` and it is no white space (as `\s` reads it). */
function touchesText(text: string, index: number): boolean {
  return index >= 0 && index < text.length && !isWhiteSpace(text.charCodeAt(index));
}

// What `\s` matches: ASCII spaces, no-break spaces, Unicode's space separators, line and paragraph separators and the byte order mark.
function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

// What an ASCII character is to the count: any character past ASCII counts as a letter (a span
// that is not opened is only counted); markup is what the count looks at.
const [otherKind, spaceKind, textKind, markupKind] = [0, 1, 2, 3];
const kinds = new Uint8Array(0x80);
for (let code = 0; code < 0x80; code++) {
  const character = String.fromCharCode(code);
  kinds[code] = /[0-9A-Za-z]/.test(character) ? textKind : ' \t\n'.includes(character) ? spaceKind : '\\<]`*_~'.includes(character) ? markupKind : otherKind;
}

/**
 * The backtick runs of a text by length, to find a code span's end in linear time: the spans are
 * looked for from left to right, so each length's list is walked once (CommonMark 6.1: a span
 * ends at the next run of as many backticks, escaped or not).
 */
class Closers {
  private readonly runs = new Map<number, { starts: number[]; next: number }>();

  constructor(text: string) {
    for (let index = text.indexOf('`'); index !== -1; index = text.indexOf('`', index)) {
      let end = index + 1;
      while (text[end] === '`') end++;
      const runs = this.runs.get(end - index) ?? { starts: [], next: 0 };
      runs.starts.push(index);
      this.runs.set(end - index, runs);
      index = end;
    }
  }

  /** Where the first run of `length` backticks at or after `from` starts, or -1. */
  after(length: number, from: number): number {
    const runs = this.runs.get(length);
    if (!runs) return -1;
    while (runs.next < runs.starts.length && runs.starts[runs.next]! < from) runs.next++;
    return runs.starts[runs.next] ?? -1;
  }
}
