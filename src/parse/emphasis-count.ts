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
    const character = text[index]!;
    if (isSpace(character)) wordHasText = false;
    else if (isText(character)) wordHasText = true;
    if (character === '\\') index++;
    else if (character === '<' || character === ']') spans = false;
    else if (character === '`') {
      let end = index + 1;
      while (text[end] === '`') end++;
      const close = spans && !wordHasText ? closers!.after(end - index, end) : -1;
      index = (close === -1 ? end : close + end - index) - 1;
    } else if (character === '*' || character === '_' || character === '~') {
      let end = index + 1;
      while (text[end] === character) end++;
      if (touchesText(text[index - 1]) || touchesText(text[end])) count += end - index;
      if (count > limit) return index;
      index = end - 1;
    }
  }
  return -1;
}

function touchesText(character: string | undefined): boolean {
  return character !== undefined && !/\s/.test(character);
}

function isSpace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n';
}

// Any character past ASCII counts as a letter: a span that is not opened is only counted.
function isText(character: string): boolean {
  return /[0-9A-Za-z]/.test(character) || character > '\x7f';
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
