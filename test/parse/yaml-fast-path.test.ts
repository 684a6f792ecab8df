import { inspect, isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseYaml, parseYamlDocument, type Position } from '../../src/parse/yaml-data.js';
import { readSimpleYaml } from '../../src/parse/yaml-simple.js';

// Where the paths of a value are looked for, and some that lead nowhere or past a scalar.
function pathsOf(value: unknown): PropertyKey[][] {
  const paths: PropertyKey[][] = [[], ['missing'], ['missing', 0]];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    paths.push([key], [key, 'deeper'], [key, 0, 'deeper'], [key, 99], [key, '1'], [key, -1]);
    if (Array.isArray(item)) item.forEach((_, index) => paths.push([key, index], [key, index, 'deeper']));
  }
  return paths;
}

interface Answer {
  value: unknown;
  places: Array<[PropertyKey[], Position, Position]>;
  said: string[];
}

// What one reading gives: its value, where each path is (key and value) and what it reported.
function answerOf(read: typeof parseYaml, text: string, lineOffset: number, paths?: PropertyKey[][]): Answer {
  const diagnostics: Diagnostic[] = [];
  const data = read(text, { file: 'content/issues/1/10-a.md', lineOffset }, (diagnostic) => diagnostics.push(diagnostic));
  const places = (paths ?? (data ? pathsOf(data.value) : [])).map((path): [PropertyKey[], Position, Position] => [path, data!.locate(path), data!.locate(path, 'value')]);
  return { value: data?.value, places, said: diagnostics.map(({ line, column, ruleId, message }) => `${line}:${column} ${ruleId} ${message}`) };
}

/** Whether the fast path reads `text`; when it does, its answer must be the library's. */
function compare(text: string, lineOffset = 0): boolean {
  if (!readSimpleYaml(text)) return false;
  const library = answerOf(parseYamlDocument, text, lineOffset);
  expect(library.value, JSON.stringify(text)).not.toBeUndefined();
  const fast = answerOf(parseYaml, text, lineOffset, library.places.map(([path]) => path));
  // Not toStrictEqual, which compares the `constructor` of objects, and so two values of a key named `constructor`.
  if (!isDeepStrictEqual(fast, library)) expect.fail(`${JSON.stringify(text)} gave\n${inspect(fast, { depth: 5 })}\nwhere the library gives\n${inspect(library, { depth: 5 })}`);
  return true;
}

