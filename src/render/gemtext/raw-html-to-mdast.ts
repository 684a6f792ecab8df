import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, Code, Heading, Image, Link, List, ListItem, PhrasingContent, Root, Table, TableRow, Text } from 'mdast';
import type { Point } from 'unist';
import { altOf, rawResourceOf } from './inline.js';
import { isMedia, mediaFiles, toMediaImage, type MediaFile } from './raw-media.js';
import type { PendingLink, State } from './state.js';

/** A block of raw HTML as Markdown would have written it, and the links it holds where Markdown has no room for one. */
export interface RawHtmlTree {
  root: Root;
  /** Links and images inside preformatted text, which can only follow it as `=>` lines. */
  unplaced: PendingLink[];
}

interface Context {
  state: State;
  /** Where the block starts in its file, which finds its links among the body's resources. */
  start: Point | undefined;
  unplaced: PendingLink[];
}

// What a browser lays out as blocks (display: block, list-item or a table's), each on lines of its own.
const blockNames = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'xmp',
]);
// Never shown: the web page's sanitizer strips script and style with their text; a template's content is not its children.
const hiddenNames = new Set(['script', 'style', 'template']);
const listNames = new Set(['ul', 'ol', 'menu', 'dir', 'li']);

/**
 * Turns a block of raw HTML into the Markdown tree that would show the same, so the Markdown
 * handlers lay it out: paragraphs, list items, headings, quotes, preformatted text, tables and a
 * rule as theirs, any other block (`div`, `dt`, `dd`, `summary`) as a paragraph, `<br>` as a hard
 * break, whitespace collapsed as a browser does. Only the links and images that the web page keeps
 * (`state.rawResource`) stay links; the others keep their text or alt text.
 */
export function rawHtmlToMdast(tree: HastRoot, start: Point | undefined, state: State): RawHtmlTree {
  const context: Context = { state, start, unplaced: [] };
  return { root: { type: 'root', children: toFlow(tree.children.filter(isContent), context) }, unplaced: context.unplaced };
}

function toFlow(nodes: readonly ElementContent[], context: Context): BlockContent[] {
  const flow: BlockContent[] = [];
  let run: PhrasingContent[] = [];
  const close = () => {
    if (run.some(isVisible)) flow.push({ type: 'paragraph', children: run });
    run = [];
  };
  const add = (node: ElementContent): void => {
    if (node.type === 'text') run.push(textOf(node.value));
    if (node.type !== 'element' || hiddenNames.has(node.tagName)) return;
    if (blockNames.has(node.tagName)) {
      close();
      // One at a time: a spread of a block of 150 000 paragraphs would overflow the stack.
      for (const block of toBlocks(node, context)) flow.push(block);
    } else if (hasBlock(node)) {
      // An inline element around blocks (a link around a card): its blocks in place, then its link on its own.
      node.children.forEach(add);
      close();
      const resource = resourceOf(node, context);
      if (resource?.type === 'link') flow.push({ type: 'paragraph', children: [{ ...resource, children: [textOf(labelOf(node.children))] }] });
      // Audio or video whose fallback is blocks: its files' lines after them.
      const files = filesOf(node, context).map(toMediaImage);
      if (files.length > 0) flow.push({ type: 'paragraph', children: files });
    } else for (const phrasing of toPhrasing([node], context)) run.push(phrasing);
  };
  nodes.forEach(add);
  close();
  return flow;
}

function toBlocks(element: Element, context: Context): BlockContent[] {
  const { tagName, children } = element;
  if (listNames.has(tagName)) return [toList(element, context)];
  if (tagName === 'pre') return [toCode(element, context)];
  if (tagName === 'table') return toTable(element, context);
  if (tagName === 'hr') return [{ type: 'thematicBreak' }];
  if (tagName === 'blockquote') return [{ type: 'blockquote', children: toFlow(children, context) }];
  if (/^h[1-6]$/.test(tagName)) {
    const phrasing = toPhrasing(children, context);
    const place = placeOf(element, context);
    const depth = (place && context.state.rawHeadingLevel(place.line, place.column)) ?? Number(tagName[1]);
    return phrasing.some(isVisible) ? [{ type: 'heading', depth: depth as Heading['depth'], children: phrasing }] : [];
  }
  return toFlow(children, context);
}

function toPhrasing(nodes: readonly ElementContent[], context: Context): PhrasingContent[] {
  return nodes.flatMap((node): PhrasingContent[] => {
    if (node.type === 'text') return [textOf(node.value)];
    if (node.type !== 'element' || hiddenNames.has(node.tagName)) return [];
    if (node.tagName === 'br') return [{ type: 'break' }];
    const resource = resourceOf(node, context);
    if (node.tagName === 'img') return [resource?.type === 'image' ? { ...resource, alt: altOf(node) } : textOf(altOf(node))];
    const children = toPhrasing(node.children, context);
    if (isMedia(node)) return [...children, ...filesOf(node, context).map(toMediaImage)];
    // A block inside a heading or a table cell: its text set apart.
    if (blockNames.has(node.tagName)) return [textOf(' '), ...children, textOf(' ')];
    return resource?.type === 'link' ? [{ ...resource, children }] : children;
  });
}

