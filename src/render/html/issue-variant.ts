import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { walk } from '../../parse/walk.js';
import { markers } from '../slots.js';
import type { AddSlot } from './markdown-to-html.js';

// A value that differs between a body's own page and its issue's page is written once with both:
// `\uFDD2own\uFDD3inIssue\uFDD4`. Noncharacters of the range no source text keeps (slots.ts), so
// one HTML text holds both fragments, and the body is serialized once instead of twice.
const start = '\uFDD2';
const middle = '\uFDD3';
const end = '\uFDD4';
const both = /\uFDD2([^\uFDD3]*)\uFDD3([^\uFDD4]*)\uFDD4/g;

/** `own` where the body is on its own page, `inIssue` where it is inside its issue's page. */
function either(own: string, inIssue: string): string {
  return own === inIssue ? own : `${start}${own}${middle}${inIssue}${end}`;
}

/**
 * Marks in a body's own-page hast what differs inside its issue's page, in one walk: headings
 * move down `shift` levels (to h6 at most), ids, the same-page links to them and the attributes
 * that name them (`headers`, `aria-describedby`) get the id-prefix marker, and every URL becomes
 * a slot, so feeds can resolve it against the page it comes from. The serialized tree holds both
 * fragments: {@link splitVariants} takes them apart.
 */
export function markIssueVariant(tree: HastRoot, shift: number, addSlot: AddSlot): void {
  const prefix = markers.idPrefix;
  const slotted = (url: string) => (url.startsWith('\uFDD0') ? url : addSlot({ url }));
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const level = shift === 0 ? undefined : /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = either(node.tagName, `h${Math.min(6, Number(level) + shift)}`);
    const { properties } = node;
    const id = properties['id'];
    if (typeof id === 'string') properties['id'] = either(id, prefix + id);
    for (const key of idListProperties) {
      const ids = properties[key];
      if (Array.isArray(ids)) properties[key] = ids.map((one) => either(String(one), prefix + String(one)));
    }
    for (const key of urlProperties) {
      const value = properties[key];
      if (typeof value !== 'string') continue;
      const inIssue = key === 'href' && node.tagName === 'a' && value.startsWith('#') && value.length > 1 ? `#${prefix}${value.slice(1)}` : value;
      properties[key] = either(value, slotted(inIssue));
    }
    const srcSet = properties['srcSet'];
    if (Array.isArray(srcSet)) (properties as Record<string, unknown>)['srcSet'] = srcSet.map((entry) => either(String(entry), String(entry).replace(/^\s*(\S+)/, (_m, url: string) => slotted(url))));
  });
}

/** The two fragments of the HTML of a body marked by {@link markIssueVariant}. */
export function splitVariants(html: string): { own: string; inIssue: string } {
  return { own: html.replace(both, '$1'), inIssue: html.replace(both, '$2') };
}

const urlProperties = ['href', 'src', 'cite', 'poster'];
// The attributes that name other elements by their ids, which get the prefix with them: a
// cell's `headers`, and what the sanitizer keeps of ARIA's (the footnote references', raw HTML's).
const idListProperties = ['ariaDescribedBy', 'ariaLabelledBy', 'headers'];
