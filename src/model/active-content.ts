import type { Element, Nodes, Root } from 'hast';
import { SaxesParser } from 'saxes';
import { InternalError, isStackOverflow } from '../diagnostics/diagnostic.js';
import { utf16Mark } from '../load/load-sources.js';
import { placeOf } from '../util/text-place.js';

/** Something in a copied file that would run as script when the file is opened on the site. */
export interface Danger {
  /** What it is, for the message: `a <script> element`; or, for a file that can not be read, why. */
  found: string;
  line: number;
  column: number;
  /** The file could not be read (not well-formed XML, nested too deep), so it could not be checked. */
  unreadable?: true;
  /** A browser may read the file in another encoding than the UTF-8 it was checked in. */
  encoding?: true;
}

// Elements that run script or load other documents into the page.
const activeElements = new Set(['script', 'foreignobject', 'iframe', 'frame', 'embed', 'object', 'applet', 'handler', 'listener', 'base', 'form']);
// Attributes whose value is a URL, or which SVG animation writes into one (SVG 2 §19).
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values', 'by', 'xlink:href']);
// Raster images are pictures, not programs, wherever they are loaded: with `;base64` or without.
const rasterData = /^data:image\/(?:png|jpeg|gif|webp|avif)[;,]/;
// An SVG image, an icon, or nothing (`data:,`) runs no script where a browser loads it as an image
// (an SVG in an <img> is drawn without its script), but an SVG opened as a document (a link's
// target, a frame, an <object>, an SVG <use>) runs its script.
const imageData = /^data:(?:image\/(?:svg\+xml|x-icon|vnd\.microsoft\.icon)(?:;[^,]*)?)?,/;

/**
 * Whether a URL would run code: `javascript:`, `vbscript:` or a `data:` URL but for a raster image
 * (PNG, JPEG, GIF, WebP, AVIF), however spelled; where it is loaded as an image alone (`asImage`,
 * see {@link loadsAsImage}; default: `false`), a `data:` SVG image or icon, or `data:,`, runs none either.
 */
export function isActiveUrl(value: string, asImage = false): boolean {
  const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(url) || (url.startsWith('data:') && !rasterData.test(url) && !(asImage && imageData.test(url)));
}

// `rel` values of a <link> a browser fetches as the page's icon, an image it never runs.
const iconLinks = new Set(['icon', 'shortcut', 'apple-touch-icon', 'apple-touch-icon-precomposed']);

/**
 * Whether a browser loads the address in attribute `attribute` of element `element` (both in lower
 * case) as an image alone, never as a document: an `<img>`'s `src`, a `<video>`'s `poster`, an
 * `<input type="image">`'s `src`, an SVG `<image>`'s `href`, and the `href` of a `<link>` whose
 * every `rel` is an icon's. `attributeOf` gives another attribute of the element (`type`, `rel`).
 * `inSvg` is whether the element is in the SVG namespace (default: `false`): an `image` of
 * another (MathML's, where any `href` is a link) is not SVG's. A `srcset` (of an `<img>`, or a
 * `<source>` in a `<picture>`) is never checked: it only ever loads images.
 */
export function loadsAsImage(element: string, attribute: string, attributeOf: (name: string) => string | undefined, inSvg = false): boolean {
  if (element === 'img' || element === 'input') return attribute === 'src' && (element === 'img' || attributeOf('type')?.trim().toLowerCase() === 'image');
  if (element === 'video') return attribute === 'poster';
  if (element === 'image') return inSvg && (attribute === 'href' || attribute === 'xlink:href' || attribute === 'xlinkhref');
  if (element !== 'link' || attribute !== 'href') return false;
  const rel = (attributeOf('rel') ?? '').toLowerCase().split(/[\t\n\f\r ]+/).filter(Boolean);
  return rel.length > 0 && rel.every((type) => iconLinks.has(type)) && rel.some((type) => type !== 'shortcut');
}

