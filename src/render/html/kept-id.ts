import type { Element, ElementContent } from 'hast';

/**
 * What stands for an element a repair takes out (an undated `<time>`, a misplaced `<hr>`, a
 * second `<caption>`): its `children`, in a `<span>` with its id when it has one, since link
 * checking counted that id as a target (`htmlIds` in src/parse/markdown.ts) before the repair.
 * A `<span>` may stand wherever phrasing content may, which is where these repairs leave it.
 */
export function keepingId(element: Element, children: ElementContent[]): ElementContent[] {
  const id = element.properties['id'];
  if (typeof id !== 'string') return children;
  const span: Element = { type: 'element', tagName: 'span', properties: { id }, children };
  if (element.position) span.position = element.position;
  return [span];
}
