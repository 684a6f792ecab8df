import type { Site } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { sitemapPartName } from '../../util/sitemap-files.js';
import { absoluteUrl } from './url.js';
import { isDraftTag, tagsOf, tagsRoute } from '../../model/tags.js';
import { escapeHtml } from '../escape-html.js';
import { findFallbacks, isFallback, languageVersions } from './language-versions.js';

/** The most URLs one sitemap file may list (sitemaps.org protocol 0.9, "Using Sitemap index files"). */
export const maxSitemapUrls = 50_000;

/** The most bytes one sitemap file may hold, uncompressed: 50 MiB (sitemaps.org protocol 0.9). */
export const maxSitemapBytes = 52_428_800;

/** How much one sitemap file may hold. */
export interface SitemapLimits {
  /** The most `<url>` entries in one file (default: {@link maxSitemapUrls}). */
  urls: number;
  /** The most bytes of one file, in UTF-8 (default: {@link maxSitemapBytes}). */
  bytes: number;
}

interface Entry {
  /** The page's route in the original edition; every edition has it under its prefix. */
  route: string;
  date?: string | undefined;
}

/** One `<url>` of a sitemap, as written, with its `lastmod`. */
interface Listed {
  xml: string;
  date?: string | undefined;
}

const xmlDeclaration = '<?xml version="1.0" encoding="UTF-8"?>\n';
const sitemapsNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/**
 * The sitemap (sitemaps.org protocol 0.9): every HTML page of every edition but drafts, pages
 * that show a draft translation and fallback pages (an edition's copies of what is not translated
 * yet, see `findFallbacks`), with its date in that edition (a translation's own), and its
 * versions in other languages as `xhtml:link` alternates (as search engines read them), the same
 * as the page's own `<link rel="alternate" hreflang>`. One `sitemap.xml` while its entries fit
 * in one file (`limits`); else `sitemap.xml` is an index of parts (`sitemap-1.xml`, …), filled in
 * the entries' order, each `<url>` whole with its alternates.
 */
export function renderSitemaps(editions: readonly Site[], baseUrl: string, limits: SitemapLimits = { urls: maxSitemapUrls, bytes: maxSitemapBytes }): OutputFile[] {
  const listed = listedUrls(editions, baseUrl);
  const open = `${xmlDeclaration}<urlset xmlns="${sitemapsNamespace}"${editions.length < 2 ? '' : ' xmlns:xhtml="http://www.w3.org/1999/xhtml"'}>\n`;
  const close = '</urlset>\n';
  const parts = splitEntries(listed, limits, byteLength(open) + byteLength(close));
  const urlset = (part: readonly Listed[]) => open + part.map((url) => url.xml).join('') + close;
  if (parts.length === 1) return [{ path: 'sitemap.xml', bytes: urlset(parts[0]!), source: 'content/site.yml' }];
  const files = parts.map((part, index) => ({ path: sitemapPartName(index + 1), bytes: urlset(part), source: 'content/site.yml' }));
  // Each part's lastmod is its newest entry's, so a crawler fetches again only the parts that changed.
  const entries = parts.map((part, index) => {
    const newest = part.reduce<string | undefined>((latest, url) => (url.date !== undefined && (latest === undefined || url.date > latest) ? url.date : latest), undefined);
    return `  <sitemap><loc>${escapeHtml(absoluteUrl(baseUrl, sitemapPartName(index + 1)))}</loc>${newest ? `<lastmod>${newest}</lastmod>` : ''}</sitemap>\n`;
  });
  const index = `${xmlDeclaration}<sitemapindex xmlns="${sitemapsNamespace}">\n${entries.join('')}</sitemapindex>\n`;
  return [{ path: 'sitemap.xml', bytes: index, source: 'content/site.yml' }, ...files];
}

/** The paths of the files {@link renderSitemaps} writes, for what must know them before (`mimeo dev`'s dependency graph). */
export function sitemapPaths(editions: readonly Site[], baseUrl: string, limits?: SitemapLimits): string[] {
  return renderSitemaps(editions, baseUrl, limits).map((file) => file.path);
}

/** Every `<url>` of the sitemap, edition by edition, each by route. */
function listedUrls(editions: readonly Site[], baseUrl: string): Listed[] {
  const listed: Listed[] = [];
  const fallbacks = findFallbacks(editions);
  for (const edition of editions) {
    for (const { route, date } of pagesOf(edition)) {
      if (isFallback(fallbacks, edition.language, route)) continue;
      const lastmod = date ? `<lastmod>${date}</lastmod>` : '';
      const alternates = languageVersions(editions, fallbacks, route)
        .map((other) => `<xhtml:link rel="alternate" hreflang="${other.language}" href="${escapeHtml(absoluteUrl(baseUrl, other.prefix + route))}"/>`)
        .join('');
      listed.push({ xml: `  <url><loc>${escapeHtml(absoluteUrl(baseUrl, edition.prefix + route))}</loc>${lastmod}${alternates}</url>\n`, date });
    }
  }
  return listed;
}

/**
 * Fills files with entries in their order, a file taking the next entry while it stays within
 * `limits` (`frame`: the bytes of a file around its entries). An entry larger than a file on
 * its own still gets one: it is never cut. Always at least one file, empty for no entry.
 */
function splitEntries(listed: readonly Listed[], limits: SitemapLimits, frame: number): Listed[][] {
  const parts: Listed[][] = [[]];
  let bytes = frame;
  for (const url of listed) {
    const size = byteLength(url.xml);
    const part = parts.at(-1)!;
    if (part.length > 0 && (part.length >= limits.urls || bytes + size > limits.bytes)) {
      parts.push([url]);
      bytes = frame + size;
    } else {
      part.push(url);
      bytes += size;
    }
  }
  return parts;
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
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
  // A tag's page, and the index, that only drafts are on is a draft's.
  const tags = tagsOf(site).filter((tag) => !isDraftTag(tag));
  if (tags.length > 0) entries.push({ route: route(tagsRoute(site.prefix)) }, ...tags.map((tag) => ({ route: route(tag.route) })));
  return entries.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** `robots.txt`: everything may be crawled; the sitemap is named (the index, when it is one). */
export function renderRobots(baseUrl: string): OutputFile {
  return { path: 'robots.txt', bytes: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n`, source: 'content/site.yml' };
}
