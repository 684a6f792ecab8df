import type { Nodes as HastNodes, Root as HastRoot } from 'hast';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import type { Resource } from '../../compile/compiled.js';
import { walk } from '../../parse/walk.js';
import { isUnsafeUrl } from '../../transform/link-target.js';
import type { AddResource, AddSlot } from './markdown-to-html.js';

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
export function slotRawUrls(tree: HastRoot, addSlot: AddSlot, addResource: AddResource, withoutAlt?: (line: number, column: number) => void): void {
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
function mapSrcset(list: string, map: (url: string) => string): string {
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