describe('the fast path for simple YAML', () => {
  it.each([
    ['front matter as mimeo new writes it', '\ntitle: "How the manual logs the weekend"\nauthors:\n  - "cora"\n  - emeka\nsummary: \'One server: checks that patch.\'\ntags: [art, solar]\ndraft: true\nissue: 3\n# a comment line'],
    ['numbers, nulls and booleans of the core schema', 'a: 1e3\nb: 0o17\nc: 0x1F\nd: .inf\ne: -.Inf\nf: .NaN\ng: ~\nh: Null\ni: TRUE\nj: +12\nk: -0\nl: 0.\nm: .5\nn: 1.5e-3\no: 007\np: false\nq: NULL\nr: 99999999999999999999\n'],
    ['text that only looks like a number or a boolean', 'a: yes\nb: 2024-05-01\nc: 1_000\nd: 0o8\ne: 0xG\nf: 12:30\ng: 0X1F\nh: .Nan\ni: nULL\nj: 1e\nk: +.5e+3x\nl: 1_000.5\nm: 1_0e3\n'],
    ['empty values, with and without a comment or trailing spaces', 'a:\nb:   \nc: # none\nd:    # none\ne: ""\nf: \'\'\ng:'],
    ['quotes, colons, hashes and spaces inside scalars', 'a: C# and F#\nb: "x # y"\nc: \'it\'\'s\'\nd: a:b\ne: http://x.org/#top\nf: "  padded  "\ng: it\'s "so"\nh: [a b, "c, d", \'e]\']\n'],
    ['escapes of double-quoted text', 'a: "tab\\there"\nb: "line\\nbreak"\nc: "\\"quoted\\" \\\\ \\/"\nd: "caf\\u00e9 \\u00E9"\n'],
    ['trailing spaces and comments after each kind of value', 'a: plain   \nb: "q"   # c\nc: \'s\' #c\nd: [x, y]  # c\ne:\n  - item  # c\n  - "q" # c\n'],
    ['lists one item a line, indented or not, with comments and blank lines', 'a:\n- x\n- y\nb:\n    - 1\n\n    # between\n    - .5\nc:\n# before\n  - z\n'],
    ['one-line lists, empty or spaced', 'a: []\nb: [ ]\nc: [ x ,y,  z ]\nd: [1, 0x1F, ~, true, "", \'\']\n'],
    ['unicode text and keys that are words of the schema', 'title: Actualités, un an déjà\nsummary: 日本語の題 😀 — «ok»\nconstructor: 1\nnull_value: x\nTrue_ish: y\n'],
    ['spaces of Unicode inside plain text', 'a: x\u00a0y\nb: [x\u3000y]\nc: x\u2003\n'],
    ['comments and blank lines only', '\n# nothing here\n\n  # indented\n'],
    ['a document with a key on its first line', 'a: 1'],
  ])('reads %s as the library does', (_case, text) => {
    expect(compare(text)).toBe(true);
    expect(compare(text, 7)).toBe(true);
  });

  it.each([
    ['an anchor and an alias', 'a: &x one\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >\n  text\n'],
    ['a plain scalar on two lines', 'a: one\n  two\n'],
    ['a quoted scalar on two lines', 'a: "one\n  two"\n'],
    ['a nested mapping', 'a:\n  b: 1\n'],
    ['a mapping in a list', 'a:\n  - b: 1\n'],
    ['a list in a list', 'a:\n  - - 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a list on two lines', 'a: [1,\n  2]\n'],
    ['a comma before the end of a list', 'a: [1, 2,]\n'],
    ['a tab, even inside quotes', 'a: "x\ty"\n'],
    ['a carriage return, even inside quotes', 'a: "x\ry"\n'],
    ['an unusual escape', 'a: "\\x41"\n'],
    ['an escaped control character', 'a: "\\u0007"\n'],
    ['a half of a surrogate pair, escaped', 'a: "\\ud83d"\n'],
    ['a half of a surrogate pair, written as is', 'a: "x\uD83D"\n'],
    ['a control character', 'a: x\u0007y\n'],
    ['a noncharacter', 'a: x\uFFFEy\n'],
    ['a document start marker', '---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a key given twice', 'a: 1\na: 2\n'],
    ['a quoted key', '"a": 1\n'],
    ['a key with a space', 'a b: 1\n'],
    ['a key that is a number', '1: one\n'],
    ['a key that is null', 'null: x\n'],
    ['a key that is a boolean', 'true: x\n'],
    ['the key __proto__', '__proto__: x\n'],
    ['a space before the colon', 'a : 1\n'],
    ['a value without a space after the colon', 'a:1\n'],
    ['a mapping in a value', 'a: b: c\n'],
    ['a colon at the end of a value', 'a: b:\n'],
    ['an indented key', '  a: 1\n'],
    ['a list item at another indentation', 'a:\n  - x\n - y\n'],
    ['an empty list item', 'a:\n  -\n  - y\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a scalar at the top', 'just text\n'],
    ['text after a closing quote', 'a: "x" y\n'],
    ['a quote never closed', 'a: "x\n'],
    ['a comment without a space after a quote', 'a: "x"# c\n'],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['an indicator at the start of a plain scalar', 'a: @x\n'],
    ['a zero-width joiner', 'a: 👩\u200D💻\n'],
  ])('leaves %s to the library', (_case, text) => {
    expect(readSimpleYaml(text)).toBeUndefined();
  });

  it('reads thousands of random front matters as the library does, or leaves them to it', () => {
    const random = createRandom(7);
    let handled = 0;
    const count = 3000;
    for (let n = 0; n < count; n++) {
      if (compare(randomFrontMatter(random), random.below(3) === 0 ? 0 : random.below(20))) handled++;
    }
    // The grammar is biased toward the edges of the subset: much of what it writes falls on each side.
    expect(handled).toBeGreaterThan(count * 0.3);
    expect(handled).toBeLessThan(count * 0.7);
  });
});

interface Random {
  below(limit: number): number;
  pick<T>(items: readonly T[]): T;
}

// mulberry32: the same seed writes the same front matters on every run.
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (limit: number): number => Math.floor(next() * limit);
  return { below, pick: (items) => items[below(items.length)]! };
}

