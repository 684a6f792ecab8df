import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { sanitize } from 'hast-util-sanitize';
import { walk } from '../../parse/walk.js';
import { schema } from './sanitize-schema.js';
import { attributeName } from './attribute-name.js';
import type { Removal } from './markdown-to-html.js';

/** Where raw HTML was written, and who is told what the sanitizer takes from it. */
export interface RemovalWatch {
  rawRanges: ReadonlyArray<[number, number]>;
  removed: (removal: Removal) => void;
}

// Elements whose keeping depends on where they stand (a `tr` outside a table) are judged alone
// without that rule: only their attributes are in question.
const alone: SanitizeSchema = { ...schema, ancestors: {} };

/**
 * Tells, before the sanitizer runs, what it will take from each element of raw HTML (not those
 * Markdown made), so a contributor whose embed or styling vanishes learns why: each element is
 * sanitized alone, with the same schema, and compared with what was written.
 */
export function findRemovals(tree: HastRoot, watch: Partial<RemovalWatch>): void {
  const { rawRanges, removed } = watch;
  if (!rawRanges || !removed) return;
  const isRaw = insideRanges(rawRanges);
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const start = node.position?.start;
    if (start?.offset === undefined || !isRaw(start.offset)) return;
    const left = sanitize({ type: 'element', tagName: node.tagName, properties: node.properties, children: [] }, alone);
    const kept = left.type === 'element' ? left : left.type === 'root' && left.children[0]?.type === 'element' ? left.children[0] : undefined;
    const lost = kept ? Object.keys(node.properties).filter((key) => !(key in kept.properties)) : [];
    if (!kept || lost.length > 0) removed({ line: start.line, column: start.column, element: node.tagName, attributes: lost.map(attributeName) });
  });
}

/**
 * Whether an offset is inside one of the ranges (`from` included, `to` not), found by halving: a
 * line of 16 000 raw links was 16 000 ranges looked through for each of 16 000 elements.
 */
function insideRanges(ranges: ReadonlyArray<[number, number]>): (offset: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  // The furthest end among the ranges that start at or before each one.
  const reach: number[] = [];
  for (const [index, [, to]] of sorted.entries()) reach.push(Math.max(to, reach[index - 1] ?? Number.NEGATIVE_INFINITY));
  return (offset) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]![0] <= offset) low = middle + 1;
      else high = middle;
    }
    return low > 0 && reach[low - 1]! > offset;
  };
}
