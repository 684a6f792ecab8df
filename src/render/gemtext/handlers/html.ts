import type { Html } from 'mdast';
import type { State } from '../state.js';
import { rawHtmlParsers } from '../../raw-html.js';
import { rawHtmlToMdast } from '../raw-html-to-mdast.js';

/**
 * A block of raw HTML, laid out as its Markdown twin would be (paragraphs, `* ` items, headings,
 * quotes, preformatted text, tables; `<br>` breaks the line), its tags dropped and its readable
 * text kept (never script or style text), its links and images that the web page keeps as links.
 */
export function html(node: Html, state: State): void {
  const tree = rawHtmlParsers().fromHtml(node.value, { fragment: true });
  const { root, unplaced } = rawHtmlToMdast(tree, node.position?.start, state);
  state.blocks(root);
  for (const link of unplaced) state.pending.push(link);
  state.flush();
}
