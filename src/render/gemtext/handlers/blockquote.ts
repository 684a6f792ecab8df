import type { Blockquote, BlockContent, DefinitionContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { toInline } from '../inline.js';
import type { State } from '../state.js';

/** A quote as `>` lines, a blank line between its paragraphs; nested quotes are flattened. */
export function blockquote(node: Blockquote, state: State): void {
  addQuoted(node.children, state);
  state.lines.push({ type: 'blank' });
  state.flush();
}

function addQuoted(children: ReadonlyArray<BlockContent | DefinitionContent>, state: State): void {
  children.forEach((child, index) => {
    if (index > 0) state.lines.push({ type: 'blank' });
    if (child.type === 'paragraph' || child.type === 'heading') {
      const { lines, links } = toInline(child.children, state);
      for (const text of lines) state.lines.push({ type: 'quote', text });
      state.pending.push(...links);
    } else if (child.type === 'blockquote') addQuoted(child.children, state);
    else if (child.type === 'list') for (const item of child.children) state.lines.push({ type: 'quote', text: `- ${toString(item)}` });
    else state.blocks({ type: 'root', children: [child] });
  });
}
