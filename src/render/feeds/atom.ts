import { Feed } from 'feed';
import type { FeedEntry } from './entries.js';
import { escapeHtml } from '../escape-html.js';
import { toXmlHtml, toXmlText } from './xml-text.js';

/** What a feed is about and where it lives. */
export interface FeedOptions {
  title: string;
  description: string;
  language: string;
  /** The address of the site (or capsule) the feed belongs to. */
  siteUrl: string;
  /** The feed's own address. */
  selfUrl: string;
  /** An entry's address in this feed's world (`https://…` or `gemini://…`). */
  entryUrl: (entry: FeedEntry) => string;
  /** Whether entries carry the whole issue as HTML (default: `true`). */
  content?: boolean;
}

/** An Atom 1.0 feed (RFC 4287) of the entries; its `updated` is the newest entry's, never the clock. */
export function renderAtom(entries: readonly FeedEntry[], options: FeedOptions): string {
  // RFC 4287 §4.1.1: a feed whose entries may lack an author names one itself.
  const feed = new Feed({ ...channel(entries, options, 'atom'), author: { name: toXmlText(options.title) } });
  for (const entry of entries) {
    feed.addItem({
      id: entry.id,
      title: toXmlHtml(escapeHtml(entry.title)),
      link: options.entryUrl(entry),
      date: toDate(entry.updated),
      published: toDate(entry.published),
      ...(entry.summary ? { description: toXmlHtml(escapeHtml(entry.summary)) } : {}),
      ...(options.content === false ? {} : { content: toXmlHtml(entry.contentHtml) }),
      author: entry.authors.map((author) => ({ name: toXmlText(author.name), ...(author.url ? { link: author.url } : {}) })),
      // Attributes on one line, as `escapeCategoryAttributes` reads them (XML reads a line break there as a space anyway).
      category: entry.categories.map((name) => toXmlText(name).replace(/[\r\n]+/g, ' ')).map((name) => ({ term: name, name })),
    });
  }
  return withLanguage(escapeCategoryAttributes(feed.atom1()), options.language) + '\n';
}

/** Gives the feed its language, `xml:lang` on its root (RFC 4287 §2), which the feed package leaves out. */
function withLanguage(xml: string, language: string): string {
  return xml.replace('<feed ', `<feed xml:lang="${escapeHtml(language)}" `);
}

/**
 * The feed package escapes `&` and `"` in attribute values but not `<`, which XML forbids there
 * (XML 1.0 §3.1): a tag such as `C<3` would break the feed. Categories are the only attributes
 * that carry contributors' text, each written on a line of its own.
 */
function escapeCategoryAttributes(xml: string): string {
  return xml.replace(/^(\s*<category )(.*)(\/>)$/gm, (_line, start: string, attributes: string, end: string) => start + attributes.replace(/</g, '&lt;').replace(/>/g, '&gt;') + end);
}

/** The feed-level options every format shares. */
export function channel(entries: readonly FeedEntry[], options: FeedOptions, format: 'atom' | 'rss') {
  return {
    id: options.siteUrl,
    title: toXmlText(options.title),
    // RSS 2.0 requires a channel description: a webzine without one is described by its title.
    description: toXmlText(options.description || options.title),
    link: options.siteUrl,
    feedLinks: { [format]: options.selfUrl },
    language: options.language,
    updated: newest(entries),
    generator: 'mimeo',
  };
}

/** The newest `updated` date of the entries; the Unix epoch for a feed with no entry yet. */
export function newest(entries: readonly FeedEntry[]): Date {
  const dates = entries.map((entry) => entry.updated).sort();
  return toDate(dates[dates.length - 1] ?? '1970-01-01');
}

/** A `YYYY-MM-DD` date (midnight UTC) or an ISO 8601 timestamp as a Date. */
export function toDate(date: string): Date {
  return new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
}
