import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Position } from './yaml-data.js';

/**
 * How many characters the aliases of a YAML document may copy (each value and key counts one
 * besides its text). Site settings go on every page: 6 MB copied 99 times by aliases crashed the
 * build when every page's context was made JSON.
 */
export const maxExpandedSize = 4_000_000;

/**
 * How many aliases a YAML document may hold. The library's `toJS` takes quadratic time in them:
 * 10 000 take 0.7 s, 20 000 2.3 s, 40 000 8.6 s, 150 000 335 s. Of 4 384 YAML files at hand,
 * 165 have aliases, and the most any has is 92.
 */
export const maxAliases = 10_000;

/**
 * The first alias from which the aliases of `document` copy more than `limit`, and where it is
 * written; `undefined` when they copy less. The walk stops at the limit: a "billion laughs" is
 * not walked either.
 */
export function aliasBeyond(document: Document, targets: AliasTargets, limit: number): { alias: string; offset: number } | undefined {
  let copied = 0;
  let outermost: { alias: string; offset: number } | undefined;
  let depth = 0;
  // Whether the copies went past the limit in `node` (text written out counts nothing).
  const measure = (node: unknown): boolean => {
    if (isAlias(node)) {
      const target = targets.get(node);
      // An alias to nothing is reported by `toJS` after.
      if (!target) return false;
      if (depth++ === 0) outermost = { alias: node.source, offset: node.range?.[0] ?? 0 };
      const beyond = measure(target);
      depth--;
      return beyond;
    }
    if (depth > 0) {
      copied += 1 + (isScalar(node) && typeof node.value === 'string' ? node.value.length : 0);
      if (copied > limit) return true;
    }
    if (isPair(node)) return measure(node.key) || measure(node.value);
    if (isMap(node) || isSeq(node)) return node.items.some((item) => measure(item));
    return false;
  };
  return measure(document.contents) ? outermost : undefined;
}

/** The first alias that stands inside the value it names, where it is; `undefined` when none does. */
export function aliasInsideItself(document: Document, targets: AliasTargets): { alias: string; offset: number } | undefined {
  const around = new Set<unknown>();
  const find = (node: unknown): { alias: string; offset: number } | undefined => {
    if (isAlias(node)) return around.has(targets.get(node)) ? { alias: node.source, offset: node.range?.[0] ?? 0 } : undefined;
    if (isPair(node)) return find(node.key) ?? find(node.value);
    if (!isMap(node) && !isSeq(node)) return undefined;
    around.add(node);
    for (const item of node.items) {
      const found = find(item);
      if (found) return found;
    }
    around.delete(node);
    return undefined;
  };
  return find(document.contents);
}

/** The node each alias of a document names, `undefined` for none. */
export type AliasTargets = ReadonlyMap<unknown, unknown>;

/**
 * Each alias's node, found in one walk: the last node before it, in document order, with its
 * anchor, as the library's `resolve` finds it, which walks the whole document for each alias
 * (20 000 aliases in 140 KB took 50 s).
 */
export function aliasTargets(document: Document): AliasTargets {
  const anchors = new Map<string, unknown>();
  const targets = new Map<unknown, unknown>();
  visit(document, (_key, node) => {
    if (isAlias(node)) targets.set(node, anchors.get(node.source));
    else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) anchors.set(node.anchor, node);
  });
  return targets;
}

/** Where the first alias to an anchor that does not exist stands, if one does. */
export function unresolvedAlias(document: Document, toPosition: (offset: number) => Position): Position | undefined {
  let found: Position | undefined;
  visit(document, {
    Alias(_key, node) {
      if (found || node.resolve(document) !== undefined || !node.range) return;
      found = toPosition(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}
