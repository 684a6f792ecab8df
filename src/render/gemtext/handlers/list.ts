import type { List, ListItem } from 'mdast';
import { toInline } from '../inline.js';
import type { State } from '../state.js';

/** A list, nested ones flattened, as `* ` lines; ordered items keep their number as text. */
export function list(node: List, state: State): void {
  addItems(node, state);
  state.lines.push({ type: 'blank' });
  state.flush();
}

function addItems(node: List, state: State): void {
  node.children.forEach((item, index) => addItem(item, node.ordered ? `${(node.start ?? 1) + index}. ` : '', state));
}

function addItem(item: ListItem, number: string, state: State): void {
  const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
  let first = true;
  // The item's line while its paragraphs follow each other: a second paragraph goes on the same
  // line, since another `*` line would read as another item.
  let open: { type: 'list'; text: string } | undefined;
  for (const child of item.children) {
    if (child.type === 'paragraph' || child.type === 'heading') {
      const { lines, links } = toInline(child.children, state);
      const text = lines.join(' ');
      if (open) open.text += ` ${text}`;
      else state.lines.push((open = { type: 'list', text: (first ? number + task : '') + text }));
      for (const link of links) state.pending.push(link);
    } else {
      open = undefined;
      if (child.type === 'list') addItems(child, state);
      else {
        // An item that starts with a quote or code still shows its marker, on a line of its own.
        if (first) state.lines.push({ type: 'list', text: (number + task).trim() || '-' });
        state.blocks({ type: 'root', children: [child] });
      }
    }
    first = false;
  }
}
