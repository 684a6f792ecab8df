import type { Element } from 'hast';
import type { Image } from 'mdast';
import type { State } from './state.js';

/** An element of raw HTML and where it was written in the file. */
export interface PlacedElement {
  element: Element;
  line: number;
  column: number;
}

/** A file of a raw `<audio>` or `<video>`, as the web page keeps it, and the label of its `=>` line (empty for none). */
export interface MediaFile {
  resource: Image;
  label: string;
}

/** Whether an element is a raw `<audio>` or `<video>`, whose files the capsule links. */
export function isMedia(element: Element): boolean {
  return element.tagName === 'audio' || element.tagName === 'video';
}

/**
 * The files of a raw `<audio>` or `<video>` that the web page keeps, each for a `=>` line: its `src`, or else each
 * `<source src>` (a browser plays the first it can; each written once), labelled with the
 * element's fallback text, the file's name after it when there are several; each `<track>` but
 * a `metadata` one, labelled with its `label`, else its `srclang`; and a video's `poster`, as an
 * image without alt text is. All are images to the capsule: content, kept whatever the placement.
 */
export function mediaFiles(media: PlacedElement, children: readonly PlacedElement[], fallback: string, state: State): MediaFile[] {
  const own = resourcesOf(media, 'src', state);
  const sources = own.length > 0 ? own : children.filter(({ element }) => element.tagName === 'source').flatMap((child) => resourcesOf(child, 'src', state));
  const files = unique(sources);
  const label = fallback.replace(/\s+/g, ' ').trim();
  const links: MediaFile[] = files.map((resource) => ({ resource, label: label && files.length > 1 ? `${label} (${fileName(resource.url)})` : label }));
  for (const track of children) {
    if (track.element.tagName !== 'track' || String(track.element.properties['kind'] ?? '').toLowerCase() === 'metadata') continue;
    const name = [track.element.properties['label'], track.element.properties['srcLang']].find((value) => typeof value === 'string' && value.trim() !== '');
    for (const resource of resourcesOf(track, 'src', state)) links.push({ resource, label: String(name ?? '').trim() });
  }
  if (media.element.tagName === 'video') for (const resource of resourcesOf(media, 'poster', state)) links.push({ resource, label: '' });
  return links;
}

/** A file of a raw `<audio>` or `<video>` as a Markdown image whose alt text is its label, shown nowhere but on its `=>` line. */
export function toMediaImage({ resource, label }: MediaFile): Image {
  return { ...resource, alt: label, data: { ...resource.data, media: true } as Image['data'] };
}

/** Whether an image stands for a file of a raw `<audio>` or `<video>`, whose text is its element's fallback, not its label. */
export function isMediaImage(node: Image): boolean {
  return (node.data as { media?: unknown } | undefined)?.media === true;
}

/** The body's resource that an attribute of a raw element is, when the web page keeps it. */
function resourcesOf({ element, line, column }: PlacedElement, property: string, state: State): Image[] {
  const url = element.properties[property];
  const resource = typeof url === 'string' ? state.rawResource('image', url, line, column) : undefined;
  return resource?.type === 'image' ? [resource] : [];
}

function unique(resources: readonly Image[]): Image[] {
  const seen = new Set<string>();
  return resources.filter((resource) => !seen.has(resource.url.trim()) && seen.add(resource.url.trim()));
}

/** The last segment of a URL's path (`movie.mp4` of `media/movie.mp4?v=2`), or the URL when it has none. */
function fileName(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name === '' ? url : name;
}
