import type { Blockquote, BlockContent, DefinitionContent, List } from 'mdast';
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
      for (const link of links) state.pending.push(link);
    } else if (child.type === 'blockquote') addQuoted(child.children, state);
    else if (child.type === 'list') addQuotedList(child, state);
    else state.blocks({ type: 'root', children: [child] });
  });
}

/** A list in a quote: a `>` line an item (nested items after theirs), its links and footnotes kept as elsewhere. */
function addQuotedList(list: List, state: State): void {
  list.children.forEach((item, index) => {
    const marker = list.ordered ? `${(list.start ?? 1) + index}. ` : '- ';
    const parts: string[] = [];
    const nested: List[] = [];
    for (const part of item.children) {
      if (part.type === 'paragraph' || part.type === 'heading') {
        const { lines, links } = toInline(part.children, state);
        parts.push(lines.join(' '));
        for (const link of links) state.pending.push(link);
      } else if (part.type === 'list') nested.push(part);
      else parts.push(toString(part));
    }
    state.lines.push({ type: 'quote', text: marker + parts.join(' ') });
    for (const inner of nested) addQuotedList(inner, state);
  });
}