function dangerOf(name: string, attributes: Iterable<[string, string]>, inSvg: boolean): string | undefined {
  const element = name.toLowerCase();
  if (activeElements.has(element)) return `a <${name}> element`;
  const all = new Map([...attributes].map(([attribute, value]) => [attribute.toLowerCase(), value] as const));
  for (const [attribute, value] of attributes) {
    const key = attribute.toLowerCase();
    if (key.startsWith('on')) return `an event handler attribute (${attribute})`;
    const asImage = loadsAsImage(element, key, (other) => all.get(other), inSvg);
    // An animation's `values` is a list: each of them is written into the attribute in turn.
    if (urlAttributes.has(key) && (key === 'values' ? value.split(';') : [value]).some((url) => isActiveUrl(url, asImage))) return 'a javascript: or data: link';
    if (key === 'http-equiv' && value.toLowerCase() === 'refresh') return 'a <meta> refresh';
    if (key === 'style' && /javascript:|expression\s*\(/i.test(value)) return 'script in a style attribute';
  }
  return undefined;
}

// The names of UTF-8 (WHATWG Encoding), the only encoding mimeo reads copied markup in.
const utf8Labels = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

/**
 * Whether a browser could read the document otherwise than mimeo checked it (as UTF-8), where
 * its `<`, `>` and quotes could be other characters: a UTF-16 byte order mark or NUL characters
 * (UTF-16), an escape character (with which ISO-2022-JP switches alphabets, and from which a
 * browser may guess that encoding), or a declared encoding that does not read ASCII bytes as
 * ASCII (`<meta charset="iso-2022-jp">`, `<?xml encoding="UTF-16"?>`). Any other encoding
 * (windows-1252, Shift_JIS) keeps every ASCII byte, so the tags are those mimeo checked.
 */
export function findEncodingDanger(text: string): Danger | undefined {
  const at = (offset: number, found: string): Danger => ({ found, ...placeOf(text, offset), encoding: true });
  if (text.startsWith(utf16Mark)) return { found: 'it starts with a UTF-16 byte order mark', line: 1, column: 1, encoding: true };
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return at(nul, 'it holds NUL characters, as UTF-16 does');
  const escape = text.indexOf('\u001B');
  if (escape >= 0) return at(escape, 'it holds an escape character, with which ISO-2022-JP switches alphabets');
  const declaration = /^\s*<\?xml\s[^?>]{0,200}?encoding\s*=\s*["']([^"']{0,40})["']/i.exec(text);
  const declared = declaration?.[1]?.trim() ?? '';
  if (declaration && !utf8Labels.has(declared.toLowerCase()) && !asciiCompatible(declared)) return at(text.indexOf('<?xml'), `it declares the encoding ${declared}`);
  // A tag ends at the next `<` or `>` and within a bound: linear however many `<meta` never close.
  for (const meta of text.matchAll(/<meta\b[^<>]{0,2000}/gi)) {
    const charset = /charset\s*=\s*["']?\s*([^\s"';>]{1,40})/i.exec(meta[0])?.[1];
    if (charset !== undefined && !utf8Labels.has(charset.toLowerCase()) && !asciiCompatible(charset)) return at(meta.index, `it declares the encoding ${charset}`);
  }
  return undefined;
}

// Encodings a browser may read otherwise than ASCII even where every byte is ASCII: the
// ISO-2022 family and HZ switch alphabets with ASCII bytes, UTF-16 and UTF-7 read them in pairs
// or shifts. Any other encoding reads an ASCII-only file as ASCII.
function asciiCompatible(label: string): boolean {
  return !/2022|hz|utf-?16|ucs-?2|utf-?7|unicode(?!-1-1-utf-8)|replacement/i.test(label);
}


const svgNamespace = 'http://www.w3.org/2000/svg';

/**
 * The first danger in an XML document (SVG, XHTML), entities and namespace prefixes resolved, so
 * `&#106;avascript:` and `<x:script>` are seen for what they are. A document that is not
 * well-formed XML can not be checked and counts as a danger.
 */
export function findXmlDanger(text: string): Danger | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let danger: Danger | undefined;
  // saxes tells where it is once it read a tag's name and the character after it (a line break,
  // often): the tag's `<` stands that many characters before, found in the text.
  let tagStart = { line: 1, column: 1 };
  parser.on('opentagstart', (tag) => {
    tagStart = placeOf(text, parser.position - tag.name.length - 2);
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.values(tag.attributes).map((a): [string, string] => [a.prefix === 'xlink' ? `xlink:${a.local}` : a.local, a.value]);
    const found = danger ? undefined : dangerOf(tag.local ?? tag.name, attributes, tag.uri === svgNamespace);
    if (found) danger = { found, ...tagStart };
  });
  parser.on('processinginstruction', (instruction) => {
    if (!danger && instruction.target === 'xml-stylesheet') danger = { found: 'a stylesheet instruction', line: parser.line, column: Math.max(1, parser.column) };
  });
  try {
    parser.write(text).close();
  } catch (error) {
    const reason = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, '');
    return danger ?? { found: reason, line: parser.line, column: Math.max(1, parser.column), unreadable: true };
  }
  return danger;
}


/**
 * The trees a browser may read from `html`: `parse` (hast-util-from-html's) reads as a browser
 * without JavaScript does, where a `<noscript>` holds markup; with JavaScript, its content is text
 * up to the first `</noscript`, read here as another element read so: one whose end tag the page
 * does not have. `undefined` when the page has all of them.
 */
