import type { Element, Nodes as HastNodes, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Html } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { State } from '../state.js';
import { rawHtmlParsers } from '../../raw-html.js';

/** A block of raw HTML: its tags dropped, its readable text kept (never script or style text). */
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
  if (text === '') return;
  for (const line of text.split(/\n\s*\n/)) state.lines.push({ type: 'text', text: line }, { type: 'blank' });
}
