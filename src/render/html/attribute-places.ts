import type { Element } from 'hast';

// GitHub's list of attributes, which the sanitizer starts from, lets raw HTML keep these on any
// element; HTML gives each to a few (the HTML standard's attribute index,
// https://html.spec.whatwg.org/#attributes-3, and the obsolete ones of #non-conforming-features
// that the Nu Html Checker only warns of, as GitHub keeps them), of those raw HTML may hold.
// Global attributes (`id`, `lang`, `dir`, `title`, `tabindex`, `accesskey`, `itemprop`) are not listed.
const tableParts = ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'];
const cells = ['td', 'th'];
const places: Record<string, readonly string[]> = {
  abbr: cells,
  align: ['caption', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'p', 'table', ...tableParts],
  alt: ['img'],
  axis: cells,
  border: ['img', 'table'],
  cellPadding: ['table'],
  cellSpacing: ['table'],
  char: tableParts,
  charOff: tableParts,
  charSet: ['a'],
  checked: ['input'],
  clear: ['br'],
  colSpan: cells,
  color: ['hr'],
  compact: ['dl', 'ol', 'ul'],
  coords: ['a'],
  dateTime: ['time', 'del', 'ins'],
  frame: ['table'],
  hSpace: ['img'],
  headers: cells,
  height: ['img', 'video', 'source', 'table', ...tableParts],
  hrefLang: ['a'],
  isMap: ['img'],
  label: ['track'],
  media: ['source'],
  name: ['a', 'img'],
  noShade: ['hr'],
  noWrap: cells,
  open: ['details'],
  rev: ['a'],
  rowSpan: cells,
  rules: ['table'],
  scope: cells,
  shape: ['a'],
  size: ['hr'],
  start: ['ol'],
  summary: ['table'],
  vAlign: tableParts,
  value: ['li', 'input'],
  width: ['img', 'video', 'source', 'table', 'td', 'th', 'hr', 'pre'],
  // Those of forms, image maps and column groups, whose elements raw HTML may not hold (the one
  // `<input>` it may is a task's checkbox), are allowed nowhere.
  accept: [], acceptCharset: [], action: [], cols: [], encType: [], htmlFor: [], maxLength: [], method: [],
  multiple: [], noHref: [], prompt: [], readOnly: [], rows: [], selected: [], span: [],
};

/** Where the walk is, for the attributes HTML allows only in some places. */
export interface AttributeContext {
  /** The parent's name. */
  parent: string;
  /** Whether an `<a href>` holds the element. */
  link: boolean;
  /** Whether an element with `itemscope` holds it. */
  item: boolean;
}

/**
 * Where HTML allows attribute `property` of `element`, in words after "allows it", when it
 * does not allow it there; `undefined` when it does (or does not say).
 */
export function misplacedAttribute(element: Element, property: string, context: AttributeContext): string | undefined {
  const name = element.tagName;
  // An image map's `<map>` and `<area>` are not among them: `usemap` would lead nowhere.
  if (property === 'useMap') return 'only beside a <map>, which raw HTML may not hold';
  const owners = Object.hasOwn(places, property) ? places[property]! : undefined;
  if (owners && !owners.includes(name)) return owners.length === 0 ? 'on none of the elements raw HTML may hold' : `only on ${listed(owners)}`;
  // #the-li-element, #the-source-element, #attr-img-ismap, #attr-itemtype, #attr-itemprop.
  if (property === 'value' && name === 'li' && context.parent !== 'ol') return 'only on an <li> of an <ol>';
  if (['width', 'height', 'srcSet', 'sizes'].includes(property) && name === 'source' && context.parent !== 'picture') return 'only on a <source> of a <picture>';
  if (property === 'isMap' && !context.link) return 'only on an <img> inside a link';
  // #the-a-element: an `<a>` without `href` is a placeholder, which takes no hreflang.
  if (property === 'hrefLang' && element.properties['href'] === undefined) return 'only on an <a> with an href';
  if (property === 'itemType' && element.properties['itemScope'] !== true) return 'only beside itemscope';
  if (property === 'itemProp' && !context.item) return 'only inside an element with itemscope';
  return undefined;
}

/** `<td>`, `<th>` or `<tr>`. */
function listed(names: readonly string[]): string {
  const tags = names.map((name) => `<${name}>`);
  return tags.length === 1 ? tags[0]! : `${tags.slice(0, -1).join(', ')} or ${tags.at(-1)!}`;
}
