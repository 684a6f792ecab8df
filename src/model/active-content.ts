import type { Nodes } from 'hast';
import { SaxesParser } from 'saxes';
import { InternalError, isStackOverflow } from '../diagnostics/diagnostic.js';
import { walk } from '../parse/walk.js';

/** Something in a copied file that would run as script when the file is opened on the site. */
export interface Danger {
  /** What it is, for the message: `a <script> element`; or, for a file that can not be read, why. */
  found: string;
  line: number;
  column: number;
  /** The file could not be read (not well-formed XML, nested too deep), so it could not be checked. */
  unreadable?: true;
}

// Elements that run script or load other documents into the page.
const activeElements = new Set(['script', 'foreignobject', 'iframe', 'frame', 'embed', 'object', 'applet', 'handler', 'listener', 'base', 'form']);
// Attributes whose value is a URL, or which SVG animation writes into one (SVG 2 §19).
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values', 'by', 'xlink:href']);
// Raster images inline in an SVG are pictures, not programs.
const inertData = /^data:image\/(png|jpeg|gif|webp|avif);/;

/** Whether a URL would run code: `javascript:`, `vbscript:` or a non-image `data:` URL, however spelled. */
export function isActiveUrl(value: string): boolean {
  const url = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(javascript|vbscript):/.test(url) || (url.startsWith('data:') && !inertData.test(url));
}

function dangerOf(name: string, attributes: Iterable<[string, string]>): string | undefined {
  const element = name.toLowerCase();
  if (activeElements.has(element)) return `a <${name}> element`;
  for (const [attribute, value] of attributes) {
    const key = attribute.toLowerCase();
    if (key.startsWith('on')) return `an event handler attribute (${attribute})`;
    if (urlAttributes.has(key) && isActiveUrl(value)) return 'a javascript: or data: link';
    if (key === 'http-equiv' && value.toLowerCase() === 'refresh') return 'a <meta> refresh';
    if (key === 'style' && /javascript:|expression\s*\(/i.test(value)) return 'script in a style attribute';
  }
  return undefined;
}

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
    const found = danger ? undefined : dangerOf(tag.local ?? tag.name, attributes);
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

/** The line and column (from 1) of the character at `offset` in `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

// A whole HTML parser (parse5), loaded only by a build that copies HTML files: see loadHtmlParser.
let parseHtml: typeof import('hast-util-from-html').fromHtml | undefined;

/** Loads the parser {@link findHtmlDanger} needs; call it before, when HTML files are to be checked. */
export async function loadHtmlParser(): Promise<void> {
  parseHtml ??= (await import('hast-util-from-html')).fromHtml;
}

/** The first danger in an HTML document, as a browser would parse it. */
export function findHtmlDanger(text: string): Danger | undefined {
  if (!parseHtml) throw new InternalError('findHtmlDanger was called before loadHtmlParser');
  let tree: Nodes;
  try {
    tree = parseHtml(text) as Nodes;
  } catch (error) {
    // The parser's tree builder recurses once a level: thousands of nested elements exhaust the stack.
    if (!isStackOverflow(error)) throw error;
    return { found: 'its elements are nested thousands of levels deep', line: 1, column: 1, unreadable: true };
  }
  let danger: Danger | undefined;
  walk(tree, (node) => {
    if (danger || node.type !== 'element') return;
    const attributes = Object.entries(node.properties).map(([key, value]): [string, string] => [htmlName(key), Array.isArray(value) ? value.join(' ') : String(value)]);
    const found = dangerOf(node.tagName, attributes);
    if (found) danger = { found, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
  });
  return danger;
}

// hast names properties in camel case (`onClick`, `httpEquiv`, `formAction`).
function htmlName(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^on-/, 'on').replace(/^form-action$/, 'formaction').replace(/^x-link-href$/, 'xlink:href');
}
