import type { Site } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { absoluteUrl } from './url.js';
import { escapeHtml } from '../escape-html.js';
import { findFallbacks, isFallback, languageVersions } from './language-versions.js';

interface Entry {
  /** The page's route in the original edition; every edition has it under its prefix. */
  route: string;
  date?: string | undefined;
}

/**
 * `sitemap.xml` (sitemaps.org protocol 0.9): every HTML page of every edition but drafts, pages
 * that show a draft translation and fallback pages (an edition's copies of what is not translated
 * yet, see `findFallbacks`), with its date in that edition (a translation's own), and its
 * versions in other languages as `xhtml:link` alternates (as search engines read them), the same
 * as the page's own `<link rel="alternate" hreflang>`.
 */
export function renderSitemap(editions: readonly Site[], baseUrl: string): OutputFile {
  const urls: string[] = [];
  const fallbacks = findFallbacks(editions);
  for (const edition of editions) {
    for (const { route, date } of pagesOf(edition)) {
      if (isFallback(fallbacks, edition.language, route)) continue;
      const lastmod = date ? `<lastmod>${date}</lastmod>` : '';
      const alternates = languageVersions(editions, fallbacks, route)
        .map((other) => `<xhtml:link rel="alternate" hreflang="${other.language}" href="${escapeHtml(absoluteUrl(baseUrl, other.prefix + route))}"/>`)
        .join('');
      urls.push(`  <url><loc>${escapeHtml(absoluteUrl(baseUrl, edition.prefix + route))}</loc>${lastmod}${alternates}</url>\n`);
    }
  }
  const namespaces = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${editions.length < 2 ? '' : ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'}`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${namespaces}>\n${urls.join('')}</urlset>\n`;
  return { path: 'sitemap.xml', bytes: xml, source: 'content/site.yml' };
}

/** The pages of an edition, by their route in the original edition, with their dates in this one. */
function pagesOf(site: Site): Entry[] {
  const day = (iso: string | undefined) => iso?.slice(0, 10);
  const route = (own: string) => own.slice(site.prefix.length);
  const entries: Entry[] = [{ route: '', date: day(site.issues[0]?.updated) }, { route: 'authors/' }];
  // Drafts (in a build with drafts: a preview, a staging site) are not offered to search engines,
  // nor is a page that shows a translation with `draft: true`. An article of a draft issue is a
  // draft itself (`assembleSite`); an issue whose editorial translation is a draft is not, and
  // its published articles are listed (README, Translations).
  for (const issue of site.issues) {
    if (!issue.draft) entries.push({ route: route(issue.route), date: day(issue.updated) });
    for (const article of issue.articles) {
      if (!article.draft) entries.push({ route: route(article.route), date: [issue.date, day(article.modified)].filter(Boolean).sort().pop() });
    }
  }
  for (const page of site.pages) entries.push({ route: route(page.route), date: day(page.modified) });
  return entries.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** `robots.txt`: everything may be crawled; the sitemap is named. */
export function renderRobots(baseUrl: string): OutputFile {
  return { path: 'robots.txt', bytes: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n`, source: 'content/site.yml' };
}