const keys = ['title', 'authors', 'summary', 'tags', 'draft', 'issue', 'a', 'b_c', 'x-y', 'k1', '_k', 'constructor', 'Null_x', 'on'];
const oddKeys = ['null', 'True', '1', '__proto__', '"q"', 'a b', 'é', '-a', 'a:b'];
const words = ['one', 'Two', 'é', 'ß', '日本', '😀', 'ﬁ', 'e\u0301', '\u00a0', '\u3000', '\u2003', '1e3', '0o17', '0x1F', '0X1f', '.inf', '-.Inf', '.NaN', '.nan', '~', 'Null', 'TRUE', 'false', 'yes', '+12', '-0', '007', '0.', '.5', '1.5e-3', '1_000', '2024-05-01', '12:30', '0o8', '-x', '.x', '+', '-'];
const marks = [':', ': ', '#', ' #', ' # c', '-', '- ', '?', '[', ']', ',', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', "'", '"', '\\', '/', '(', ')', '—', '…', '«', '’'];
const escapes = ['\\n', '\\t', '\\\\', '\\/', '\\u00e9', '\\u00E9', '\\u2014'];
const oddEscapes = ['\\u0001', '\\uD83D', '\\uFFFE', '\\x41', '\\ ', '\\N', '\\', '\\u12'];
const oddities = ['\t', '\r', '\u0007', '\uFFFE', '\u200d', '\u2028', '\uFEFF'];
const oddValues = [': &a x', ': *a', ': !!str x', ': |\n  x', ':\n  nested: 1', ': one\n  two', ': "one\n  two"', ':x', ' : x', ': {a: 1}', ':\n  - [x]', ':\n  -\n  - x'];

/**
 * Writes front matter from a grammar biased toward the edges of the fast path's subset: a third of
 * the documents are tame (no tab, control character, odd key or value outside the subset), the
 * others more and more wild, so that some of each kind stay inside the subset.
 */
function randomFrontMatter(random: Random): string {
  const wild = random.below(3) / 2;
  // Front matter starts with the rest of the `---` line, an empty one; site.yml with its first key.
  const lines: string[] = random.below(4) === 0 ? [] : [random.pick(['', '', '# lead', wild ? random.pick(['---', '%YAML 1.2', '  # x']) : ''])];
  const used = new Set<string>();
  for (let count = random.below(7); count > 0; count--) {
    const before = random.below(10);
    if (before === 0) lines.push('');
    if (before === 1) lines.push(`${' '.repeat(random.below(3))}# ${randomText(random, marks, wild)}`);
    // A key given twice is left to the library: tame documents give each once.
    const key = chance(random, wild / 20) ? random.pick(oddKeys) : wild ? random.pick(keys) : random.pick(keys.filter((key) => !used.has(key)));
    used.add(key);
    lines.push(`${chance(random, wild / 30) ? ' ' : ''}${key}${chance(random, wild / 10) ? random.pick(oddValues) : randomValue(random, wild)}`);
  }
  if (random.below(10) === 0) lines.push(random.pick(['', '# end', '  ', wild ? '...' : '']));
  return lines.join('\n');
}

function chance(random: Random, probability: number): boolean {
  return random.below(1000) < probability * 1000;
}

function randomText(random: Random, extra: readonly string[], wild: number): string {
  let text = '';
  for (let parts = 1 + random.below(4); parts > 0; parts--) {
    if (chance(random, wild / 40)) text += random.pick(oddities);
    else text += chance(random, 0.1) ? random.pick(marks) : chance(random, 0.1) ? random.pick(extra) : chance(random, 0.2) ? ' ' : random.pick(words);
  }
  return text;
}

function randomScalar(random: Random, wild: number): string {
  const kind = random.below(10);
  if (kind < 3) return `"${randomText(random, chance(random, wild / 2) ? oddEscapes : escapes, wild).replace(/"/g, chance(random, wild / 4) ? '"' : '\\"')}"`;
  if (kind < 5) return `'${randomText(random, ["''"], wild).replace(/'/g, chance(random, wild / 4) ? "'" : "''")}'`;
  const text = randomText(random, ['  ', 'x'], wild);
  return random.below(4) === 0 ? text : text.trim() || 'x';
}

function randomValue(random: Random, wild: number): string {
  const space = ' '.repeat(1 + random.below(2));
  const comment = random.below(4) === 0 ? `${' '.repeat(random.below(3))}# c${random.pick(marks)}` : '';
  const kind = random.below(20);
  const junk = chance(random, wild / 10) ? random.pick([': x', ' x', ':', '#c', `\n${' '.repeat(1 + random.below(3))}more`]) : '';
  if (kind < 10) return `:${space}${randomScalar(random, wild)}${random.below(5) === 0 ? ' '.repeat(random.below(3)) : ''}${junk || comment}`;
  if (kind < 12) return `:${random.below(2) ? space : ''}${comment}`;
  if (kind < 15) {
    const items = Array.from({ length: random.below(4) }, () => `${' '.repeat(random.below(2))}${randomScalar(random, wild)}`);
    return `:${space}[${items.join(random.pick([',', ', ', ' ,']))}${chance(random, wild / 8) ? ',' : ''}${random.pick(['', ' '])}]${junk || comment}`;
  }
  const indent = random.below(4);
  const items = Array.from({ length: 1 + random.below(4) }, () => {
    const after = random.below(8) === 0 ? random.pick(['', '\n', '\n# c', `\n${' '.repeat(indent)}# c`, `\n${' '.repeat(indent + 2)}# c`]) : junk;
    const shift = chance(random, wild / 12) ? 1 : 0;
    return `${' '.repeat(indent + shift)}-${' '.repeat(random.below(6) === 0 ? 2 : 1)}${randomScalar(random, wild)}${after}`;
  });
  return `:${comment}\n${random.below(6) === 0 ? random.pick(['\n', '# c\n', `${' '.repeat(indent + 1)}# c\n`]) : ''}${items.join('\n')}`;
}
