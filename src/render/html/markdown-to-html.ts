import type { Element, Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Heading, Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { walk } from '../../parse/walk.js';
import type { SiteConfig } from '../../parse/schemas.js';
import type { Resource } from '../../compile/compiled.js';
import { markers, type Slot } from '../slots.js';
import { headingAnchorProperties } from './heading-anchor.js';
import { labelTaskCheckbox } from './task-label.js';
import { rawHtmlParsers } from '../raw-html.js';
import { placeElements, type Misplacement } from './place-elements.js';
import { headingOutline, type SkippedLevel } from './heading-levels.js';
import { checkAttributeValues, type InvalidValue, type MisplacedAttribute } from './attribute-values.js';
import { placeCalls, standInForCalls } from './footnote-calls.js';
import { handlersFor } from './markdown-handlers.js';
import { slotRawUrls } from './raw-urls.js';
import { markIssueVariant, splitVariants } from './issue-variant.js';
import { schema } from './sanitize-schema.js';
import { withLowerScheme } from '../../transform/link-target.js';
import { findRemovals, type RemovalWatch } from './raw-removals.js';
import { rawIds } from './raw-ids.js';

/** How a Markdown body is compiled to HTML: once, before links are resolved. */
export interface FragmentOptions {
  /** What raw HTML becomes (SPEC §2.1). */
  html: SiteConfig['markdown']['html'];
  /**
   * Levels added to every heading when the body is shown inside its issue's page (1 for an
   * article, 0 for the editorial); `undefined` when it never is (a page).
   */
  issueShift?: number | undefined;
  /** Told of each element of raw HTML the sanitizer removes, or keeps without some of its attributes. */
  removed?: ((removal: Removal) => void) | undefined;
  /** Told of each image of raw HTML written without an `alt` (given an empty one, so the page stays valid HTML). */
  withoutAlt?: ((line: number, column: number) => void) | undefined;
  /** Told of each element of raw HTML that stands where HTML does not let it (see {@link placeElements}). */
  misplaced?: ((misplacement: Misplacement) => void) | undefined;
  /** Told of each attribute of raw HTML whose value HTML does not allow (see {@link checkAttributeValues}). */
  invalidValue?: ((invalid: InvalidValue) => void) | undefined;
  /** Told of each attribute of raw HTML left out for standing where HTML does not allow it (see {@link checkAttributeValues}). */
  misplacedAttribute?: ((misplaced: MisplacedAttribute) => void) | undefined;
  /** Told of each heading written more than one level below the one before it (see {@link headingOutline}). */
  skippedLevel?: ((skip: SkippedLevel) => void) | undefined;
  /** Told of the level each heading of raw HTML is shown at, where it was written. */
  leveledRaw?: ((line: number, column: number, level: number) => void) | undefined;
}

/** What the sanitizer took from an element of raw HTML, where it was written. */
export interface Removal {
  line: number;
  column: number;
  /** The element's name. */
  element: string;
  /** The attributes it lost, as HTML names them; empty when the element itself was removed. */
  attributes: string[];
}

/** A body as HTML: on its own page, and inside its issue's page and the feeds. */
export interface HtmlVariants {
  /** For the body's own page; its slots are its links and images. */
  own: string;
  /** For the issue page and feeds: ids start with the id-prefix marker, every URL is a slot. */
  inIssue: string;
  /**
   * The ids the own page has: raw HTML's that the sanitizer, the repairs and the escaping of
   * `markdown.html: escape` left, and the headings'.
   */
  ids: ReadonlySet<string>;
}

/** Gives the marker of a new slot. */
export type AddSlot = (slot: Slot) => string;

/** Adds a link or image that raw HTML holds to the body's resources; gives its index. */
export type AddResource = (resource: Resource) => number;


// The footnotes heading's id, with a colon (which heading slugs never hold) as footnotes' own ids
// have (`clobberPrefix`): mdast-util-to-hast calls it `footnote-label`, the slug of a heading
// "Footnote label" in the body.
const footnoteLabelId = 'fn:footnote-label';

/**
 * Gives the footnotes heading (and the references that it describes) {@link footnoteLabelId}, and
 * finds where the tree holds raw HTML (offsets in the source): one walk for both.
 */
function renameFootnoteLabelAndFindRaw(tree: HastRoot): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  walk(tree as HastNodes, (node) => {
    if (node.type === 'raw') raw.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? Number.POSITIVE_INFINITY]);
    if (node.type !== 'element') return;
    const { properties } = node;
    const describedBy = properties['ariaDescribedBy'];
    if (properties['dataFootnoteRef'] !== undefined && Array.isArray(describedBy)) {
      properties['ariaDescribedBy'] = describedBy.map((id) => (id === 'footnote-label' ? footnoteLabelId : id));
    }
    if (properties['dataFootnotes'] === undefined) return;
    const heading = node.children.find((child) => child.type === 'element');
    if (heading?.type === 'element' && heading.properties['id'] === 'footnote-label') heading.properties['id'] = footnoteLabelId;
  });
  return raw;
}

