import type { Paragraph } from 'mdast';
import { toInline } from '../inline.js';
import type { State } from '../state.js';

/** A paragraph on one line (a hard break starts another); a paragraph that is only a link is a `=>` line. */
export function paragraph(node: Paragraph, state: State): void {
  const { lines, links } = toInline(node.children, state);
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const only = meaningful.length === 1 ? meaningful[0]!.type : undefined;
  if (links.length === 1 && (only === 'link' || only === 'image' || only === 'linkReference' || only === 'imageReference')) {
    state.lines.push({ type: 'link', url: links[0]!.url, label: links[0]!.label === links[0]!.url ? '' : links[0]!.label, alone: true }, { type: 'blank' });
    return;
  }
  for (const text of lines) if (text !== '') state.lines.push({ type: 'text', text });
  state.lines.push({ type: 'blank' });
  for (const link of links) state.pending.push(link);
  state.flush();
}
