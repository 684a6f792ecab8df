// CSS math functions (https://www.w3.org/TR/css-values-4/#math) as the Nu Html Checker reads them
// in a media query: `calc(40rem + 10px)`, `min(600px, 50vw)`. It rejects a call that is empty,
// that has `+` or `-` without a space on each side (`calc(40em+1px)` reads as two lengths), a
// comma where the function takes none or the wrong number of values, a name or unit it does not
// know (`calc(foo)`, `calc(10cqw)`), or values of types that do not go together (`calc(1px + 2)`).

/**
 * The type of what a math expression computes. The checker takes a percentage with a length
 * (`calc(100% - 10px)`) where a media query reads a length, but not a percentage alone (`calc(50%)`).
 */
export type MathType = 'length' | 'percentage' | 'number' | 'angle';

// Each function by how many values it takes, at least and at most; `min()`, `max()` and `hypot()` take any number.
const arities: Record<string, readonly [number, number]> = {
  calc: [1, 1], min: [1, Infinity], max: [1, Infinity], clamp: [3, 3], hypot: [1, Infinity], abs: [1, 1], sign: [1, 1],
  sin: [1, 1], cos: [1, 1], tan: [1, 1], asin: [1, 1], acos: [1, 1], atan: [1, 1], atan2: [2, 2],
  pow: [2, 2], sqrt: [1, 1], log: [1, 2], exp: [1, 1],
};

/** The CSS math functions (https://www.w3.org/TR/css-values-4/#math), which the checker takes wherever a number or a length goes. */
export const mathFunctions: ReadonlySet<string> = new Set(Object.keys(arities));

