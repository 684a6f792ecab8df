import type { Element, ElementContent } from 'hast';

// What a label may hold beside its checkbox (HTML §4.10.4: phrasing content, no other labelable
// element, no label): a task's text stops at the first element not listed, a nested list or the
// next paragraph of a loose item.
const phrasing = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr']);

function isCheckbox(node: ElementContent | undefined): boolean {
  return node?.type === 'element' && node.tagName === 'input' && node.properties['type'] === 'checkbox';
}

function isPhrasing(node: ElementContent): boolean {
  return node.type === 'text' || node.type === 'comment' || (node.type === 'element' && phrasing.has(node.tagName));
}

function isBlank(node: ElementContent | undefined): boolean {
  return node?.type === 'text' && node.value.trim() === '';
}

/**
 * Names the checkbox of a task list item (GFM `- [ ]`) by its text, as WCAG 4.1.2 asks: the
 * checkbox and the text after it go in a `<label>`, so a screen reader says the task once, with
 * the box's state. The checkbox opens the item (a tight list) or its first paragraph (a loose one).
 */
export function labelTaskCheckbox(item: Element): void {
  const first = item.children.find((child) => !isBlank(child));
  const holder = isCheckbox(item.children[0]) ? item : first?.type === 'element' && first.tagName === 'p' && isCheckbox(first.children[0]) ? first : undefined;
  if (!holder) return;
  let end = 1;
  while (end < holder.children.length && isPhrasing(holder.children[end]!)) end++;
  while (end > 1 && isBlank(holder.children[end - 1])) end--;
  if (end === 1) return;
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: holder.children.slice(0, end) };
  // The line break before a nested list stays outside: `two</label>` then the list on its line.
  const last = label.children.at(-1);
  const trailing = last?.type === 'text' ? /\s+$/.exec(last.value)?.[0] : undefined;
  if (last?.type === 'text' && trailing) last.value = last.value.slice(0, -trailing.length);
  holder.children.splice(0, end, label, ...(trailing ? [{ type: 'text' as const, value: trailing }] : []));
}
