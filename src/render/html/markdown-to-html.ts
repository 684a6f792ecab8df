import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes } from 'hast';
import type { Heading, Html, Image, ImageReference, Link, LinkReference, Parents, Root } from 'mdast';
import { defaultHandlers, toHast, type Handlers, type State } from 'mdast-util-to-hast';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeHighlight from 'rehype-highlight';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import type { SiteConfig } from '../../parse/schemas.js';
import { targetOf, type LinkTarget } from '../../transform/link-target.js';

/** How one Markdown body is rendered into one page. */
export interface FragmentOptions {
  /** The source path of the body, so links to its own anchors stay on the page. */
  path: string;
  /** Turns a resolved target into the URL written on this page. */
  href: (target: LinkTarget) => string | undefined;
  /** Prefix of every id in the fragment, for pages that hold several bodies (default: none). */
  idPrefix?: string;
  /** Levels added to every heading: 1 inside an issue page (default: `0`). */
  headingShift?: number;
  /** What raw HTML becomes (SPEC §2.1). */
  html: SiteConfig['markdown']['html'];
  /** Heading of the footnotes section, in the page's language. */
  footnoteLabel: string;
  /** Label of the links back from a footnote to its reference. */
  footnoteBackLabel: string;
  /** Resolves every URL of the fragment against this page URL, for feeds (default: URLs stay relative). */
  absoluteBase?: string;
}

// Markdown-made ids (headings, footnotes) must survive, so `id` is not clobbered: built pages
// carry no script that an id could hijack. `gemini:` links are as safe as `https:` ones.
// The footnotes heading keeps its `sr-only` class at every level it is shifted to.
const srOnly = [['className', 'sr-only']] as Array<[string, string]>;
const schema: SanitizeSchema = {
  ...defaultSchema,
  clobber: ['name'],
  strip: [...(defaultSchema.strip ?? []), 'style'],
  attributes: { ...defaultSchema.attributes, h3: srOnly, h4: srOnly, h5: srOnly, h6: srOnly },
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.['href'] ?? []), 'gemini'] },
};

const anchorLink = {
  behavior: 'append' as const,
  test: (element: Element) => !String(element.properties['id'] ?? '').endsWith('footnote-label'),
  properties: { className: ['heading-anchor'], ariaHidden: 'true', tabIndex: -1 },
  content: { type: 'text' as const, value: '#' },
};

function processorFor(raw: boolean, sanitize: boolean): Processor<HastRoot, HastRoot, HastRoot> {
  const base = unified() as unknown as Processor<HastRoot, HastRoot, HastRoot>;
  if (raw) base.use(rehypeRaw);
  if (sanitize) base.use(rehypeSanitize, schema);
  return base.freeze();
}

// Parsing raw HTML (rehype-raw, a whole HTML parser) is only worth it for bodies that have some.
const cleaners = {
  sanitize: { raw: processorFor(true, true), plain: processorFor(false, true) },
  escape: { raw: processorFor(false, true), plain: processorFor(false, true) },
  trust: { raw: processorFor(true, false), plain: processorFor(false, false) },
};
const finisher = unified().use(rehypeAutolinkHeadings, anchorLink).use(rehypeHighlight, { detect: false }).use(rehypeStringify).freeze();

/**
 * Renders a Markdown body to an HTML fragment for one page: links written for that page, raw
 * HTML sanitized (or escaped, or trusted), headings shifted and given anchor links, code
 * highlighted at build time.
 */
export function toHtmlFragment(tree: Root, options: FragmentOptions): string {
  const shift = options.headingShift ?? 0;
  const hast = toHast(tree, {
    allowDangerousHtml: options.html !== 'escape',
    // Footnote ids get a prefix with a colon, which heading ids (GitHub's slugs) never have.
    clobberPrefix: 'fn:',
    footnoteLabel: options.footnoteLabel,
    footnoteBackLabel: options.footnoteBackLabel,
    footnoteLabelTagName: `h${Math.min(6, 2 + shift)}`,
    handlers: handlersFor(options, shift),
  }) as HastRoot;
  const clean = cleaners[options.html][hasRaw(hast) ? 'raw' : 'plain'].runSync(hast) as HastRoot;
  if (options.idPrefix) scopeIds(clean, options.idPrefix);
  const finished = finisher.runSync(clean) as HastRoot;
  if (options.absoluteBase) absolutizeUrls(finished, options.absoluteBase);
  return String(finisher.stringify(finished));
}

