import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Code, FootnoteReference, Heading, Html, Image, ImageReference, Link, LinkReference, Parents, Root } from 'mdast';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import { toString as textOf } from 'mdast-util-to-string';
import rehypeHighlight from 'rehype-highlight';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { sanitize } from 'hast-util-sanitize';
import rehypeStringify from 'rehype-stringify';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { unified, type Processor } from 'unified';
import { walk } from '../../parse/walk.js';
import { isNamedAnchor } from '../../parse/markdown.js';
import type { SiteConfig } from '../../parse/schemas.js';
import { isUnsafeUrl } from '../../transform/link-target.js';
import type { Resource } from '../../compile/compiled.js';
import { markers, type Slot } from '../slots.js';
import { headingAnchorProperties } from './heading-anchor.js';
import { labelTaskCheckbox } from './task-label.js';
import { rawHtmlParsers } from '../raw-html.js';
import { placeElements, type Misplacement } from './place-elements.js';
import { headingOutline, type SkippedLevel } from './heading-levels.js';
import { checkAttributeValues, type InvalidValue, type MisplacedAttribute } from './attribute-values.js';
import { placeCalls, standInForCalls, withCallsAfter } from './footnote-calls.js';

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

// Markdown-made ids (headings, footnotes) must survive, so `id` is not clobbered: built pages
// carry no script that an id could hijack. `gemini:` links are as safe as `https:` ones.
// The footnotes heading keeps its `sr-only` class at every level it is shifted to.
const srOnly = [['className', 'sr-only']] as Array<[string, string]>;
// GitHub's list keeps `strike` and `tt`, which HTML made obsolete (#non-conforming-features: the Nu
// Html Checker rejects a page that has them): taken out, their text kept, as other elements are.
const obsolete = new Set(['strike', 'tt']);
// Beyond GitHub's list: what a magazine's articles use (figures with captions, marked text,
// abbreviations, dates, video and audio with their captions, pictures for every screen), none of
// which can run code; `autoplay` is left out, for readers' sake.
const web = ['http', 'https'];
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: ['name'],
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []).filter((name) => !obsolete.has(name)), 'abbr', 'audio', 'bdi', 'caption', 'cite', 'figcaption', 'figure', 'mark', 'small', 'time', 'track', 'video', 'wbr'],
  attributes: {
    ...defaultSchema.attributes,
    h3: srOnly,
    h4: srOnly,
    h5: srOnly,
    h6: srOnly,
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'srcSet', 'sizes', 'loading', 'decoding'],
    source: [...(defaultSchema.attributes?.['source'] ?? []), 'src', 'type', 'sizes'],
    video: ['src', 'poster', 'controls', 'loop', 'muted', 'playsInline', 'preload'],
    audio: ['src', 'controls', 'loop', 'muted', 'preload'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
  },
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.['href'] ?? []), 'gemini'], poster: web, srcSet: web },
};

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
 * again: after the sanitizer, which keeps neither a `label` nor a link's class.
 */
function finishElements(tree: HastRoot, bareLinks: ReadonlySet<string>, anchorless: ReadonlySet<Element>, level: (heading: Element, footnotes: boolean) => void): Set<string> {
  const ids = new Set<string>();
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
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
  if (raw && sanitized) base.use(() => (tree: HastRoot, file: { data: object }) => findRemovals(tree, file.data as Partial<RemovalWatch>));
  if (sanitized) base.use(rehypeSanitize, schema);
  return base.freeze();
}

/** Puts back the footnote calls that stand-ins took the place of while raw HTML was parsed, when some did. */
function putCallsBack(tree: HastRoot, file: { data: object }): void {
  const { calls } = file.data as { calls?: Element[] };
  if (calls) placeCalls(tree, calls);
}

/** Where raw HTML was written, and who is told what the sanitizer takes from it. */
interface RemovalWatch {
  rawRanges: ReadonlyArray<[number, number]>;
  removed: (removal: Removal) => void;
}

// Elements whose keeping depends on where they stand (a `tr` outside a table) are judged alone
// without that rule: only their attributes are in question.
const alone: SanitizeSchema = { ...schema, ancestors: {} };