/**
 * Writes a table cell's alignment (GFM's `:--:`) as CSS: HTML made the `align` attribute obsolete.
 * A style attribute, not a class, so feed readers, which have no stylesheet, keep it too.
 */
function alignByStyle(cell: Element): void {
  const align = cell.properties['align'];
  if (align === undefined) return;
  delete cell.properties['align'];
  if (typeof align !== 'string' || !/^(left|right|center|justify)$/i.test(align)) return;
  const style = cell.properties['style'];
  cell.properties['style'] = `${typeof style === 'string' && style.trim() !== '' ? `${style.trimEnd().replace(/;$/, '')}; ` : ''}text-align: ${align.toLowerCase()}`;
}

/**
 * Leaves each id to the first element that has it. Gives each heading the level the outline
 * allows (`level`, see {@link headingOutline}) and appends to every heading with an id (but
 * the footnotes heading, and those raw HTML put in a link: `anchorless`) a link to itself, as
 * rehype-autolink-headings's `append` does; a walk of our own costs a third of the plugin's.
 * The same walk writes table cells' alignment as CSS ({@link alignByStyle}), names task
 * lists' checkboxes ({@link labelTaskCheckbox}) and gives the links whose text is their address
 * (`bareLinks`, by their slot) the class `bare-url`, which print does not follow with the address
 * again: after the sanitizer, which keeps neither a `label` nor a link's class. It also lists
 * the `<pre>` elements in `blocks`, for {@link highlightBlocks}.
 */
function finishElements(tree: HastRoot, bareLinks: ReadonlySet<string>, anchorless: ReadonlySet<Element>, level: (heading: Element, footnotes: boolean) => void, blocks: Element[]): Set<string> {
  const ids = new Set<string>();
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    if (node.tagName === 'pre') blocks.push(node);
    // An id raw HTML repeats: the first element the sanitizer left keeps it (see `rawIds`).
    const own = node.properties['id'];
    if (typeof own === 'string' && ids.has(own)) delete node.properties['id'];
    else if (typeof own === 'string') ids.add(own);
    if (node.tagName === 'a' && bareLinks.has(String(node.properties['href']))) node.properties['className'] = ['bare-url'];
    if (node.tagName === 'td' || node.tagName === 'th') alignByStyle(node);
    if (node.tagName === 'li' && Array.isArray(node.properties['className']) && node.properties['className'].includes('task-list-item')) labelTaskCheckbox(node);
    if (!/^h[1-6]$/.test(node.tagName)) return;
    const id = node.properties['id'];
    level(node, id === footnoteLabelId);
    if (typeof id !== 'string' || id === '' || id === footnoteLabelId || anchorless.has(node)) return;
    node.children.push({ type: 'element', tagName: 'a', properties: headingAnchorProperties(id), children: [{ type: 'text', value: '#' }] });
  });
  return ids;
}

function processorFor(raw: boolean, sanitized: boolean): Processor<HastRoot, HastRoot, HastRoot> {
  const base = unified() as unknown as Processor<HastRoot, HastRoot, HastRoot>;
  if (raw) base.use(rawHtmlParsers().rehypeRaw).use(() => putCallsBack).use(() => rawIds);
  if (raw && sanitized) base.use(() => lowerSchemes).use(() => (tree: HastRoot, file: { data: object }) => findRemovals(tree, file.data as Partial<RemovalWatch>));
  if (sanitized) base.use(rehypeSanitize, schema);
  return base.freeze();
}

// The attributes whose URLs the sanitizer checks by their scheme.
const schemeChecked = Object.keys(schema.protocols ?? {});

/**
 * Writes the scheme of each URL of raw HTML that the sanitizer checks in lowercase
 * (`HTTPS://` as `https://`, `Tel:` as `tel:`), as a browser reads it: the sanitizer compares
 * schemes as written, and took out `<a href="HTTPS://…">`, which Markdown's links keep.
 */
function lowerSchemes(tree: HastRoot): void {
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    for (const key of schemeChecked) {
      const value = node.properties[key];
      if (typeof value === 'string') node.properties[key] = withLowerScheme(value);
      else if (Array.isArray(value)) node.properties[key] = value.map((item) => (typeof item === 'string' ? withLowerScheme(item) : item));
    }
  });
}

