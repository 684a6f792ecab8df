/** The weight of an inline run's markup, and where it goes past a budget. */
export interface MarkupCount {
  /** What the run's markup weighs, up to where it goes past the budget. */
  weight: number;
  /** The offset in the run where its markup goes past the budget, or -1 when it does not. */
  past: number;
}

const www = /www\./iy;

/**
 * Weighs the markup of one inline run (a paragraph, a heading or a table cell) by what it costs
 * micromark and each stage after it: a `[` (a link, an image, a footnote call, a reference), a `<`
 * (raw HTML, an autolink) and what GFM makes a link of (`@`, `www.`, and `://` other than in a
 * link's destination) weigh four; a run of backticks, `*`, `_` or `~`, a character reference (`&`)
 * and an escape (`\` and the character after it) weigh one. Whatever looks like markup counts, in a
 * code span too: a guess never weighs less than what micromark reads.
 */
export function markupPast(text: string, budget: number): MarkupCount {
  let weight = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const at = index;
    if (character === '\\') {
      weight += 1;
      index++;
    } else if (character === '`' || character === '*' || character === '_' || character === '~') {
      weight += 1;
      while (text[index + 1] === character) index++;
    } else if (character === '&') {
      weight += 1;
    } else if (character === '[' || character === '<' || character === '@' || isWebAddress(text, index)) {
      weight += 4;
    } else {
      continue;
    }
    if (weight > budget) return { weight, past: at };
  }
  return { weight, past: -1 };
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