/**
 * Tells, before the sanitizer runs, what it will take from each element of raw HTML (not those
 * Markdown made), so a contributor whose embed or styling vanishes learns why: each element is
 * sanitized alone, with the same schema, and compared with what was written.
 */
function findRemovals(tree: HastRoot, watch: Partial<RemovalWatch>): void {
  const { rawRanges, removed } = watch;
  if (!rawRanges || !removed) return;
  const isRaw = insideRanges(rawRanges);
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const start = node.position?.start;
    if (start?.offset === undefined || !isRaw(start.offset)) return;
    const left = sanitize({ type: 'element', tagName: node.tagName, properties: node.properties, children: [] }, alone);
    const kept = left.type === 'element' ? left : left.type === 'root' && left.children[0]?.type === 'element' ? left.children[0] : undefined;
    const lost = kept ? Object.keys(node.properties).filter((key) => !(key in kept.properties)) : [];
    if (!kept || lost.length > 0) removed({ line: start.line, column: start.column, element: node.tagName, attributes: lost.map(attributeName) });
  });
}

/**
 * Whether an offset is inside one of the ranges (`from` included, `to` not), found by halving: a
 * line of 16 000 raw links was 16 000 ranges looked through for each of 16 000 elements.
 */
function insideRanges(ranges: ReadonlyArray<[number, number]>): (offset: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  // The furthest end among the ranges that start at or before each one.
  const reach: number[] = [];
  for (const [index, [, to]] of sorted.entries()) reach.push(Math.max(to, reach[index - 1] ?? Number.NEGATIVE_INFINITY));
  return (offset) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle]![0] <= offset) low = middle + 1;
      else high = middle;
    }
    return low > 0 && reach[low - 1]! > offset;
  };
}

/**
 * The HTML name of a hast property: `className` is `class`, `ariaLabelledBy` is `aria-labelledby`
 * (ARIA's names are one word after `aria-`), `dataNoteId` is `data-note-id`.
 */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^aria[A-Z]/.test(property)) return `aria-${property.slice('aria'.length).toLowerCase()}`;
  if (/^data[A-Z]/.test(property)) return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return property.toLowerCase();
}

/**
 * Makes raw HTML's targets what `htmlIds` (src/parse/markdown.ts) told link checking they are:
 * `<a name="top">` becomes `<a id="top">` (HTML made `name` obsolete, and the sanitizer would
 * prefix it, so `#top` would lead nowhere), and an id that begins with `_`, kept for the theme's
 * own (`_main`, the skip link's target), is dropped, as a heading never gets one.
 */
function rawIds(tree: HastRoot): void {
  // HTML wants an id once a page: a heading, which the sanitizer keeps, keeps its own (`## Opening`
  // and `<a id="opening">` gave two); of other elements, the first the sanitizer leaves keeps it
  // (`finishElements`), so `#opening` leads where link checking said it does.
  const headings = new Map<string, HastNodes>();
  walk(tree as HastNodes, (node) => {
    if (node.type === 'element' && /^h[1-6]$/.test(node.tagName) && typeof node.properties['id'] === 'string' && !headings.has(node.properties['id'])) headings.set(node.properties['id'], node);
  });
  const ids = new Set<string>();
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const { properties } = node;
    const id = properties['id'];
    if (typeof id === 'string' && (id.startsWith('_') || (headings.has(id) && headings.get(id) !== node))) delete properties['id'];
    else if (typeof id === 'string') ids.add(id);
  });
  // Only a name that makes a valid id no other element has (HTML wants ids unique and without
  // spaces); another name is no target, and HTML takes none with a space: it goes.
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element' || node.tagName !== 'a') return;
    const { properties } = node;
    const name = properties['name'];
    if (typeof name === 'string' && (!isNamedAnchor(name) || properties['id'] !== undefined || ids.has(name))) {
      if (/\s/.test(name) || name === '') delete properties['name'];
      return;
    }
    if (typeof name !== 'string') return;
    properties['id'] = name;
    delete properties['name'];
    ids.add(name);
  });
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
const finisher = unified().use(rehypeHighlight, { detect: false }).use(rehypeStringify).freeze();

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
  const ids = finishElements(clean, bareLinks, anchorless, headingOutline({ markdown: headings, keepRaw: options.html === 'trust', skipped: options.skippedLevel, leveledRaw: options.leveledRaw }));
  const finished = finisher.runSync(clean) as HastRoot;
  const own = String(finisher.stringify(finished));
  if (options.issueShift === undefined) return { own, inIssue: '', ids };
  toIssueVariant(finished, options.issueShift, addSlot);
  return { own, inIssue: String(finisher.stringify(finished)), ids };
}