/** Puts back the footnote calls that stand-ins took the place of while raw HTML was parsed, when some did. */
function putCallsBack(tree: HastRoot, file: { data: object }): void {
  const { calls } = file.data as { calls?: Element[] };
  if (calls) placeCalls(tree, calls);
}

// Parsing raw HTML (rehype-raw, a whole HTML parser) is only worth it for bodies that have some;
// escaped raw HTML is text already. Made when first needed.
const cleaners = new Map<string, Processor<HastRoot, HastRoot, HastRoot>>();

function cleanerFor(html: FragmentOptions['html'], raw: boolean): Processor<HastRoot, HastRoot, HastRoot> {
  const key = `${html} ${raw}`;
  let cleaner = cleaners.get(key);
  if (!cleaner) cleaners.set(key, (cleaner = processorFor(raw && html !== 'escape', html !== 'trust')));
  return cleaner;
}
const noElements: ReadonlySet<Element> = new Set();
const highlighter = unified().use(rehypeHighlight, { detect: false }).freeze();
const stringifier = unified().use(rehypeStringify).freeze();

/**
 * Highlights the code of the `<pre>` elements of a body, as rehype-highlight does over a whole
 * tree (a `<code>` whose parent is a `<pre>`), but shown only each `<pre>` with its `<code>`
 * children: the rest of the body, most of it, is not walked again. The `<code>` elements are the
 * body's own, changed in place; one in a `<pre>` that highlighting an outer one took away is
 * highlighted apart, as it would not have been, and is not on the page.
 */
function highlightBlocks(blocks: readonly Element[]): void {
  const children = blocks.map((pre): Element => ({ type: 'element', tagName: 'pre', properties: {}, children: pre.children.filter((child) => child.type === 'element' && child.tagName === 'code') }));
  if (children.some((pre) => pre.children.length > 0)) highlighter.runSync({ type: 'root', children });
}

/**
 * Compiles a Markdown body to HTML fragments: raw HTML sanitized (or escaped, or trusted),
 * headings given the level the outline allows and anchor links, code highlighted at build time.
 * Links and images are slots (`resource` is the index `compileFile` put in their node's data),
 * filled for each page. Each heading of `tree` gets the depth it is shown at, for the capsule.
 */
export function toHtmlVariants(tree: Root, options: FragmentOptions, addSlot: AddSlot, addResource: AddResource): HtmlVariants {
  const bareLinks = new Set<string>();
  const headings = new Map<number, Heading>();
  const calls = new Set<Element>();
  const hast = toHast(tree, {
    allowDangerousHtml: options.html !== 'escape',
    // Footnote ids get a prefix with a colon, which heading ids (GitHub's slugs) never have.
    clobberPrefix: 'fn:',
    footnoteLabel: markers.footnotes,
    footnoteBackLabel: markers.backToReference,
    footnoteLabelTagName: 'h2',
    handlers: handlersFor(options, addSlot, { bareLinks, headings, calls }),
  }) as HastRoot;
  const rawRanges = renameFootnoteLabelAndFindRaw(hast);
  const raw = rawRanges.length > 0;
  const watch: Partial<RemovalWatch> = options.removed ? { rawRanges, removed: options.removed } : {};
  // A call in a raw `<a>` is moved out of it once the raw HTML is parsed (see footnote-calls.ts).
  const data = raw && calls.size > 0 ? { ...watch, calls: standInForCalls(calls) } : watch;
  const clean = cleanerFor(options.html, raw).runSync(hast, { data }) as HastRoot;
  // Raw HTML may stand where HTML does not let it, and Markdown's own elements in it
  // (`## Title <div>…</div>`); Markdown alone never does, so a body without raw HTML is not walked.
  const anchorless = raw ? placeElements(clean, { repair: options.html === 'sanitize', misplaced: options.misplaced }) : noElements;
  if (raw) checkAttributeValues(clean, { repair: options.html === 'sanitize', invalid: options.invalidValue, misplaced: options.misplacedAttribute });
  if (raw) slotRawUrls(clean, addSlot, addResource, options.withoutAlt);
  // After the sanitizer and `placeElements`, which decide what stays a heading.
  const blocks: Element[] = [];
  const ids = finishElements(clean, bareLinks, anchorless, headingOutline({ markdown: headings, keepRaw: options.html === 'trust', skipped: options.skippedLevel, leveledRaw: options.leveledRaw }), blocks);
  highlightBlocks(blocks);
  if (options.issueShift === undefined) return { own: String(stringifier.stringify(clean)), inIssue: '', ids };
  markIssueVariant(clean, options.issueShift, addSlot);
  return { ...splitVariants(String(stringifier.stringify(clean))), ids };
}
