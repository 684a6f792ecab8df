import { mathFunctions } from './css-math.js';
import { isMediaCondition, lengthUnits } from './media-queries.js';

// A `sizes` attribute (https://html.spec.whatwg.org/#sizes-attributes) as the Nu Html Checker
// reads it: `auto` first on a lazy-loaded image, then sizes separated by commas, each but the
// last after a media condition; a size is a length with a unit it knows (`50vw`, `300px`, not
// `50%` or `300`), 0, or one of the CSS math functions (`calc(100vw - 2em)`).

// A CSS number (https://www.w3.org/TR/css-syntax-3/#number-token-diagram), then its unit.
const dimension = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?)([a-zA-Z]*)$/;
const space = /[\t\n\f\r ]/;

/** What can be wrong with a `sizes`: its syntax, or an `auto` on an image that is not lazy-loaded. */
export type SizesProblem = 'syntax' | 'eager';

/** What is wrong with the `sizes` `value` of an element whose image is `lazy` (`loading="lazy"`), if anything. */
export function sizesProblem(value: string, lazy: boolean): SizesProblem | undefined {
  const text = withoutComments(value);
  const parts = text === undefined ? undefined : splitAtCommas(text).map((part) => part.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, ''));
  if (!parts || parts.every((part) => part === '')) return 'syntax';
  const auto = parts[0]!.toLowerCase() === 'auto';
  const sizes = auto ? parts.slice(1) : parts;
  if (!sizes.every((size, index) => isSourceSize(size, index === sizes.length - 1))) return 'syntax';
  return auto && !lazy ? 'eager' : undefined;
}

/** The parts of `text` between commas outside parentheses (`min(50vw, 300px)` is one). */
function splitAtCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    if (text[at] === '(') depth++;
    else if (text[at] === ')') depth = Math.max(0, depth - 1);
    else if (text[at] === ',' && depth === 0) {
      parts.push(text.slice(start, at));
      start = at + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** `value` without its CSS comments, or `undefined` when one is left open. */
function withoutComments(value: string): string | undefined {
  const text = value.replace(/\/\*[\s\S]*?\*\//g, '');
  return text.includes('/*') ? undefined : text;
}

/** Whether `text` is a size after a media condition, which only the last size may go without. */
function isSourceSize(text: string, last: boolean): boolean {
  if (text === '') return false;
  const at = sizeStart(text);
  if (at === undefined) return false;
  const size = text.slice(at);
  if (!size.endsWith(')') && !isLength(size)) return false;
  const condition = text.slice(0, at);
  if (condition === '') return last;
  // A function needs a space between it and the media condition.
  return space.test(condition.at(-1)!) && isMediaCondition(condition.trim());
}

/**
 * Where the size at the end of `text` starts: after the last space, or for a function (which may
 * hold spaces), at its name, which must be one of {@link mathFunctions}; `undefined` when there is none.
 */
function sizeStart(text: string): number | undefined {
  if (!text.endsWith(')')) {
    let at = text.length;
    while (at > 0 && !space.test(text[at - 1]!)) at--;
    return at;
  }
  let depth = 0;
  for (let at = text.length - 1; at >= 0; at--) {
    if (text[at] === ')') depth++;
    else if (text[at] === '(' && --depth === 0) {
      const name = /[a-zA-Z\d-]*$/.exec(text.slice(0, at))![0];
      return mathFunctions.has(name.toLowerCase()) ? at - name.length : undefined;
    }
  }
  return undefined;
}

/** Whether `size` is 0 or a length that is not negative, with a unit the checker knows (which it reads in lower case only). */
function isLength(size: string): boolean {
  const parts = dimension.exec(size);
  if (!parts) return false;
  const number = Number(parts[1]);
  return parts[2] === '' ? number === 0 : number >= 0 && lengthUnits.has(parts[2]!);
}
