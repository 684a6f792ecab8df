import type { Site } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { absoluteUrl } from './url.js';

/** `sitemap.xml` (sitemaps.org protocol 0.9): every HTML page, with the date of its issue. */
export function renderSitemap(site: Site, baseUrl: string): OutputFile {
  const day = (iso: string | undefined) => iso?.slice(0, 10);
  const entries: Array<{ route: string; date?: string | undefined }> = [{ route: '', date: day(site.issues[0]?.updated) }, { route: 'authors/' }];
  for (const issue of site.issues) {
    entries.push({ route: issue.route, date: day(issue.updated) });
    for (const article of issue.articles) entries.push({ route: article.route, date: [issue.date, day(article.modified)].filter(Boolean).sort().pop() });
  }
  for (const page of site.pages) entries.push({ route: page.route, date: day(page.modified) });
  entries.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
  const urls = entries.map(({ route, date }) => {
    const lastmod = date ? `<lastmod>${date}</lastmod>` : '';
    return `  <url><loc>${escapeXml(absoluteUrl(baseUrl, route))}</loc>${lastmod}</url>\n`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('')}</urlset>\n`;
  return { path: 'sitemap.xml', bytes: xml, source: 'content/site.yml' };
}

/** `robots.txt`: everything may be crawled; the sitemap is named. */
export function renderRobots(baseUrl: string): OutputFile {
  return { path: 'robots.txt', bytes: `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(baseUrl, 'sitemap.xml')}\n`, source: 'content/site.yml' };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
