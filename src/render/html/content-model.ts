import type { Element, ElementContent, Root } from 'hast';
import { phrasing } from 'hast-util-phrasing';

// What hast-util-phrasing and hast-util-interactive (HTML's #phrasing-content-2 and
// #interactive-content-2) do not say: where the elements that stand only in some parents may
// stand, and which elements take only phrasing content. Each line names the section of the HTML
// standard (https://html.spec.whatwg.org/#the-li-element, …) that gives the element's "Contexts in
// which this element can be used" or "Content model".

/** Where an element that HTML lets stand in a few parents only may stand. */
export interface Placement {
  /** The parents it may stand in. */
  parents: readonly string[];
  /** Where, in words, for a message: after "can stand only". */
  words: string;
}

const placements: Record<string, Placement> = {
  li: { parents: ['ul', 'ol', 'menu'], words: 'in <ul>, <ol> or <menu>' }, // #the-li-element
  dt: { parents: ['dl'], words: 'in <dl>' }, // #the-dt-element (or a <div> in a <dl>: see `isPlaced`)
  dd: { parents: ['dl'], words: 'in <dl>' }, // #the-dd-element
  figcaption: { parents: ['figure'], words: 'in <figure>, as its first or last element' }, // #the-figcaption-element
  summary: { parents: ['details'], words: 'first in <details>' }, // #the-summary-element
  rt: { parents: ['ruby'], words: 'in <ruby>' }, // #the-rt-element
  rp: { parents: ['ruby'], words: 'in <ruby>' }, // #the-rp-element
  source: { parents: ['picture', 'video', 'audio'], words: 'in <picture>, or in <video> or <audio> without a src' }, // #the-source-element, #the-video-element
  track: { parents: ['video', 'audio'], words: 'in <video> or <audio>' }, // #the-track-element
  caption: { parents: ['table'], words: 'first in <table>' }, // #the-caption-element
  thead: { parents: ['table'], words: 'in <table>' }, // #the-thead-element
  tbody: { parents: ['table'], words: 'in <table>' }, // #the-tbody-element
  tfoot: { parents: ['table'], words: 'in <table>' }, // #the-tfoot-element
  tr: { parents: ['table', 'thead', 'tbody', 'tfoot'], words: 'in <table>' }, // #the-tr-element
  td: { parents: ['tr'], words: 'in a <tr> of a <table>' }, // #the-td-element
  th: { parents: ['tr'], words: 'in a <tr> of a <table>' }, // #the-th-element
};

/** Where `name` may stand, when HTML lets it stand in a few parents only. */
export function placementOf(name: string): Placement | undefined {
  return Object.hasOwn(placements, name) ? placements[name] : undefined;
}

// Elements whose content model is "Phrasing content" though they are flow content (#the-p-element,
// #the-pre-element, #the-h1,-h2,-h3,-h4,-h5,-and-h6-elements; #the-summary-element and
// #the-legend-element take headings too). Phrasing elements that are not transparent take
// phrasing content too (or nothing, or their own parts).
const phrasingHolders = new Set(['p', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'summary', 'legend']);
const headingHolders = new Set(['summary', 'legend']);

// "Transparent" content models (#transparent-content-models): the element takes what its parent
// may hold. Autonomous custom elements are transparent too (#autonomous-custom-element), and
// have a name with a hyphen.
const transparent = new Set(['a', 'ins', 'del', 'map', 'object', 'video', 'audio', 'canvas', 'noscript', 'slot']);

/** Whether an element takes what its parent may hold (HTML's "transparent" content model). */
export function isTransparent(name: string): boolean {
  return transparent.has(name) || name.includes('-');
}

// Obsolete elements a browser shows in the line (#non-conforming-features), which only `trust` keeps: HTML allows
// them nowhere, and telling their writer they stand in the wrong place would mislead.
const obsoleteInline = new Set(['acronym', 'big', 'blink', 'font', 'nobr', 'spacer', 'strike', 'tt']);

/** Whether an element may stand among phrasing content, as far as placing it goes. */
export function isPhrasing(element: Element): boolean {
  return phrasing(element) || obsoleteInline.has(element.tagName) || element.tagName.includes('-');
}

/** Whether an element takes phrasing content only (given that it is phrasing content itself when `phrasing`). */
export function holdsPhrasing(name: string, phrasing: boolean): boolean {
  return phrasingHolders.has(name) || (phrasing && !isTransparent(name));
}

/** Whether headings may stand among an element's phrasing content (summary, legend). */
export function holdsHeadings(name: string): boolean {
  return headingHolders.has(name);
}

// Not HTML's flow or phrasing inside (SVG, MathML), text only (script, style, textarea) or a
// form control's options: nothing below them is checked.
const opaque = new Set(['svg', 'math', 'script', 'style', 'template', 'textarea', 'select', 'datalist', 'iframe']);

/** Whether the walk leaves an element's content alone. */
export function isOpaque(name: string): boolean {
  return opaque.has(name);
}

/** Whether a node is inter-element whitespace (#inter-element-whitespace) or a comment, which may stand anywhere. */
export function isBlank(node: ElementContent | undefined): boolean {
  return node !== undefined && (node.type === 'comment' || (node.type === 'text' && /^[\t\n\f\r ]*$/.test(node.value)));
}

/** The first and last children of `parent` that are not blank. */
export function endsOf(parent: Element | Root): [ElementContent | undefined, ElementContent | undefined] {
  const children = parent.children as ElementContent[];
  return [children.find((child) => !isBlank(child)), children.findLast((child) => !isBlank(child))];
}

/**
 * Whether a `<dl>` holds what HTML lets it hold (#the-dl-element): groups of one or more `<dt>` followed by
 * one or more `<dd>`, either straight inside it or each in a `<div>`.
 */
export function isWellFormedList(list: Element): boolean {
  const items = itemsOf(list);
  if (items.length > 0 && items.every((item) => item.type === 'element' && item.tagName === 'div')) return items.every((item) => isGroupOfItems(itemsOf(item as Element), true));
  return isGroupOfItems(items, false);
}

function itemsOf(parent: Element): ElementContent[] {
  return parent.children.filter((child) => !isBlank(child) && !(child.type === 'element' && (child.tagName === 'script' || child.tagName === 'template')));
}

/** Whether `items` are `<dt>`s each run followed by `<dd>`s (one group only when `single`). */
function isGroupOfItems(items: ElementContent[], single: boolean): boolean {
  let last: 'dt' | 'dd' | undefined;
  for (const item of items) {
    if (item.type !== 'element' || (item.tagName !== 'dt' && item.tagName !== 'dd')) return false;
    if (item.tagName === 'dd' ? last === undefined : single && last === 'dd') return false;
    last = item.tagName;
  }
  return single ? last === 'dd' : last !== 'dt';
}
