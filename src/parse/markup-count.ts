/** The weight of an inline run's markup, and where it goes past a budget. */
export interface MarkupCount {
  /** What the run's markup weighs, up to where it goes past the budget. */
  weight: number;
  /**
   * The places up to there that may end a token of text, each by what it costs micromark: a line
   * break one, a piece of markup four, a `]` (read back to its `[`) sixteen.
   */
  breaks: number;
  /** The offset in the run where its markup goes past the budget, or -1 when it does not. */
  past: number;
}

const www = /www\./iy;

/**
 * Weighs the markup of one inline run (a paragraph, a heading or a table cell) by what it costs
 * micromark and each stage after it: a `[` (a link, an image, a footnote call, a reference), a `<`
 * (raw HTML, an autolink) and what GFM makes a link of (`@`, `www.`, and `://` but in a link's
 * destination) weigh four; a run of backticks, `*`, `_` or `~`, a character reference (`&`) and an
 * escape (`\` and the character after it) weigh one. Whatever looks like markup counts, in a code
 * span too: a guess never weighs less than what micromark reads.
 */
export function markupPast(text: string, budget: number): MarkupCount {
  let weight = 0;
  let breaks = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const cost = costAt(text, index);
    if (cost === 0 && character !== ']' && character !== '\n') continue;
    weight += cost;
    breaks += character === '\n' ? 1 : character === ']' ? 16 : 4;
    if (weight > budget) return { weight, breaks, past: index };
    if (character === '\\') index++;
    else if (character === '`' || character === '*' || character === '_' || character === '~') while (text[index + 1] === character) index++;
  }
  return { weight, breaks, past: -1 };
}

/** What the markup that starts at `index` weighs: 0 where none does. */
function costAt(text: string, index: number): number {
  switch (text[index]) {
    case '\\':
    case '`':
    case '*':
    case '_':
    case '~':
    case '&':
      return 1;
    case '[':
    case '<':
    case '@':
      return 4;
    default:
      return isWebAddress(text, index) ? 4 : 0;
  }
}

/** Whether a literal web address (`www.`, `https://`) starts at `index`, as GFM makes a link of it. */
function isWebAddress(text: string, index: number): boolean {
  const character = text[index];
  if (character === 'w' || character === 'W') {
    www.lastIndex = index;
    return www.test(text);
  }
  if (character !== ':' || text[index + 1] !== '/' || text[index + 2] !== '/') return false;
  // A link's destination (`](https://…`, `]: https://…`) and an autolink (`<https://…>`) are counted at their `[` and `<`.
  let start = index;
  while (start > 0 && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
  let before = start - 1;
  while (before > 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  return text[start - 1] !== '<' && !(text[start - 1] === '(' && text[start - 2] === ']') && !(text[before] === ':' && text[before - 1] === ']');
}
