import type { Element } from 'hast';
import type { Html, Image, Link, Nodes, PhrasingContent } from 'mdast';
import { rawHtmlParsers } from '../raw-html.js';
import { joinLines } from './lines.js';
import { isMedia, isMediaImage, mediaFiles, type PlacedElement } from './raw-media.js';
import { toString } from 'mdast-util-to-string';
import type { PendingLink, State } from './state.js';

/** The text of inline content, one entry a line (hard breaks start a new line), and its links. */
export interface InlineResult {
  lines: string[];
  links: PendingLink[];
}

/**
 * Flattens inline Markdown to plain text: emphasis and HTML are dropped and their text kept
 * (`<br>` breaks the line as a hard break does; raw `<a href>`, `<img src>` and the files of
 * `<audio>` and `<video>` are links when the web page keeps them),
 * links and images keep their text and are collected to become `=>` lines (SPEC §3).
 */
export function toInline(children: readonly PhrasingContent[], state: State): InlineResult {
  const result: InlineResult = { lines: [''], links: [] };
  const append = (text: string) => {
    result.lines[result.lines.length - 1] += text;
    if (rawLink) rawLink.text += text;
    if (rawMedia) rawMedia.fallback += text;
  };
  // A raw `<a href>` whose `</a>` is still to come: its text is what is appended until then (kept
  // apart: slicing it off the line each time read a line of 16 000 raw links 16 000 times).
  let rawLink: { resource: Link | Image; line: number; text: string } | undefined;
  // A raw `<audio>` or `<video>` whose end tag is still to come: its `<source>` and `<track>`
  // tags and its fallback text are what comes until then.
  let rawMedia: { media: PlacedElement; children: PlacedElement[]; fallback: string } | undefined;
  const openRaw = (node: Html) => {
    const start = node.position?.start;
    const element = start && rawHtmlParsers().fromHtml(node.value, { fragment: true }).children.find((child) => child.type === 'element');
    if (!start || !element) return;
    const placed = { element, line: start.line, column: start.column };
    if (isMedia(element)) {
      closeMedia();
      rawMedia = { media: placed, children: [], fallback: '' };
      return;
    }
    if (element.tagName === 'source' || element.tagName === 'track') {
      rawMedia?.children.push(placed);
      return;
    }
    const resource = rawResourceOf(element, start.line, start.column, state);
    if (element.tagName === 'a') {
      if (resource) rawLink = { resource, line: result.lines.length - 1, text: '' };
      return;
    }
    append(altOf(element));
    if (resource) addLink(resource, altOf(element));
  };
  const closeRaw = () => {
    if (!rawLink) return;
    const label = rawLink.line === result.lines.length - 1 ? rawLink.text.replace(/\s+/g, ' ').trim() : '';
    addLink(rawLink.resource, label);
    rawLink = undefined;
  };
  const closeMedia = () => {
    if (!rawMedia) return;
    for (const { resource, label } of mediaFiles(rawMedia.media, rawMedia.children, rawMedia.fallback, state)) addLink(resource, label);
    rawMedia = undefined;
  };
  const addLink = (resource: Link | Image, label: string) => {
    const url = state.href(resource.url, resource, resource.type);
    if (url !== undefined && url.trim() !== '') result.links.push({ url, label: label || url, image: resource.type === 'image' });
  };
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
        return append(joinLines(node.value));
      case 'inlineCode':
        return append(node.value);
      case 'break':
        result.lines.push('');
        return;
      case 'html': {
        // Tags are dropped, but a line break still breaks the line (`a<br>b` is not `ab`), and a
        // link or image that the web page keeps is a link here too.
        const tag = node.value.trim();
        if (/^<br\s*\/?>$/i.test(tag)) result.lines.push('');
        else if (/^<\/a\s*>$/i.test(tag)) closeRaw();
        else if (/^<\/(audio|video)\s*>$/i.test(tag)) closeMedia();
        else if (/^<(a|img|audio|video|source|track)[\s/>]/i.test(tag)) openRaw(node);
        return;
      }
      case 'footnoteReference':
        // Left out of a raw link's label, as `labelOf` leaves it out of a Markdown link's: the
        // call is in the paragraph, and the link line does not lead to the note.
        result.lines[result.lines.length - 1] += `[${footnoteNumber(node.identifier, state)}]`;
        return;
      case 'link':
      case 'image':
      case 'linkReference':
      case 'imageReference':
        return collectLink(node, state, append, result.links, visit);
      default:
        if ('children' in node) for (const child of node.children) visit(child);
    }
  };
  for (const child of children) visit(child);
  // An element left open ends with its paragraph, as the HTML parser ends it.
  closeMedia();
  result.lines = result.lines.map((line) => line.replace(/\s+/g, ' ').trim());
  return result;
}

/** The body's resource that a raw `<a href>` or `<img src>` at this place in the file is, when the web page keeps it. */
export function rawResourceOf(element: Element, line: number, column: number, state: State): Link | Image | undefined {
  const link = element.tagName === 'a';
  if (!link && element.tagName !== 'img') return undefined;
  const url = element.properties[link ? 'href' : 'src'];
  return typeof url === 'string' ? state.rawResource(link ? 'link' : 'image', url, line, column) : undefined;
}

/** The alt text of a raw `<img>`. */
export function altOf(element: Element): string {
  const alt = element.properties['alt'];
  return typeof alt === 'string' ? alt : '';
}

function collectLink(
  node: Extract<Nodes, { type: 'link' | 'image' | 'linkReference' | 'imageReference' }>,
  state: State,
  append: (text: string) => void,
  links: PendingLink[],
  visit: (node: Nodes) => void,
): void {
  const resource = node.type === 'link' || node.type === 'image' ? node : state.definitions.get(node.identifier.toUpperCase());
  const isImage = node.type === 'image' || node.type === 'imageReference';
  const label = isImage ? ('alt' in node && node.alt) || '' : labelOf(node).trim();
  // A file of a raw audio or video shows its element's fallback text, not its label.
  if (isImage) {
    if (!(node.type === 'image' && isMediaImage(node))) append(label);
  } else for (const child of (node as { children: Nodes[] }).children) visit(child);
  if (!resource) return;
  const url = state.href(resource.url, resource, isImage ? 'image' : 'link');
  // A link without a URL (`[text]()`) leads nowhere, and `=>  text` would make its text the URL.
  if (url !== undefined && url.trim() !== '') links.push({ url, label: label || url, image: isImage });
}

/** A link's text as one line: a hard break in it is a space, as a soft one is (`toString` drops it). */
function labelOf(node: Nodes): string {
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map(labelOf).join('');
  return toString(node).replace(/\s+/g, ' ');
}

/** The number of a footnote: its place among the footnotes in order of first reference. */
export function footnoteNumber(identifier: string, state: State): number {
  const id = identifier.toUpperCase();
  if (!state.footnoteOrder.includes(id)) state.footnoteOrder.push(id);
  return state.footnoteOrder.indexOf(id) + 1;
}
