import type { Article, Issue, Site } from '../../model/types.js';
import { absoluteUrl } from '../html/url.js';
import { bodyHtml, fieldLang, inIssuePage, type PageScope } from '../html/views.js';
import { withoutHeadingAnchors } from '../html/heading-anchor.js';
import { textDirection } from '../html/text-direction.js';
import { escapeHtml } from '../escape-html.js';

/** One feed entry, the same for every feed format: a published issue. */
export interface FeedEntry {
  /** Stable for ever: the issue's permanent web address, never build time or position. */
  id: string;
  title: string;
  /** The issue's route, `issues/3/`, on the web and in the capsule alike. */
  route: string;
  summary: string;
  /** The whole issue as HTML, every URL absolute. */
  contentHtml: string;
  authors: Array<{ name: string; url?: string }>;
  categories: string[];
  /** Publication date, `YYYY-MM-DD`. */
  published: string;
  /** The newest date of the issue and of its files' last commits (ISO 8601, or `YYYY-MM-DD`). */
  updated: string;
}

/** Options of {@link toFeedEntries}. */
export interface EntryOptions {
  baseUrl: string;
  strings: Record<string, string>;
}

/** The feed entries of a site: one per issue of {@link selectFeedIssues}. */
export function toFeedEntries(site: Site, options: EntryOptions): FeedEntry[] {
  return selectFeedIssues(site).map((issue) => toEntry(site, issue, options));
}

/** The issues the feeds hold: published ones, newest first, at most `feed.limit` (SPEC §3). */
export function selectFeedIssues(site: Site): Issue[] {
  return site.issues.filter((issue) => !issue.draft && issue.date !== undefined).slice(0, site.config.feed.limit);
}

/**
 * An entry's content, in a `div` with the edition's `lang` and `dir="rtl"` when its language is
 * written from right to left: feed readers show content in their own pages, where the feed's
 * `xml:lang` (RFC 4287 §2) or `<language>` sets no direction, so Arabic would run from the left.
 * Left-to-right content is left as it is, so the entries of existing feeds do not change for it
 * (names in bylines are isolated, `<bdi>`, which changed every entry with authors once).
 */
function inEditionDirection(language: string, html: string): string {
  return textDirection(language) === 'rtl' ? `<div lang="${escapeHtml(language)}" dir="rtl">\n${html}</div>` : html;
}

/**
 * The issue's cover as its page shows it, first in the entry (README: the whole issue is the
 * content): the image at its absolute URL, with its alt text, in that text's language when it is
 * not the edition's (a translation lacking it shows the original's), and its caption.
 */
function coverHtml(scope: PageScope, issue: Issue, options: EntryOptions): string {
  if (!issue.cover) return '';
  const lang = fieldLang(scope, issue, 'coverAlt');
  const marked = lang ? ` lang="${escapeHtml(lang)}" dir="${textDirection(lang)}"` : '';
  const caption = `${escapeHtml(options.strings['cover_of'] ?? 'Cover of')} ${escapeHtml(options.strings['issue_number'] ?? 'No.')}&nbsp;${issue.number}`;
  return `<figure><img src="${escapeHtml(absoluteUrl(options.baseUrl, issue.cover))}" alt="${escapeHtml(issue.coverAlt ?? '')}"${marked}><figcaption>${caption}</figcaption></figure>`;
}

function toEntry(site: Site, issue: Issue, options: EntryOptions): FeedEntry {
  const url = absoluteUrl(options.baseUrl, issue.route);
  const scope: PageScope = { site, base: { from: issue.route }, language: site.language, strings: options.strings };
  // Feed readers have no stylesheet to hide the headings' anchor links.
  // A text not translated yet, in an edition's feed, says which language it is in, as its page does.
  const lang = (document: Issue | Article) => (document.lang === site.language ? '' : ` lang="${escapeHtml(document.lang)}" dir="${textDirection(document.lang)}"`);
  const body = (document: Issue | Article) => {
    const html = withoutHeadingAnchors(bodyHtml(scope, document, { ...inIssuePage(document), absoluteBase: url }).toString());
    return lang(document) === '' ? html : `<div${lang(document)}>\n${html}</div>`;
  };
  const parts = [coverHtml(scope, issue, options), body(issue)].filter(Boolean);
  for (const article of issue.articles) {
    const articleUrl = absoluteUrl(options.baseUrl, article.route);
    // Each name isolated, as on the web pages: a Latin name keeps its order in an Arabic line.
    const byline = article.authors.length ? `<p>${escapeHtml(options.strings['by'] ?? 'By')} ${article.authors.map((a) => `<bdi>${escapeHtml(a.name)}</bdi>`).join(', ')}</p>\n` : '';
    parts.push(`<h2${lang(article)}><a href="${escapeHtml(articleUrl)}">${escapeHtml(article.title)}</a></h2>\n${byline}`);
    parts.push(body(article));
  }
  const people = new Map<string, { name: string; url?: string }>();
  for (const person of [...issue.editors, ...issue.articles.flatMap((a) => a.authors)]) {
    people.set(person.key, { name: person.name, ...(person.url ? { url: person.url } : {}) });
  }
  const date = issue.date!;
  return {
    id: url,
    title: `${options.strings['issue_number'] ?? 'No.'} ${issue.number}${options.strings['colon'] ?? ':'} ${issue.title}`,
    route: issue.route,
    summary: issue.summary ?? '',
    contentHtml: inEditionDirection(site.language, parts.join('\n')),
    authors: [...people.values()],
    categories: [...new Set(issue.articles.flatMap((a) => a.tags))].sort(),
    published: date,
    updated: issue.updated ?? date,
  };
}