const angleUnits = new Set(['deg', 'grad', 'rad', 'turn']);
// With or without a minus sign (`-pi`), which the checker takes though CSS takes only `-infinity`.
const constants = new Set(['e', 'pi', 'infinity', 'nan']);
// Lengths the checker takes in a math function only.
const mathOnlyUnits = new Set(['lh', 'rlh']);
// A CSS number (https://www.w3.org/TR/css-syntax-3/#number-token-diagram), with its sign.
const number = /[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const unit = /%|[a-zA-Z]+/y;
const identifier = /-?[a-zA-Z][a-zA-Z\d-]*/y;
// Comments are skipped where spaces may be, but are none: `1px/* */+ 2px` has no space before its `+`.
const space = /(?:[\t\n\f\r ]|\/\*[\s\S]*?\*\/)*/y;
// Deeper than this, a call is refused rather than read (a recursive read would overflow the stack).
const maxDepth = 32;

/** What the math function call `text` (`calc(40rem + 10px)`, all of it) computes, or `undefined` when the checker would reject it; `units` are the lengths it knows. */
export function mathTypeOf(text: string, units: ReadonlySet<string>): MathType | undefined {
  const reader: Reader = { text, at: 0, units };
  const type = readCall(reader, 0);
  return reader.at === text.length ? type : undefined;
}

/** A read through the text of a call, and how far it has come. */
interface Reader {
  text: string;
  at: number;
  units: ReadonlySet<string>;
}

function match(reader: Reader, pattern: RegExp): string | undefined {
  pattern.lastIndex = reader.at;
  const found = pattern.exec(reader.text)?.[0];
  if (found !== undefined) reader.at += found.length;
  return found;
}

/** Skips spaces and comments; how many spaces there were. */
function skipSpace(reader: Reader): number {
  return match(reader, space)!.replace(/\/\*[\s\S]*?\*\//g, '').length;
}

/** A call such as `min(1px, 2vw)`, which `reader` is at the name of. */
function readCall(reader: Reader, depth: number): MathType | undefined {
  const name = match(reader, identifier)?.toLowerCase();
  const arity = name !== undefined && Object.hasOwn(arities, name) ? arities[name] : undefined;
  if (!arity || depth > maxDepth || reader.text[reader.at] !== '(') return undefined;
  reader.at++;
  const values: MathType[] = [];
  for (;;) {
    skipSpace(reader);
    const value = readSum(reader, depth + 1);
    if (value === undefined) return undefined;
    values.push(value);
    skipSpace(reader);
    const next = reader.text[reader.at++];
    if (next === ')') break;
    if (next !== ',') return undefined;
  }
  if (values.length < arity[0] || values.length > arity[1]) return undefined;
  return resultOf(name!, values);
}

/** What function `name` computes of `values`. */
function resultOf(name: string, values: readonly MathType[]): MathType | undefined {
  const same = values.reduce<MathType | undefined>((type, value) => (type === undefined ? undefined : added(type, value)), values[0]);
  switch (name) {
    case 'sign':
      return 'number';
    case 'sin':
    case 'cos':
    case 'tan':
      return same === 'number' || same === 'angle' ? 'number' : undefined;
    case 'asin':
    case 'acos':
    case 'atan':
      return same === 'number' ? 'angle' : undefined;
    case 'atan2':
      return same !== undefined ? 'angle' : undefined;
    case 'pow':
    case 'sqrt':
    case 'log':
    case 'exp':
      return same === 'number' ? 'number' : undefined;
    default:
      return same;
  }
}

/** Values added or taken from each other, each `+` or `-` with a space on each side. */
function readSum(reader: Reader, depth: number): MathType | undefined {
  let type = readProduct(reader, depth);
  while (type !== undefined) {
    const before = reader.at;
    const spaced = skipSpace(reader) > 0;
    const operator = reader.text[reader.at];
    if (!spaced || (operator !== '+' && operator !== '-')) {
      reader.at = before;
      return type;
    }
    reader.at++;
    // `1px -2px` is two lengths side by side, which no operator joins.
    if (skipSpace(reader) === 0) return undefined;
    const next = readProduct(reader, depth);
    type = next === undefined ? undefined : added(type, next);
  }
  return undefined;
}

/** The type of a sum of values of types `a` and `b`: a length and a percentage make a length. */
function added(a: MathType, b: MathType): MathType | undefined {
  if (a === b) return a;
  const lengths: readonly MathType[] = ['length', 'percentage'];
  return lengths.includes(a) && lengths.includes(b) ? 'length' : undefined;
}

/** Values multiplied or divided, one of two multiplied a number, and each divisor a number. */
function readProduct(reader: Reader, depth: number): MathType | undefined {
  let type = readValue(reader, depth);
  while (type !== undefined) {
    const before = reader.at;
    skipSpace(reader);
    const operator = reader.text[reader.at];
    if (operator !== '*' && operator !== '/') {
      reader.at = before;
      return type;
    }
    reader.at++;
    skipSpace(reader);
    const next = readValue(reader, depth);
    if (next === undefined) return undefined;
    type = operator === '/' ? (next === 'number' ? type : undefined) : type === 'number' ? next : next === 'number' ? type : undefined;
  }
  return undefined;
}

/** A number, a length, an angle, a constant (`pi`), an expression in parentheses, or another call. */
function readValue(reader: Reader, depth: number): MathType | undefined {
  const { text } = reader;
  if (text[reader.at] === '(') {
    if (depth > maxDepth) return undefined;
    reader.at++;
    skipSpace(reader);
    const type = readSum(reader, depth + 1);
    skipSpace(reader);
    return type !== undefined && text[reader.at++] === ')' ? type : undefined;
  }
  if (match(reader, number) !== undefined) {
    const suffix = match(reader, unit)?.toLowerCase();
    if (suffix === undefined) return 'number';
    if (suffix === '%') return 'percentage';
    if (reader.units.has(suffix) || mathOnlyUnits.has(suffix)) return 'length';
    return angleUnits.has(suffix) ? 'angle' : undefined;
  }
  const start = reader.at;
  const name = match(reader, identifier);
  if (name === undefined) return undefined;
  if (text[reader.at] === '(') {
    reader.at = start;
    return readCall(reader, depth);
  }
  return constants.has(name.toLowerCase().replace(/^-/, '')) ? 'number' : undefined;
}
