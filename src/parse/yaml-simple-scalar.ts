import { findForbiddenCharacter } from '../util/forbidden-characters.js';

/** Where a scalar is read: a line of a block mapping or list, or an item of a one-line `[…]` list. */
export type ScalarContext = 'block' | 'flow';

/**
 * Reads the scalar that starts at `start` of `line` when it is one of the simple kinds
 * {@link readSimpleYaml} reads: a double-quoted string with the escapes `\\ \" \/ \n \t \uXXXX`, a
 * single-quoted string, or a plain scalar of common characters (resolved as the core schema of
 * YAML 1.2 does). Gives its value and where its text ends on the line (before any space and
 * comment), or `undefined` for anything else, which the library is left to read.
 */
export function readSimpleScalar(line: string, start: number, context: ScalarContext): { value: unknown; end: number } | undefined {
  const first = line[start];
  if (first === '"') return readDoubleQuoted(line, start);
  if (first === "'") return readSingleQuoted(line, start);
  const text = context === 'block' ? plainInBlock(line, start) : plainInFlow(line, start);
  return text === undefined ? undefined : { value: resolvePlainScalar(text), end: start + text.length };
}

// A plain scalar starts with an ASCII letter or digit, `~`, `/`, `(`, a sign or dot before a
// character other than a space, or a letter, digit, punctuation or symbol beyond ASCII: the other
// indicators (`- ? : , [ ] { } # & * ! | > ' " % @ \``) mean more than text there. After the first,
// a block line takes every letter, digit, mark, punctuation, symbol and space (a no-break space is
// text to YAML); an item of a `[…]` list leaves out the ASCII ones that end it or may
// (`, [ ] { } : # "`) and a few more.
const plainInBlockPattern = /^(?:[A-Za-z0-9~/(]|(?![\x00-\x7F])[\p{L}\p{N}\p{P}\p{S}]|[-+.](?=[^ ]))[\p{L}\p{N}\p{M}\p{P}\p{S}\p{Zs}]*$/u;
const plainInFlowPattern = /(?:[A-Za-z0-9~/(]|(?![\x00-\x7F])[\p{L}\p{N}\p{P}\p{S}]|[-+.](?=[^ ,\]]))(?:[\p{L}\p{N}\p{M} ._/()+~'-]|(?![\x00-\x7F])[\p{P}\p{S}\p{Zs}])*/uy;

function plainInBlock(line: string, start: number): string | undefined {
  // A space and `#` start a comment; `: ` or a `:` at the end would make a mapping in a mapping.
  const comment = line.indexOf(' #', start);
  const text = withoutTrailingSpaces(line.slice(start, comment < 0 ? line.length : comment));
  return plainInBlockPattern.test(text) && !text.includes(': ') && !text.endsWith(':') ? text : undefined;
}

function plainInFlow(line: string, start: number): string | undefined {
  plainInFlowPattern.lastIndex = start;
  const found = plainInFlowPattern.exec(line)?.[0];
  const text = found === undefined ? undefined : withoutTrailingSpaces(found);
  return text === '' ? undefined : text;
}

/**
 * `text` without the spaces that end it. Not `/ +$/`, which tries the run of spaces again from
 * each of its spaces: a value with 200 000 spaces inside took 15 s.
 */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  return text.slice(0, end);
}

/**
 * The value of a plain scalar under the core schema of YAML 1.2, with the `yaml` package's tests
 * in its order (`schema/core/*.js`): null, bool, octal, decimal and hexadecimal integers, infinity
 * and NaN, floats with and without an exponent; anything else (`yes`, `2024-05-01`, `1_000`) is text.
 */
export function resolvePlainScalar(text: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

const escapes: Readonly<Record<string, string>> = { '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t' };
const unescapedRun = /[^"\\]*/y;

// On one line, and with no escape but the common ones: a line break in it folds, and the rarer
// escapes (`\x`, `\U`, `\N`, `\ ` at a line's end…) are the library's to read and to refuse.
function readDoubleQuoted(line: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let index = start + 1;
  while (index < line.length) {
    unescapedRun.lastIndex = index;
    const run = unescapedRun.exec(line)![0];
    value += run;
    index += run.length;
    if (line[index] === '"') return { value, end: index + 1 };
    if (index >= line.length) return undefined;
    const escape = line[index + 1] ?? '';
    const simple = escapes[escape];
    const unicode = escape === 'u' && /^[0-9a-fA-F]{4}$/.test(line.slice(index + 2, index + 6)) ? String.fromCharCode(parseInt(line.slice(index + 2, index + 6), 16)) : undefined;
    // A half of a surrogate pair, or a character no page may hold, is left to be reported.
    if (unicode !== undefined && (/[\uD800-\uDFFF]/.test(unicode) || findForbiddenCharacter(unicode))) return undefined;
    const decoded = simple ?? unicode;
    if (decoded === undefined) return undefined;
    value += decoded;
    index += simple === undefined ? 6 : 2;
  }
  return undefined;
}

function readSingleQuoted(line: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  let index = start + 1;
  for (;;) {
    const quote = line.indexOf("'", index);
    if (quote < 0) return undefined;
    value += line.slice(index, quote);
    // Two quotes stand for one.
    if (line[quote + 1] !== "'") return { value, end: quote + 1 };
    value += "'";
    index = quote + 2;
  }
}
