import type { Element, Nodes as HastNodes, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Html } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { State } from '../state.js';
import { rawHtmlParsers } from '../../raw-html.js';
import { altOf, rawResourceOf } from '../inline.js';

/** A block of raw HTML: its tags dropped, its readable text kept (never script or style text), its links and images as links. */
export function html(node: Html, state: State): void {
  const tree = rawHtmlParsers().fromHtml(node.value, { fragment: true });
  visit(tree as HastNodes, 'element', (element: Element, index, parent) => {
    if ((element.tagName === 'script' || element.tagName === 'style') && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  const text = toString(tree as Root).trim();
  if (text !== '') for (const line of text.split(/\n\s*\n/)) state.lines.push({ type: 'text', text: line }, { type: 'blank' });
  // Its links and images that the web page keeps, found by their place in the file.
  const start = node.position?.start;
  if (!start) return;
  visit(tree as HastNodes, 'element', (element: Element) => {
    const at = element.position?.start;
    const resource = at && rawResourceOf(element, start.line + at.line - 1, at.line === 1 ? start.column + at.column - 1 : at.column, state);
    const href = resource && state.href(resource.url, resource);
    if (href === undefined || href.trim() === '') return;
    const label = (element.tagName === 'a' ? toString(element) : altOf(element)).replace(/\s+/g, ' ').trim();
    state.pending.push({ url: href, label: label || href });
  });
  state.flush();
}
