import type { Element, Root } from 'hast';
import { InternalError, isStackOverflow } from '../diagnostics/diagnostic.js';
import { browserReadings, isActiveUrl, loadedHtmlParser, loadsAsImage, walkElements } from '../model/active-content.js';

// What may run script, cheap to look for: a page without any of it is not parsed. It must find
// all a browser could run, however spelt: a tag's name and an attribute's are as written (a
// browser reads no character reference in them), but an address is spelt out by the value a
// browser reads, where it drops tabs and line breaks (`java<tab>script:`), and reads character
// references, by name (`&Tab;`, `&NewLine;`, `&colon;`, `&lpar;`, `&fjlig;` for "fj") or by
// number, with or without `;` or leading zeros. Only references to a letter, a colon, a
// parenthesis, a space or a control character can spell one: the page's own escapes (`&#39;`,
// `&#x3C;`) are not worth parsing a page for.
const maybeScript = new RegExp(
  [
    '<script',
    '<(?:base|i?frame|object|embed)',
    'srcdoc',
    'http-equiv',
    'attributename',
    `[\\s/"'\`]on[a-z]+\\s*=`,
    '&(?:tab|newline|colon|lpar|fjlig);',
    '&#x0*(?:1?[0-9a-f]|2[08]|3a|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a])(?![0-9a-f])',
    '&#0*(?:[12]?\\d|3[0-2]|40|58|6[5-9]|[78]\\d|90|9[7-9]|1[01]\\d|12[0-2])(?!\\d)',
  ].join('|'),
  'i',
);
// An address runs script (`javascript:`, `vbscript:`, a `data:` document) only as the value of
// an attribute, whose name is written out before it, and only from the value's start (a list's
// item's, in an SVG animation's `values`), tabs, line breaks and spaces left out as a browser
// leaves them out: prose that says "a short script: …" and an anchor `#the-script:…` are none.
// A `data:` raster image is none anywhere; an SVG image or an icon has the page parsed, as it is
// one only where its element loads it as an image.
// Old CSS runs it anywhere in a style (`expression(`, `url(javascript:…)`). Each value is read as
// a browser reads it: after `=` and spaces, to the quote that closes it, or unquoted to a space or
// `>`. Names are matched as parts of names too (`xlink:href`, `formaction`, `data-href`); a
// value written with character references is found by the references above. A name may stand
// inside another attribute's value (`title='x href="a' href=javascript:…`), where what follows it
// is no value, and reading it as one would hide the real attribute after it: so every name is
// read, also one inside a value read before.
const addressNames = ['href', 'src', 'action', 'data', 'to', 'from', 'values', 'by', 'poster', 'background', 'ping', 'cite', 'style'];
const unquotedEnd = /[\t\n\f\r >]/g;
const activeStyle = /script:|expression\(/i;

/** Whether the cheap look finds something in `html` that may run script (see above). */
function mayRunScript(html: string): boolean {
  if (maybeScript.test(html)) return true;
  // Values read from names inside values overlap: past a few readings of the page, parsing it costs less.
  let budget = 4 * html.length + 4096;
  for (const { name, start } of namedValues(html)) {
    const end = valueEnd(html, start);
    budget -= end - start;
    if (budget < 0) return true;
    // Every active address names its scheme before a colon, and old CSS runs script after one or in
    // parentheses: most values (`../issues/3/`, `#top`) hold neither, and are passed without a copy.
    if (!holdsColonOrParenthesis(html, start, end)) continue;
    const value = html.slice(start, end).replace(/^["']/, '').replace(/[\u0000-\u0020]/g, '');
    if (name === 'style' ? activeStyle.test(value) : (name === 'values' ? value.split(';') : [value]).some((item) => isActiveUrl(item))) return true;
  }
  return false;
}

/**
 * Each `name=` of {@link addressNames} in `html` (spaces around `=` allowed; the name may end a
 * longer one), from left to right: the name in lower case, and where its value starts. Found from
 * each `=` back, which is quicker than trying every name at every character of a page.
 */
function* namedValues(html: string): Generator<{ name: string; start: number }> {
  for (let equals = html.indexOf('='); equals !== -1; equals = html.indexOf('=', equals + 1)) {
    let nameEnd = equals;
    while (nameEnd > 0 && isHtmlSpace(html.charCodeAt(nameEnd - 1))) nameEnd--;
    const name = addressNames.find((candidate) => endsWithName(html, nameEnd, candidate));
    if (name === undefined) continue;
    let start = equals + 1;
    while (start < html.length && isHtmlSpace(html.charCodeAt(start))) start++;
    yield { name, start };
  }
}

/** Whether `html` has `name` (in any case of ASCII letters) right before `end`. */
function endsWithName(html: string, end: number, name: string): boolean {
  if (end < name.length) return false;
  for (let index = 0; index < name.length; index++) {
    if ((html.charCodeAt(end - name.length + index) | 0x20) !== name.charCodeAt(index)) return false;
  }
  return true;
}

/** Whether a character code is one of HTML's spaces between attributes: tab, line feed, form feed, carriage return, space. */
function isHtmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** Whether `html` holds a `:` or a `(` between `start` and `end`. */
function holdsColonOrParenthesis(html: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = html.charCodeAt(index);
    if (code === 0x3a || code === 0x28) return true;
  }
  return false;
}

/** Where the attribute value that starts at `start` ends: at its closing quote, or unquoted at a space or `>` (the page's end when none). */
function valueEnd(html: string, start: number): number {
  const quote = html[start];
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, start + 1);
    return close < 0 ? html.length : close;
  }
  unquotedEnd.lastIndex = start;
  return unquotedEnd.exec(html)?.index ?? html.length;
}

