import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { Position } from './yaml-data.js';

/**
 * Where the key (or, with `part` `value`, the value) at `path` was written in the YAML whose root
 * node is `contents`, as an offset turned into a position; failing that, where the nearest part of
 * `path` that was written is; `undefined` when not even the first part was.
 */
export function locateIn(
  contents: unknown,
  path: readonly PropertyKey[],
  part: 'key' | 'value',
  toPosition: (offset: number) => Position,
): Position | undefined {
  const nodes = nodesAlong(contents, path);
  for (let length = path.length; length > 0; length--) {
    const parent = nodes[length - 1];
    const last = path[length - 1];
    // An item of a list (`tags: [a, b]` as much as one per line) is found by its index.
    if (isSeq(parent)) {
      const item = parent.items[Number(last)] as { range?: [number, number, number] } | undefined;
      if (item?.range) return toPosition(item.range[0]);
      continue;
    }
    if (!isMap(parent)) continue;
    const pair = pairNamed(parent, String(last));
    if (!pair) continue;
    const node = part === 'value' && length === path.length && pair.value ? pair.value : pair.key;
    const range = (node as { range?: [number, number, number] }).range;
    if (range) return toPosition(range[0]);
  }
  const node = nodes[path.length] as { range?: [number, number, number] } | undefined;
  return node?.range ? toPosition(node.range[0]) : undefined;
}

/**
 * The nodes along `path` from the root, as far as it leads. `getIn` looks each key up among all
 * the pairs of its mapping: locating a field of each of 100 000 entries of authors.yml took 68 s.
 */
function nodesAlong(contents: unknown, path: readonly PropertyKey[]): unknown[] {
  const nodes: unknown[] = [contents];
  for (const key of path) {
    const parent = nodes.at(-1);
    const child: unknown = isSeq(parent) ? parent.items[Number(key)] : isMap(parent) ? pairNamed(parent, String(key))?.value : undefined;
    if (child === undefined || child === null) break;
    nodes.push(child);
  }
  return nodes;
}

// The pairs of each mapping by their key as text, made when one is first looked for: every field
// of some front matter is located, and looking each up among all took 100 000 of them minutes.
const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The first pair of a mapping whose key is `name` as text. */
function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && !index.has(key)) index.set(key, pair);
    }
    pairIndexes.set(map, index);
  }
  return index.get(name);
}

/**
 * The path of the value written from `offset` in the YAML whose root node is `contents`, or
 * `undefined` when none starts there: read even from YAML with a syntax error, whose nodes the
 * parser still gives, to tell which field a value that needs quotes belongs to.
 */
export function pathAt(contents: unknown, offset: number): PropertyKey[] | undefined {
  const path: PropertyKey[] = [];
  for (let node = contents; ; ) {
    if (rangeOf(node)?.[0] === offset) return path;
    if (isMap(node)) {
      const pair = node.items.find((candidate) => holds(candidate.value, offset));
      if (!pair || !isScalar(pair.key)) return undefined;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => holds(item, offset));
      if (index < 0) return undefined;
      path.push(index);
      node = node.items[index];
    } else {
      return undefined;
    }
  }
}

const rangeOf = (node: unknown): [number, number, number] | undefined => (node as { range?: [number, number, number] } | null | undefined)?.range;

/** Whether `node` was written over `offset`. */
function holds(node: unknown, offset: number): boolean {
  const range = rangeOf(node);
  return range !== undefined && range[0] <= offset && offset < range[2];
}