export function browserReadings(html: string, parse: (html: string) => Root): Root[] | undefined {
  const trees = [parse(html)];
  if (!/<noscript/i.test(html)) return trees;
  // `noframes` first: as long as `noscript`, it keeps every place in the page where it was (for messages).
  const stand = ['noframes', 'noembed', 'xmp'].find((name) => !new RegExp(`</${name}`, 'i').test(html));
  if (stand === undefined) return undefined;
  trees.push(parse(html.replace(/<(\/?)noscript(?=[\t\n\f\r />])/gi, `<$1${stand}`)));
  return trees;
}

// A whole HTML parser (parse5), loaded only by a build that copies HTML files or makes pages: see loadHtmlParser.
let parseHtml: typeof import('hast-util-from-html').fromHtml | undefined;

/** Loads the parser {@link findHtmlDanger} and the theme's page check need; call it before either. */
export async function loadHtmlParser(): Promise<void> {
  parseHtml ??= (await import('hast-util-from-html')).fromHtml;
}

/** The parser {@link loadHtmlParser} loaded, if it did. */
export function loadedHtmlParser(): typeof parseHtml {
  return parseHtml;
}

/** The first danger in an HTML document, as a browser would parse it. */
export function findHtmlDanger(text: string): Danger | undefined {
  if (!parseHtml) throw new InternalError('findHtmlDanger was called before loadHtmlParser');
  let trees: Root[] | undefined;
  try {
    trees = browserReadings(text, parseHtml);
  } catch (error) {
    // The parser's tree builder recurses once a level: thousands of nested elements exhaust the stack.
    if (!isStackOverflow(error)) throw error;
    return { found: 'its elements are nested thousands of levels deep', line: 1, column: 1, unreadable: true };
  }
  if (trees === undefined) return { found: 'a <noscript> element beside </noembed>, </xmp> and </noframes>, which can not be read as a browser with JavaScript reads it', line: 1, column: 1, unreadable: true };
  for (const tree of trees) {
    const danger = dangerInTree(tree as Nodes);
    if (danger) return danger;
  }
  return undefined;
}

function dangerInTree(tree: Nodes): Danger | undefined {
  let danger: Danger | undefined;
  walkElements(tree, (node, inSvg) => {
    if (danger) return;
    const attributes = Object.entries(node.properties).map(([key, value]): [string, string] => [htmlName(key), Array.isArray(value) ? value.join(' ') : String(value)]);
    const found = dangerOf(node.tagName, attributes, inSvg);
    if (found) danger = { found, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  });
  return danger;
}

/**
 * Calls `visit` on every element of a tree hast-util-from-html made, parents before children, in
 * document order, with whether it is in the SVG namespace, which hast does not keep: as an HTML
 * parser puts it there ({@link namespaceOf}; it reads `<image>` in HTML as `<img>`). A
 * `<template>`'s content is walked too: a tree of its own, in HTML, which a declarative shadow
 * root makes live.
 */
export function walkElements(tree: Nodes, visit: (element: Element, inSvg: boolean) => void): void {
  const stack: Array<[Nodes, Namespace]> = [[tree, 'html']];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, namespace] = next;
    if (node.type === 'element') visit(node, namespace === 'svg');
    if (node.type === 'element' && node.tagName === 'template' && node.content) stack.push([node.content, 'html']);
    if (!('children' in node)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index]!;
      stack.push([child, child.type === 'element' ? namespaceOf(child.tagName, node.type === 'element' ? node.tagName : '', node.type === 'element' ? namespace : 'html') : namespace]);
    }
  }
}

type Namespace = 'html' | 'svg' | 'math';

/**
 * The namespace an HTML parser puts an element `tag` in, under `parent` in `namespace` (HTML §
 * tree construction, foreign content): `<svg>` and `<math>` start theirs from HTML and from the
 * points where the other reads HTML again (SVG's `foreignObject`, `desc`, `title`; MathML's text
 * elements, and `annotation-xml` for `<svg>`); anywhere else in MathML, `<svg>` is MathML too.
 */
function namespaceOf(tag: string, parent: string, namespace: Namespace): Namespace {
  const fromHtml = () => (tag === 'svg' ? 'svg' : tag === 'math' ? 'math' : 'html');
  if (namespace === 'html') return fromHtml();
  if (namespace === 'svg') return parent === 'foreignObject' || parent === 'desc' || parent === 'title' ? fromHtml() : 'svg';
  if (['mi', 'mo', 'mn', 'ms', 'mtext'].includes(parent)) return tag === 'mglyph' || tag === 'malignmark' ? 'math' : fromHtml();
  return parent === 'annotation-xml' && tag === 'svg' ? 'svg' : 'math';
}

// hast names properties in camel case (`onClick`, `httpEquiv`, `formAction`).
function htmlName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^on-/, 'on').replace(/^form-action$/, 'formaction').replace(/^x-link-href$/, 'xlink:href');
}