// Attributes whose value is an address, or which an SVG animation writes into one (`to`, `from`,
// `by`, `values`), by their hast property in lower case.
const addressAttributes = new Map([...['href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values', 'by', 'poster', 'background', 'ping', 'cite'].map((name) => [name, name] as const), ['xlinkhref', 'xlink:href']]);

// Elements that bring another document, and its script, into the page, or send its links elsewhere.
const embedders = new Map([
  ['base', 'a <base> element, which sends every relative link of the page to another site'],
  ['iframe', "an <iframe> element, which runs another page, and that page's script, inside this one"],
  ['frame', "a <frame> element, which runs another page, and that page's script, inside this one"],
  ['object', "an <object> element, which runs another document or a plug-in, and its script, inside this page"],
  ['embed', "an <embed> element, which runs another document or a plug-in, and its script, inside this page"],
]);

/**
 * What in a web page would run script, if anything (SPEC §3: no JavaScript in built pages): a
 * `<script>` (but for data, `application/ld+json`), an event handler attribute, a `javascript:`
 * or other active address (also written with character references, or by an SVG animation), a
 * frame's `srcdoc`, a refresh to such an address, and elements that bring in another page or
 * send links to one (`<iframe>`, `<frame>`, `<object>`, `<embed>`, `<base>`). The page is parsed
 * as a browser parses it, so text that only speaks of them (`&lt;script&gt;`, a title holding
 * `<b onclick>` in JSON-LD) is none. `loadHtmlParser` (model/active-content.ts) must have loaded the parser.
 */
export function scriptIn(html: string): string | undefined {
  return scriptsIn(html, 'first')[0]?.found;
}

/** Something on a page that would run script ({@link scriptIn}), and where its element starts. */
export interface ScriptPlace {
  found: string;
  line: number;
  column: number;
}

/**
 * Where a template that wrote `found` on a page wrote it: the first of `sources` (the page's
 * template, then the theme's other HTML templates, its layouts and partials) whose own text,
 * read as HTML, holds it; `undefined` when none does as written (a value the template prints).
 */
export function locateScript(found: string, sources: ReadonlyArray<{ file: string; text: string }>): ({ file: string } & ScriptPlace) | undefined {
  for (const { file, text } of sources) {
    const place = scriptsIn(text, 'all').find((script) => script.found === found);
    if (place) return { file, ...place };
  }
  return undefined;
}

