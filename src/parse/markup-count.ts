import { ampersand, asterisk, at, backslash, backtick, closingBracket, colon, lessThan, lineFeed, openingBracket, tilde, underscore } from './character-codes.js';

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
    const code = text.charCodeAt(index);
    // Most characters are no markup: one look in a table sends them on.
    if (code >= 0x80 || !markupStarts[code]) continue;
    switch (code) {
      case lineFeed:
        breaks += 1;
        continue;
      case closingBracket:
        breaks += 16;
        continue;
      case backslash:
      case backtick:
      case asterisk:
      case underscore:
      case tilde:
      case ampersand:
        weight += 1;
        break;
      case openingBracket:
      case lessThan:
      case at:
        weight += 4;
        break;
      case 0x57: // W
      case 0x77: // w
        if (!isW(text.charCodeAt(index + 1)) || !isW(text.charCodeAt(index + 2)) || text.charCodeAt(index + 3) !== 0x2e) continue;
        weight += 4;
        break;
      case colon:
        if (!isWebAddress(text, index)) continue;
        weight += 4;
        break;
      default:
        continue;
    }
    breaks += 4;
    if (weight > budget) return { weight, breaks, past: index };
    if (code === backslash) index++;
    else if (code === backtick || code === asterisk || code === underscore || code === tilde) while (text.charCodeAt(index + 1) === code) index++;
  }
  return { weight, breaks, past: -1 };
}

// The ASCII characters that may start markup, or break a run of text (a line break, a `]`).
const markupStarts = new Uint8Array(0x80);
for (const character of '\n]\\`*_~&[<@wW:') markupStarts[character.charCodeAt(0)] = 1;

/** Whether a character code is a `w` or a `W` (of a `www.`, which GFM makes a link of). */
function isW(code: number): boolean {
  return code === 0x77 || code === 0x57;
}

/** Whether the `:` at `index` is a literal web address's (`https://`), as GFM makes a link of it. */
function isWebAddress(text: string, index: number): boolean {
  if (text[index + 1] !== '/' || text[index + 2] !== '/') return false;
  // A link's destination (`](https://…`, `]: https://…`) and an autolink (`<https://…>`) are counted at their `[` and `<`.
  let start = index;
  while (start > 0 && /[A-Za-z0-9+.-]/.test(text[start - 1]!)) start--;
  let before = start - 1;
  while (before > 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  return text[start - 1] !== '<' && !(text[start - 1] === '(' && text[start - 2] === ']') && !(text[before] === ':' && text[before - 1] === ']');
}