/** A list, or an item outside one; what stands between items belongs to the item before. */
function toList(element: Element, context: Context): List {
  const items: ListItem[] = [];
  for (const child of element.tagName === 'li' ? [element] : element.children) {
    const item = child.type === 'element' && child.tagName === 'li';
    const flow = toFlow(item ? child.children : [child], context);
    if (item || (items.length === 0 && flow.length > 0)) items.push({ type: 'listItem', spread: false, children: [] });
    const last = items.at(-1);
    if (last) for (const block of flow) last.children.push(block);
  }
  const start = element.properties['start'];
  return { type: 'list', ordered: element.tagName === 'ol', start: typeof start === 'number' ? start : 1, spread: false, children: items };
}

/** Preformatted text as a code block, `<code class="language-…">` giving its language as Markdown's fence does. */
function toCode(element: Element, context: Context): Code {
  for (const node of descendants(element)) {
    for (const { resource, label } of filesOf(node, context)) {
      const href = context.state.href(resource.url, resource, 'image');
      if (href !== undefined && href.trim() !== '') context.unplaced.push({ url: href, label: label || href, image: true });
    }
    const resource = resourceOf(node, context);
    const href = resource && context.state.href(resource.url, resource, resource.type);
    if (href === undefined || href.trim() === '') continue;
    const label = node.tagName === 'a' ? labelOf(node.children) : altOf(node).replace(/\s+/g, ' ').trim();
    context.unplaced.push({ url: href, label: label || href, image: node.tagName === 'img' });
  }
  const code = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'code');
  const classes = code?.properties['className'];
  const language = Array.isArray(classes) ? classes.map(String).find((name) => name.startsWith('language-')) : undefined;
  return { type: 'code', lang: language?.slice('language-'.length) ?? null, value: preformatted(element.children).replace(/\n$/, '') };
}

/** A table, its caption above it; every row gets as many cells as the widest, as a browser shows them all. */
function toTable(element: Element, context: Context): BlockContent[] {
  const caption = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
  const rows: TableRow[] = rowsOf(element).map((row) => ({
    type: 'tableRow',
    children: row.children.filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')).map((cell) => ({ type: 'tableCell', children: toPhrasing(cell.children, context) })),
  }));
  const columns = rows.reduce((most, row) => Math.max(most, row.children.length), 0);
  for (const row of rows) while (row.children.length < columns) row.children.push({ type: 'tableCell', children: [] });
  const table: Table = { type: 'table', align: [], children: rows };
  return [...(caption ? toFlow(caption.children, context) : []), ...(columns > 0 ? [table] : [])];
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((child) => {
    if (child.type !== 'element') return [];
    if (child.tagName === 'tr') return [child];
    return child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot' ? rowsOf(child) : [];
  });
}

/** The link or image that the web page keeps for this element, found by its place in the file. */
function resourceOf(element: Element, context: Context): Link | Image | undefined {
  const place = placeOf(element, context);
  return place && rawResourceOf(element, place.line, place.column, context.state);
}

/** The files of an `<audio>` or `<video>` that the web page keeps (none for another element), its fallback text their label. */
function filesOf(element: Element, context: Context): MediaFile[] {
  const place = isMedia(element) ? placeOf(element, context) : undefined;
  if (!place) return [];
  const children = element.children.flatMap((child) => {
    const at = child.type === 'element' ? placeOf(child, context) : undefined;
    return child.type === 'element' && at ? [{ element: child, ...at }] : [];
  });
  return mediaFiles({ element, ...place }, children, labelOf(element.children), context.state);
}

/** Where an element of the block was written in the file. */
function placeOf(element: Element, context: Context): { line: number; column: number } | undefined {
  const { start } = context;
  const at = element.position?.start;
  if (!start || !at) return undefined;
  return { line: start.line + at.line - 1, column: at.line === 1 ? start.column + at.column - 1 : at.column };
}

function hasBlock(element: Element): boolean {
  return element.children.some((child) => child.type === 'element' && !hiddenNames.has(child.tagName) && (blockNames.has(child.tagName) || hasBlock(child)));
}

function* descendants(element: Element): Generator<Element> {
  for (const child of element.children) {
    if (child.type !== 'element' || hiddenNames.has(child.tagName)) continue;
    yield child;
    yield* descendants(child);
  }
}

/** The text of preformatted content as it shows: whitespace kept, `<br>` a line break, an image its alt text. */
function preformatted(nodes: readonly ElementContent[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.value;
      if (node.type !== 'element' || hiddenNames.has(node.tagName)) return '';
      return node.tagName === 'br' ? '\n' : node.tagName === 'img' ? altOf(node) : preformatted(node.children);
    })
    .join('');
}

/** The text of a link's content on one line, for its label: its blocks and line breaks set apart. */
function labelOf(nodes: readonly ElementContent[]): string {
  return shownText(nodes).replace(/\s+/g, ' ').trim();
}

function shownText(nodes: readonly ElementContent[]): string {
  const text = (node: ElementContent): string => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element' || hiddenNames.has(node.tagName)) return '';
    if (node.tagName === 'img') return altOf(node);
    return node.tagName === 'br' || blockNames.has(node.tagName) ? ` ${shownText(node.children)} ` : shownText(node.children);
  };
  return nodes.map(text).join('');
}

/** Text with HTML's whitespace collapsed to single spaces, as a browser shows it. */
function textOf(value: string): Text {
  return { type: 'text', value: value.replace(/[ \t\n\f\r]+/g, ' ') };
}

function isVisible(node: PhrasingContent): boolean {
  return node.type === 'text' ? node.value.trim() !== '' : node.type !== 'break';
}

function isContent(node: HastRoot['children'][number]): node is ElementContent {
  return node.type === 'element' || node.type === 'text' || node.type === 'comment';
}
