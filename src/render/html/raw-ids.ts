import type { Root as HastRoot, Nodes as HastNodes } from 'hast';
import { walk } from '../../parse/walk.js';
import { isNamedAnchor } from '../../parse/markdown.js';

/**
 * Makes raw HTML's targets what `htmlIds` (src/parse/markdown.ts) told link checking they are:
 * `<a name="top">` becomes `<a id="top">` (HTML made `name` obsolete, and the sanitizer would
 * prefix it, so `#top` would lead nowhere), and an id that begins with `_`, kept for the theme's
 * own (`_main`, the skip link's target), is dropped, as a heading never gets one.
 */
export function rawIds(tree: HastRoot): void {
  // HTML wants an id once a page: a heading, which the sanitizer keeps, keeps its own (`## Opening`
  // and `<a id="opening">` gave two); of other elements, the first the sanitizer leaves keeps it
  // (`finishElements`), so `#opening` leads where link checking said it does.
  const headings = new Map<string, HastNodes>();
  walk(tree as HastNodes, (node) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && typeof node.properties['id'] === 'string' && !headings.has(node.properties['id'])) headings.set(node.properties['id'], node);
  });
  const ids = new Set<string>();
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const { properties } = node;
    const id = properties['id'];
    if (typeof id === 'string' && (id.startsWith('_') || (headings.has(id) && headings.get(id) !== node))) delete properties['id'];
    else if (typeof id === 'string') ids.add(id);
  });
  // Only a name that makes a valid id no other element has (HTML wants ids unique and without
  // spaces); another name is no target, and HTML takes none with a space: it goes.
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element' || node.tagName !== 'a') return;
    const { properties } = node;
    const name = properties['name'];
    if (typeof name === 'string' && (!isNamedAnchor(name) || properties['id'] !== undefined || ids.has(name))) {
      if (/\s/.test(name) || name === '') delete properties['name'];
      return;
    }
    if (typeof name !== 'string') return;
    properties['id'] = name;
    delete properties['name'];
    ids.add(name);
  });
}