function hasRaw(tree: HastRoot): boolean {
  let found = false;
  visit(tree as HastNodes, 'raw', () => {
    found = true;
    return false;
  });
  return found;
}

function handlersFor(options: FragmentOptions, shift: number): Handlers {
  const own = (target: LinkTarget | undefined): string | undefined => {
    if (!target) return undefined;
    if (target.kind === 'document' && target.path === options.path) return target.anchor ? `#${target.anchor}` : '#';
    return options.href(target);
  };
  const handlers: Handlers = {
    heading(state: State, node: Heading) {
      const element = defaultHandlers.heading(state, node);
      element.tagName = `h${Math.min(6, Math.max(2, node.depth) + shift)}`;
      return element;
    },
    link: (state: State, node: Link) => patchUrl(defaultHandlers.link(state, node), 'href', targetOf(node), own),
    image: (state: State, node: Image) => patchUrl(defaultHandlers.image(state, node), 'src', targetOf(node), own),
    linkReference: (state: State, node: LinkReference) =>
      patchReference(defaultHandlers.linkReference(state, node), 'href', state, node.identifier, own),
    imageReference: (state: State, node: ImageReference) =>
      patchReference(defaultHandlers.imageReference(state, node), 'src', state, node.identifier, own),
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

type Resolve = (target: LinkTarget | undefined) => string | undefined;

function patchUrl(element: Element, key: 'href' | 'src', target: LinkTarget | undefined, resolve: Resolve): Element | ElementContent[] {
  // A link that could run code keeps its text; such an image is dropped.
  if (target?.kind === 'removed') return key === 'href' ? element.children : [];
  const url = resolve(target);
  if (url !== undefined) element.properties[key] = url;
  return element;
}

function patchReference(result: ElementContent | ElementContent[], key: 'href' | 'src', state: State, identifier: string, resolve: Resolve) {
  if (Array.isArray(result) || result.type !== 'element') return result;
  const definition = state.definitionById.get(identifier.toUpperCase());
  return definition ? patchUrl(result, key, targetOf(definition), resolve) : result;
}

/** Prefixes every id of a fragment, and the same-page links to them, so bodies can share a page. */
function scopeIds(tree: HastRoot, prefix: string): void {
  visit(tree as HastNodes, 'element', (node: Element) => {
    const { properties } = node;
    if (typeof properties['id'] === 'string') properties['id'] = prefix + properties['id'];
    const href = properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) properties['href'] = `#${prefix}${href.slice(1)}`;
    const describedBy = properties['ariaDescribedBy'];
    if (Array.isArray(describedBy)) properties['ariaDescribedBy'] = describedBy.map((id) => prefix + String(id));
  });
}

const urlProperties = ['href', 'src', 'cite', 'poster'];

/** Resolves every URL of a fragment against the page it comes from (feed readers have no page). */
function absolutizeUrls(tree: HastRoot, base: string): void {
  const resolve = (url: string): string => {
    try {
      return new URL(url, base).href;
    } catch {
      return url;
    }
  };
  visit(tree as HastNodes, 'element', (node: Element) => {
    const { properties } = node;
    for (const key of urlProperties) {
      const value = properties[key];
      if (typeof value === 'string') properties[key] = resolve(value);
    }
    const srcSet = properties['srcSet'];
    if (Array.isArray(srcSet)) (properties as Record<string, unknown>)['srcSet'] = srcSet.map((entry) => String(entry).replace(/^\s*(\S+)/, (_m, url: string) => resolve(url)));
  });
}
