/**
 * Compiled bodies are rendered before links are resolved, once for every page they appear on:
 * what differs from page to page is written as a slot, a marker filled in at render time.
 * Markers are Unicode noncharacters, which no source text keeps (`compileFile` replaces them).
 */

/** A URL of a compiled body: a link's own (`url`, as written in HTML), resolved at render time when `resource` has a target. */
export interface Slot {
  /** Index of the link, image or definition in the body's resources, when the URL is one of them. */
  resource?: number;
  /** The URL as the Markdown wrote it (normalized for HTML): used when nothing better is known. */
  url: string;
}

const open = '\uFDD0';
const close = '\uFDD1';

/** The marker of slot `index`. */
export function slotMarker(index: number): string {
  return `${open}${index}${close}`;
}

/** Markers of the parts of a fragment that depend on the page's language or place. */
export const markers = {
  /** The footnotes heading, in the page's language. */
  footnotes: `${open}F${close}`,
  /** The label of a footnote's link back to its reference. */
  backToReference: `${open}B${close}`,
  /** The prefix of every id of a body shown inside its issue's page (`_editorial:`, `<slug>:`). */
  idPrefix: `${open}P${close}`,
};

/** Characters reserved for markers, replaced in source text before it is compiled. */
export const reservedCharacters = /[\uFDD0-\uFDEF]/g;

const anyMarker = /\uFDD0(\d+|[FBP])\uFDD1/g;

/** How the markers of a fragment are filled for one page. */
export interface Filling {
  /** The URL of slot `slot` on this page. */
  url: (slot: Slot) => string;
  footnotes: string;
  backToReference: string;
  idPrefix?: string;
}

/** Fills the markers of an HTML fragment (URLs are attribute values; labels are text or attributes). */
export function fillHtml(html: string, slots: readonly Slot[], filling: Filling): string {
  return html.replace(anyMarker, (_marker, key: string) => {
    if (key === 'F') return escapeHtml(filling.footnotes);
    if (key === 'B') return escapeHtml(filling.backToReference);
    if (key === 'P') return escapeHtml(filling.idPrefix ?? '');
    const slot = slots[Number(key)];
    if (!slot) return '';
    // Links to the body's own ids carry the id prefix marker too.
    const url = slot.url.includes(markers.idPrefix) ? slot.url.replaceAll(markers.idPrefix, filling.idPrefix ?? '') : slot.url;
    return escapeHtml(filling.url({ ...slot, url }));
  });
}

/** The URL of a slot whose link was not resolved: as written, a same-page `#id` scoped like the ids. */
export function unresolvedUrl(slot: Slot, idPrefix: string): string {
  return slot.resource !== undefined && slot.url.startsWith('#') && slot.url.length > 1 ? `#${idPrefix}${slot.url.slice(1)}` : slot.url;
}

/** The slot a whole marker stands for (`undefined` when `text` is not one marker). */
export function slotOf(text: string, slots: readonly Slot[]): Slot | undefined {
  const match = /^\uFDD0(\d+)\uFDD1$/.exec(text);
  return match ? slots[Number(match[1])] : undefined;
}

// Escaped as hast-util-to-html escapes attribute values, which is also safe in text.
function escapeHtml(text: string): string {
  return text.replace(/[&"<]/g, (character) => (character === '&' ? '&#x26;' : character === '"' ? '&#x22;' : '&#x3C;'));
}
