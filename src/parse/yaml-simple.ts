import { LineCounter, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { findForbiddenCharacter } from '../util/forbidden-characters.js';
import { readSimpleScalar, resolvePlainScalar } from './yaml-simple-scalar.js';

/** YAML read by {@link readSimpleYaml}. */
export interface SimpleYaml {
  /** The plain value, as the library's `toJS` gives it. */
  value: Record<string, unknown>;
  /**
   * The mapping as the library's nodes, as far as locating a path needs them: pairs, items and the
   * start of each node's range (its end is not kept); `null` when the text holds no key.
   */
  contents: YAMLMap | null;
  /** Where each line of the text starts. */
  lineCounter: LineCounter;
}

// Left to the library: tabs and carriage returns, which it reads as whitespace where this reader
// would not; a byte order mark and the Unicode line separators; halves of surrogate pairs (found
// without the `u` flag, with which this test took an eighth of the time of the whole reading).
const unread = /[\t\r\uFEFF\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// A simple key is a word of ASCII letters, digits, `_` and `-`, then `:` and a space or the line's end.
const keyLine = /^([A-Za-z_][\w-]*):(?: +|$)/;
const listItem = /^( *)-(?: +|$)/;
const blankOrComment = /^ *(?:#.*)?$/;
// After a quoted scalar, or a `[…]` list: spaces, and a comment after one.
const lineEnd = /^(?: +#.*)? *$/;

// The library reads keys of up to 1 024 characters; those of front matter are words.
const maxKeyLength = 200;

/**
 * Reads YAML that is a mapping of simple keys to simple scalars (see `readSimpleScalar`), to lists
 * of them written one item a line, or to lists of them on one line (`[a, "b"]`), with blank lines
 * and comments: what front matter is made of. The library's `parseDocument` takes five times as
 * long over such a mapping (issue #7). Gives what the library would give, and `undefined` for any
 * other text (or one with a key given twice, or a character no page may hold), which is then left
 * to the library and to the checks after it, so that every mistake is told as before.
 */
export function readSimpleYaml(text: string): SimpleYaml | undefined {
  if (unread.test(text) || findForbiddenCharacter(text)) return undefined;
  const lines = text.split('\n');
  const lineCounter = new LineCounter();
  for (let index = 0, offset = 0; index < lines.length; offset += lines[index]!.length + 1, index++) lineCounter.addNewLine(offset);
  const value: Record<string, unknown> = {};
  const mapping = new YAMLMap();
  for (let index = 0; index < lines.length; ) {
    if (blankOrComment.test(lines[index]!)) {
      index++;
      continue;
    }
    const entry = readEntry(lines, lineCounter.lineStarts, index);
    if (!entry || Object.hasOwn(value, entry.key)) return undefined;
    value[entry.key] = entry.value;
    mapping.items.push(new Pair(entry.keyNode, entry.valueNode));
    index = entry.next;
  }
  const first = mapping.items[0]?.key as Scalar | undefined;
  if (!first) return { value, contents: null, lineCounter };
  mapping.range = first.range!;
  return { value, contents: mapping, lineCounter };
}

interface Entry {
  key: string;
  value: unknown;
  keyNode: Scalar;
  valueNode: Scalar | YAMLSeq;
  /** The index of the line after the entry. */
  next: number;
}

/** The key and value written from line `index`, when both are simple. */
function readEntry(lines: readonly string[], starts: readonly number[], index: number): Entry | undefined {
  const line = lines[index]!;
  const start = starts[index]!;
  const found = keyLine.exec(line);
  // A key the core schema reads as other than text (`null`, `true`) would be another key to `toJS`.
  if (!found || found[1]!.length > maxKeyLength || found[1] === '__proto__' || typeof resolvePlainScalar(found[1]!) !== 'string') return undefined;
  const key = found[1]!;
  const keyNode = nodeAt(new Scalar(key), start);
  const column = found[0].length;
  if (blankOrComment.test(line.slice(column))) {
    const list = readBlockList(lines, starts, index + 1);
    if (list === undefined) return undefined;
    // With no list, the key has a null value, found where the comment or the line's end is.
    return list ? { key, keyNode, ...list } : { key, keyNode, value: null, valueNode: nodeAt(new Scalar(null), start + column), next: index + 1 };
  }
  const read = line[column] === '[' ? readFlowList(line, start, column) : readScalarNode(line, start, column, 'block');
  if (!read || !lineEnd.test(line.slice(read.end))) return undefined;
  return { key, keyNode, value: read.value, valueNode: read.node, next: index + 1 };
}

/**
 * The list written one item a line from line `from` (after blank lines and comments), when there
 * is one; `null` when there is none, and `undefined` when its items are not simple.
 */
function readBlockList(lines: readonly string[], starts: readonly number[], from: number): Omit<Entry, 'key' | 'keyNode'> | null | undefined {
  const value: unknown[] = [];
  const list = new YAMLSeq();
  let indent: number | undefined;
  let index = from;
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    if (blankOrComment.test(line)) continue;
    const item = listItem.exec(line);
    // A line indented otherwise ends the list; the mapping then refuses it unless it is a key.
    if (!item || (indent !== undefined && item[1]!.length !== indent)) break;
    if (indent === undefined) {
      indent = item[1]!.length;
      nodeAt(list, starts[index]! + indent);
    }
    const read = readScalarNode(line, starts[index]!, item[0].length, 'block');
    if (!read || !lineEnd.test(line.slice(read.end))) return undefined;
    value.push(read.value);
    list.items.push(read.node);
  }
  return indent === undefined ? null : { value, valueNode: list, next: index };
}

/** The list written on one line from `column` of `line` (which is at `start` of the text): `[a, "b"]`. */
function readFlowList(line: string, start: number, column: number): { value: unknown[]; node: YAMLSeq; end: number } | undefined {
  const value: unknown[] = [];
  const list = nodeAt(new YAMLSeq(), start + column);
  let index = skipSpaces(line, column + 1);
  if (line[index] === ']') return { value, node: list, end: index + 1 };
  for (;;) {
    const read = readScalarNode(line, start, index, 'flow');
    if (!read) return undefined;
    value.push(read.value);
    list.items.push(read.node);
    index = skipSpaces(line, read.end);
    if (line[index] === ']') return { value, node: list, end: index + 1 };
    // A comma before the `]`, or none between items, is left to the library.
    if (line[index] !== ',') return undefined;
    index = skipSpaces(line, index + 1);
    if (line[index] === ']') return undefined;
  }
}

function readScalarNode(line: string, start: number, column: number, context: 'block' | 'flow'): { value: unknown; node: Scalar; end: number } | undefined {
  const read = readSimpleScalar(line, column, context);
  return read && { value: read.value, node: nodeAt(new Scalar(read.value), start + column), end: read.end };
}

function nodeAt<Node extends Scalar | YAMLSeq>(node: Node, offset: number): Node {
  node.range = [offset, offset, offset];
  return node;
}

function skipSpaces(line: string, index: number): number {
  while (line[index] === ' ') index++;
  return index;
}
