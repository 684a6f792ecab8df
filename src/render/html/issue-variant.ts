import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { walk } from '../../parse/walk.js';
import { markers } from '../slots.js';
import type { AddSlot } from './markdown-to-html.js';

/**
 * Turns a body's own-page hast into the one shown inside its issue's page, in one walk: headings
 * move down `shift` levels (to h6 at most), ids, the same-page links to them and the attributes
 * that name them (`headers`, `aria-describedby`) get the id-prefix marker, and every URL becomes
 * a slot, so feeds can resolve it against the page it comes from.
 */
export function toIssueVariant(tree: HastRoot, shift: number, addSlot: AddSlot): void {
  const prefix = markers.idPrefix;
  const slotted = (url: string) => (url.startsWith('\uFDD0') ? url : addSlot({ url }));
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const level = shift === 0 ? undefined : /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(6, Number(level) + shift)}`;
    const { properties } = node;
    if (typeof properties['id'] === 'string') properties['id'] = prefix + properties['id'];
    const href = properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) properties['href'] = `#${prefix}${href.slice(1)}`;
    for (const key of idListProperties) {
      const ids = properties[key];
      if (Array.isArray(ids)) properties[key] = ids.map((id) => prefix + String(id));
    }
    for (const key of urlProperties) {
      const value = properties[key];
      if (typeof value === 'string') properties[key] = slotted(value);
    }
    const srcSet = properties['srcSet'];
    if (Array.isArray(srcSet)) (properties as Record<string, unknown>)['srcSet'] = srcSet.map((entry) => String(entry).replace(/^\s*(\S+)/, (_m, url: string) => slotted(url)));
  });
}

const urlProperties = ['href', 'src', 'cite', 'poster'];
// The attributes that name other elements by their ids, which get the prefix with them: a
// cell's `headers`, and what the sanitizer keeps of ARIA's (the footnote references', raw HTML's).
const idListProperties = ['ariaDescribedBy', 'ariaLabelledBy', 'headers'];
