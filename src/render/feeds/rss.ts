import { Feed } from 'feed';
import { channel, toDate, type FeedOptions } from './atom.js';
import type { FeedEntry } from './entries.js';
import { escapeHtml } from '../escape-html.js';
import { toXmlHtml, toXmlPlainText, toXmlText } from './xml-text.js';

/** An RSS 2.0 feed with the same entries as the Atom feed. */
export function renderRss(entries: readonly FeedEntry[], options: FeedOptions): string {
  const feed = new Feed(channel(entries, options, 'rss'));
  for (const entry of entries) {
    // RSS 2.0 titles are plain text, and <author> must be an e-mail address: the names are the
    // entry's Dublin Core creator, which feed readers show as its byline.
    feed.addItem({
      id: entry.id,
      title: toXmlPlainText(entry.title),
      link: options.entryUrl(entry),
      date: toDate(entry.published),
      ...(entry.summary ? { description: toXmlHtml(escapeHtml(entry.summary)) } : {}),
      content: toXmlHtml(entry.contentHtml),
      category: entry.categories.map((name) => ({ name: toXmlText(name) })),
      ...(entry.authors.length > 0 ? { extensions: [{ name: 'dc:creator', objects: { _text: toXmlText(entry.authors.map((author) => author.name).join(', ')) } }] } : {}),
    });
  }
  return feed.rss2() + '\n';
}
