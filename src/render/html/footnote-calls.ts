import type { Element, ElementContent, Nodes, Root } from 'hast';

// A footnote call is a link (`<sup><a href="#fn:fn-1">1</a></sup>`), and HTML lets no link stand
// inside a link or a button (#the-a-element, #the-button-element: no interactive content and no
// `a` descendant). A call written in a link's text (`[a claim[^1]](https://…)`) made one, which the
// Nu Html Checker rejects and a browser's parser breaks apart: the link ends at the call, and the
// rest of its text is no longer linked. So the call goes right after the link that holds it, where
// a reader still sees it and can follow it to the note.

type Parent = Root | Element;

/** Whether HTML lets no link stand inside an element of this name. */
function isLink(element: Element): boolean {
  return element.tagName === 'a' || element.tagName === 'button';
}

/**
 * Puts each call (an element `callOf` gives one for) right after the outermost link (`a` or
 * `button`) that holds it, calls of one link in the order they were written; a call held by no
 * link stays where it is. Goes through the tree without recursion, since raw HTML may nest deep,
 * and into templates' content.
 */
function liftCalls(tree: Parent, callOf: (element: Element) => Element | undefined): void {
  const lifted = new Map<Element, { parent: Parent; calls: Element[] }>();
  const frames: Array<{ parent: Parent; index: number; link?: { element: Element; parent: Parent } }> = [{ parent: tree, index: 0 }];
  while (frames.length > 0) {
    const frame = frames.at(-1)!;
    const children = frame.parent.children as Nodes[];
    const child = children[frame.index];
    if (child === undefined) {
      frames.pop();
      continue;
    }
    const call = child.type === 'element' ? callOf(child) : undefined;
    if (call && frame.link) {
      const { element, parent } = frame.link;
      const entry = lifted.get(element) ?? { parent, calls: [] };
      lifted.set(element, entry);
      entry.calls.push(call);
      children.splice(frame.index, 1);
      continue;
    }
    frame.index++;
    if (call) children[frame.index - 1] = call;
    if (call || child.type !== 'element') continue;
    const link = frame.link ?? (isLink(child) ? { element: child, parent: frame.parent } : undefined);
    frames.push({ parent: child, index: 0, ...(link ? { link } : {}) });
    if (child.content) frames.push({ parent: child.content, index: 0 });
  }
  for (const [link, { parent, calls }] of lifted) {
    const children = parent.children as Nodes[];
    children.splice(children.indexOf(link) + 1, 0, ...calls);
  }
}

/**
 * A link made from Markdown followed by the footnote calls its text held (`calls`: every call
 * of the body, as made), taken out of it.
 */
export function withCallsAfter(link: Element, calls: ReadonlySet<Element>): ElementContent[] {
  const holder: Root = { type: 'root', children: [link] };
  liftCalls(holder, (element) => (calls.has(element) ? element : undefined));
  return holder.children as ElementContent[];
}

// The attribute that marks a call's stand-in by its index in the body's calls. Its value begins
// with a noncharacter, which no source text keeps, written or as a character reference of raw
// HTML (`compileFile` replaces both), so raw HTML can not forge one.
const standInKey = 'dataFootnoteCall';
const standInMark = '\uFDD0call ';

/**
 * Before raw HTML is parsed: makes each of `calls` (`<sup><a …>1</a></sup>`) a stand-in without
 * its link (`<sup>1</sup>`), which the parser of raw HTML leaves in a link of raw HTML
 * (`<a href="…">a claim[^1]</a>`), where a link would have made it end that link before the call.
 * Gives the calls as they were, for {@link placeCalls} to put back.
 */
export function standInForCalls(calls: ReadonlySet<Element>): Element[] {
  return [...calls].map((sup, index) => {
    const call: Element = { ...sup };
    sup.properties = { [standInKey]: `${standInMark}${index}` };
    sup.children = sup.children.flatMap((child) => (child.type === 'element' ? child.children : [child]));
    return call;
  });
}

/**
 * After raw HTML is parsed: puts back each call that {@link standInForCalls} stood in for
 * (`calls`), right after the outermost link that holds it.
 */
export function placeCalls(tree: Root, calls: readonly Element[]): void {
  liftCalls(tree, (element) => {
    const mark = element.properties[standInKey];
    return typeof mark === 'string' && mark.startsWith(standInMark) ? calls[Number(mark.slice(standInMark.length))] : undefined;
  });
}