function scriptsIn(html: string, how: 'first' | 'all'): ScriptPlace[] {
  if (!mayRunScript(html)) return [];
  const parseHtml = loadedHtmlParser();
  if (!parseHtml) throw new InternalError('a page was checked for script before its parser was loaded (loadHtmlParser)');
  const at = (found: string): ScriptPlace[] => [{ found, line: 1, column: 1 }];
  try {
    const trees = browserReadings(html, parseHtml);
    if (trees === undefined) return at('a <noscript> element beside </noembed>, </xmp> and </noframes>, which could not be read as a browser with JavaScript reads it');
    const found: ScriptPlace[] = [];
    for (const tree of trees) {
      scriptsInTree(tree, found, how);
      if (how === 'first' && found.length > 0) break;
    }
    return found;
  } catch (error) {
    // The parser's tree builder recurses once a level: thousands of nested elements exhaust the stack.
    if (!isStackOverflow(error)) throw error;
    return at('elements nested thousands of levels deep, too deep to be checked');
  }
}

/** Adds to `found` what on the elements of `tree` would run script: the first only, or all. */
function scriptsInTree(tree: Root, found: ScriptPlace[], how: 'first' | 'all'): void {
  walkElements(tree, (node, inSvg) => {
    if (how === 'first' && found.length > 0) return;
    const script = scriptOn(node, inSvg);
    if (script !== undefined) found.push({ found: script, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
}

/** What on element `node` would run script, by its name and attributes (and whether it is in SVG). */
function scriptOn(node: Element, inSvg: boolean): string | undefined {
  const element = node.tagName;
  const name = element.toLowerCase();
  const attributes = new Map(Object.entries(node.properties).flatMap(([key, value]) => (value === false || value === null || value === undefined ? [] : [[key.toLowerCase(), valuesOf(value)] as const])));
  if (name === 'script' && !/^application\/(ld\+)?json$/i.test((attributes.get('type') ?? []).join(' ').trim())) return 'a <script> element';
  for (const [key, values] of attributes) {
    if (/^on[a-z]+$/.test(key)) return `an event handler (${key}) on <${element}>`;
    if (key === 'srcdoc') return `a document written in a frame's srcdoc on <${element}>`;
    const address = addressAttributes.get(key);
    // An animation's `values` is a list: each of them is written into the attribute in turn.
    const urls = key === 'values' ? values.flatMap((value) => value.split(';')) : values;
    const asImage = loadsAsImage(name, key, (other) => attributes.get(other)?.join(' '), inSvg);
    if (address !== undefined && urls.some((url) => isActiveUrl(url, asImage))) return `an address that runs script (${address}) on <${element}>`;
    if (key === 'style' && values.some((value) => /(javascript|vbscript):|expression\(/i.test(value.replace(/[\u0000-\u0020]/g, '')))) return `an address that runs script (style) on <${element}>`;
    // An animation that writes an event handler: `<set attributeName="onclick" to="…">`.
    if (key === 'attributename' && values.some((value) => /^\s*on/i.test(value))) return `an event handler (${values.join(' ').trim()}) written by an animation on <${element}>`;
  }
  if (name === 'meta' && (attributes.get('httpequiv') ?? []).join(' ').trim().toLowerCase() === 'refresh' && (attributes.get('content') ?? []).some((content) => isActiveUrl(refreshAddress(content)))) return 'a refresh to an address that runs script on <meta>';
  return embedders.get(name);
}

// hast keeps a list attribute (`ping`, `http-equiv`) as an array, a number as a number.
function valuesOf(value: string | number | boolean | ReadonlyArray<string | number>): string[] {
  if (Array.isArray(value)) return value.map(String);
  return [value === true ? '' : String(value)];
}

// The address of a refresh, as a browser reads it (HTML § shared declarative refresh steps):
// `0; url='…'`, `0,…`, or with no `url=`.
function refreshAddress(content: string): string {
  return content.replace(/^[\s\d.]*[;,]?\s*(?:url\s*=\s*)?["']?/i, '');
}