// The URLs raw HTML may hold (after the sanitizer, when there is one), by element: links to a
// page, or files shown in place.
// `srcSet` holds candidates (`cover.svg 2x`), each URL a resource; `xLinkHref` is SVG's older `href`.
const rawUrls: Record<string, ReadonlyArray<readonly [property: string, type: Resource['type']]>> = {
  a: [['href', 'link'], ['xLinkHref', 'link']],
  area: [['href', 'link']],
  img: [['src', 'image'], ['srcSet', 'image']],
  image: [['href', 'image'], ['xLinkHref', 'image']],
  source: [['src', 'image'], ['srcSet', 'image']],
  video: [['src', 'image'], ['poster', 'image']],
  audio: [['src', 'image']],
  track: [['src', 'image']],
  // Kept only by `markdown.html: trust`.
  iframe: [['src', 'link']],
  embed: [['src', 'image']],
  object: [['data', 'image']],
  blockquote: [['cite', 'link']],
  q: [['cite', 'link']],
  del: [['cite', 'link']],
  ins: [['cite', 'link']],
};

/**
 * Makes the links and images of raw HTML resources of the body, as Markdown ones are: checked,
 * rewritten to their target's address on each page (`10-first.md` becomes the article's URL,
 * `cover.svg` the copied file's from any page), located where the HTML wrote them.
 */
function slotRawUrls(tree: HastRoot, addSlot: AddSlot, addResource: AddResource, withoutAlt?: (line: number, column: number) => void): void {
  walk(tree as HastNodes, (node) => {
    // Markdown's own links are slots already, but for footnote references and back-references.
    if (node.type !== 'element' || node.properties['dataFootnoteRef'] !== undefined || node.properties['dataFootnoteBackref'] !== undefined) return;
    const start = node.position?.start;
    // Markdown's images always have one (`![](x.svg)`: an empty one, told by compileFile).
    if (node.tagName === 'img' && node.properties['alt'] === undefined) {
      node.properties['alt'] = '';
      withoutAlt?.(start?.line ?? 1, start?.column ?? 1);
    }
    // A URL that could run code is left as the HTML wrote it: only `trust` keeps one. Another is
    // written as Markdown's are (`a b` is `a%20b`: HTML allows no space in a URL, but around it), and checked as written.
    const slotted = (url: string, type: Resource['type']) =>
      url.trim() === '' || url.startsWith('\uFDD0') || isUnsafeUrl(url) ? url : addSlot({ resource: addResource({ type, url, line: start?.line ?? 1, column: start?.column ?? 1 }), url: toWrittenUrl(url.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')) });
    // Each candidate of a srcset (`cover.svg 2x, big.svg 3x`) begins with its URL.
    const candidates = (list: string) => mapSrcset(list, (url) => slotted(url, 'image'));
    const { properties } = node;
    for (const [key, type] of rawUrls[node.tagName] ?? []) {
      const value = properties[key];
      if (key === 'srcSet' && (typeof value === 'string' || Array.isArray(value))) properties[key] = candidates(Array.isArray(value) ? value.join(',') : value);
      else if (typeof value === 'string') properties[key] = slotted(value, type);
    }
  });
}

/**
 * A URL of raw HTML written as Markdown writes its own (micromark's `normalizeUri`: `a b` is
 * `a%20b`), but for the brackets of an IPv6 host (`https://[2001:db8::1]/`), which its authority
 * must keep as they are (RFC 3986 section 3.2.2) and `normalizeUri` would encode.
 */
function toWrittenUrl(url: string): string {
  const authority = /^(?:[a-z][a-z\d+.-]*:)?\/\/[^/?#]*/i.exec(url)?.[0] ?? '';
  const host = authority.split(/([[\]])/).map((part) => (part === '[' || part === ']' ? part : normalizeUri(part))).join('');
  return host + normalizeUri(url.slice(authority.length));
}

/**
 * A `srcset` with each candidate's URL mapped, read as HTML reads it: a URL is the run of
 * characters up to a space (commas inside it included, as image services write them:
 * `…/w_300,h_200/a.jpg 2x`), trailing commas end a candidate, and its descriptors go on to the
 * next comma.
 */
export function mapSrcset(list: string, map: (url: string) => string): string {
  let out = '';
  let at = 0;
  const space = (index: number) => /\s/.test(list[index] ?? '');
  while (at < list.length) {
    const start = at;
    while (at < list.length && (space(at) || list[at] === ',')) at++;
    out += list.slice(start, at);
    if (at >= list.length) break;
    let end = at;
    while (end < list.length && !space(end)) end++;
    const written = list.slice(at, end);
    const url = written.replace(/,+$/, '');
    out += map(url) + written.slice(url.length);
    at = end;
    if (url.length < written.length) continue;
    const descriptors = at;
    for (let depth = 0; at < list.length && !(list[at] === ',' && depth === 0); at++) {
      if (list[at] === '(') depth++;
      else if (list[at] === ')') depth = Math.max(0, depth - 1);
    }
    out += list.slice(descriptors, at);
  }
  return out;
}

/** The index of a link, image or definition among its body's resources (set by `compileFile`). */
function resourceOf(node: { data?: unknown }): number | undefined {
  return (node.data as { resource?: number } | undefined)?.resource;
}

/**
 * Whether a link's text is its address: an autolink (`<https://x.example>`), a bare URL, or an
 * e-mail address linked with `mailto:`.
 */
function isBareUrl(node: Link): boolean {
  const text = textOf(node);
  return text === node.url || (node.url.startsWith('mailto:') && text === node.url.slice('mailto:'.length));
}

/** What the handlers of Markdown's nodes note down as they make the body's elements. */
interface Notes {
  /** Each link that {@link isBareUrl}, by its slot's marker. */
  bareLinks: Set<string>;
  /** Each heading, by its offset, which its element keeps through raw HTML's parser and the sanitizer. */
  headings: Map<number, Heading>;
  /** Each footnote call, as its `<sup>` element. */
  calls: Set<Element>;
}

/**
 * The handlers of Markdown's nodes, which note down in `notes` what later steps need. A
 * footnote call written in a link's text is put after the link (see footnote-calls.ts).
 */
function handlersFor(options: FragmentOptions, addSlot: AddSlot, notes: Notes): Handlers {
  const { bareLinks, headings, calls } = notes;
  const withCalls = (made: number, link: ElementContent | ElementContent[]) => (calls.size === made || Array.isArray(link) || link.type !== 'element' ? link : withCallsAfter(link, calls));
  const handlers: Handlers = {
    heading(state: State, node: Heading) {
      const element = defaultHandlers.heading(state, node);
      if (node.position?.start.offset !== undefined) headings.set(node.position.start.offset, node);
      element.tagName = `h${Math.min(6, Math.max(2, node.depth))}`;
      return element;
    },
    // A block that scrolls sideways must be reachable by keyboard (WCAG 2.1.1; axe
    // scrollable-region-focusable), and Firefox alone makes it so by itself.
    code(state: State, node: Code) {
      const pre = defaultHandlers.code(state, node);
      pre.properties['tabIndex'] = 0;
      return pre;
    },
    link(state: State, node: Link) {
      const made = calls.size;
      const link = patchUrl(defaultHandlers.link(state, node), 'href', node, options, addSlot);
      const href = 'properties' in link ? link.properties['href'] : undefined;
      if (typeof href === 'string' && href.startsWith('\uFDD0') && isBareUrl(node)) bareLinks.add(href);
      return withCalls(made, link);
    },
    image: (state: State, node: Image) => patchUrl(defaultHandlers.image(state, node), 'src', node, options, addSlot),
    linkReference(state: State, node: LinkReference) {
      const made = calls.size;
      return withCalls(made, patchReference(defaultHandlers.linkReference(state, node), 'href', state, node.identifier, options, addSlot));
    },
    footnoteReference(state: State, node: FootnoteReference) {
      const call = defaultHandlers.footnoteReference(state, node);
      calls.add(call);
      return call;
    },
    imageReference: (state: State, node: ImageReference) => patchReference(defaultHandlers.imageReference(state, node), 'src', state, node.identifier, options, addSlot),
  };
  if (options.html === 'escape') handlers['html'] = escapeHtml;
  return handlers;
}

/** Raw HTML shown as text; a block of it becomes a paragraph of text. */
function escapeHtml(_state: State, node: Html, parent: Parents | undefined): ElementContent {
  const text = { type: 'text' as const, value: node.value };
  const inline = parent !== undefined && 'children' in parent && parent.type !== 'root' && parent.type !== 'blockquote' && parent.type !== 'listItem';
  return inline ? text : { type: 'element', tagName: 'p', properties: {}, children: [text] };
}

function patchUrl(element: Element, key: 'href' | 'src', resource: { url: string; data?: unknown }, options: FragmentOptions, addSlot: AddSlot): Element | ElementContent[] {
  if (isUnsafeUrl(resource.url)) return key === 'href' ? element.children : [];
  const index = resourceOf(resource);
  const url = element.properties[key];
  if (typeof url !== 'string') return element;
  // The sanitizer sees the slot, not the URL: the schema's protocols are checked here instead.
  if (options.html !== 'trust' && !allowedProtocol(url, schema.protocols?.[key] ?? [])) delete element.properties[key];
  else if (index !== undefined) element.properties[key] = addSlot({ resource: index, url });
  return element;
}

/** Whether `url` is relative or has one of `protocols`, as hast-util-sanitize decides it. */
function allowedProtocol(url: string, protocols: readonly string[]): boolean {
  const colon = url.indexOf(':');
  const before = (mark: string) => url.indexOf(mark) > -1 && colon > url.indexOf(mark);
  if (colon < 0 || before('/') || before('?') || before('#')) return true;
  const scheme = url.slice(0, colon);
  return protocols.includes(scheme);
}

function patchReference(result: ElementContent | ElementContent[], key: 'href' | 'src', state: State, identifier: string, options: FragmentOptions, addSlot: AddSlot) {
  if (Array.isArray(result) || result.type !== 'element') return result;
  const definition = state.definitionById.get(identifier.toUpperCase());
  return definition ? patchUrl(result, key, definition, options, addSlot) : result;
}

/**
 * Turns a body's own-page hast into the one shown inside its issue's page, in one walk: headings
 * move down `shift` levels (to h6 at most), ids, the same-page links to them and the attributes
 * that name them (`headers`, `aria-describedby`) get the id-prefix marker, and every URL becomes
 * a slot, so feeds can resolve it against the page it comes from.
 */
function toIssueVariant(tree: HastRoot, shift: number, addSlot: AddSlot): void {
  const prefix = markers.idPrefix;
  const slotted = (url: string) => (url.startsWith('\uFDD0') ? url : addSlot({ url }));
  walk(tree as HastNodes, (node) => {
    if (node.type !== 'element') return;
    const level = shift === 0 ? undefined : /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(6, Number(level) + shift)}`;
    const { properties } = node;
    if (typeof properties['id'] === 'string') properties['id'] = prefix + properties['id'];
    const href = properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) properties['href'] = `#${prefix}${href.slice(1)}`;
    for (const key of idListProperties) {
      const ids = properties[key];
      if (Array.isArray(ids)) properties[key] = ids.map((id) => prefix + String(id));
    }
    for (const key of urlProperties) {
      const value = properties[key];
      if (typeof value === 'string') properties[key] = slotted(value);
    }
    const srcSet = properties['srcSet'];
    if (Array.isArray(srcSet)) (properties as Record<string, unknown>)['srcSet'] = srcSet.map((entry) => String(entry).replace(/^\s*(\S+)/, (_m, url: string) => slotted(url)));
  });
}

const urlProperties = ['href', 'src', 'cite', 'poster'];
// The attributes that name other elements by their ids, which get the prefix with them: a
// cell's `headers`, and what the sanitizer keeps of ARIA's (the footnote references', raw HTML's).
const idListProperties = ['ariaDescribedBy', 'ariaLabelledBy', 'headers'];
