import type { Report } from '../../diagnostics/diagnostic.js';
import type { Site } from '../../model/types.js';
import type { Theme } from '../../theme/theme.js';
import type { OutputFile } from '../../write/output-file.js';
import { renderSitemaps, renderRobots } from './sitemap.js';
import { isSitemapFile } from '../../util/sitemap-files.js';
import { pageSpecs, type PageSpec } from './page-specs.js';
import { renderRedirects } from './redirect-pages.js';
import { absoluteUrl, linkTo } from './url.js';
import { formatDate, menuView, siteTextLang, type PageScope } from './views.js';
import { editionTitle } from '../feeds/render-feeds.js';
import { findFallbacks, isFallback, languageVersions, type Fallbacks } from './language-versions.js';

/** Options of {@link renderWeb}. */
export interface WebOptions {
  /** The https address the site is published at, ending with a slash. */
  baseUrl: string;
  /** The "edit this page" URL of a source file, or `''`. */
  editUrl: (source: string) => string;
  /** The only output paths to render (default: all); copied files are always listed. */
  only?: ReadonlySet<string>;
}

/**
 * Renders one edition of the website: every HTML page through the theme; the original edition
 * also writes what the whole site shares (sitemap, robots.txt, 404 page, assets).
 */
export function renderWeb(site: Site, editions: readonly Site[], theme: Theme, options: WebOptions, report: Report): OutputFile[] {
  const strings = theme.strings(site.language);
  const outputs: OutputFile[] = [];
  const wanted = (path: string) => !options.only || options.only.has(path);
  const fallbacks = findFallbacks(editions);
  for (const spec of pageSpecs(site, strings, options.baseUrl)) {
    if (!wanted(spec.output ?? `${spec.route}index.html`)) continue;
    const scope: PageScope = { site, base: spec.base ?? { from: spec.route }, language: site.language, strings };
    const context = () => ({ ...pageContext(scope, spec, editions, fallbacks, theme, options), ...spec.view(scope) });
    const file = theme.renderFile(spec.template, context, { tree: 'web', path: spec.output ?? `${spec.route}index.html`, source: spec.source, page: `/${spec.output ?? spec.route}` });
    outputs.push(file);
  }
  // Pages at the documents' earlier addresses (front matter `aliases`), in every edition.
  const canonical = (route: string) => absoluteUrl(options.baseUrl, canonicalRoute(site, fallbacks, route));
  outputs.push(...renderRedirects(site, strings, theme.englishStrings(site.language), canonical, wanted));
  if (site.prefix !== '') return outputs;
  // The webzine's own files (static/ and the like) replace a theme's file of the same name, and
  // mimeo's robots.txt (a site that keeps some crawlers out), but not the hashed stylesheet, which
  // every page loads: a file of that name is a path/conflict (themes/default/README.md).
  const own = new Set(site.assets.map((asset) => asset.output));
  own.delete(theme.stylesheet);
  // The files of the sitemap are made together: an index's dates are its parts'.
  if (!options.only || [...options.only].some(isSitemapFile)) outputs.push(...renderSitemaps(editions, options.baseUrl));
  if (wanted('robots.txt') && !own.has('robots.txt')) outputs.push(renderRobots(options.baseUrl));
  outputs.push(...theme.assets.filter((asset) => !own.has(asset.path)));
  outputs.push(...site.assets.map((asset) => ({ path: asset.output, copyFrom: asset.absolutePath, source: asset.path })));
  return outputs;
}

/** What every template gets: the site, the page, the UI strings (themes/default/README.md). */
function pageContext(scope: PageScope, spec: PageSpec, editions: readonly Site[], fallbacks: Fallbacks, theme: Theme, options: WebOptions) {
  const { site, strings, language } = scope;
  const output = spec.output ?? spec.route;
  // The same page in every edition: the route without this edition's prefix, under each prefix.
  const shared = output.slice(site.prefix.length);
  const others = spec.output === '404.html' || editions.length < 2 ? [] : editions;
  // A fallback page is no language version of the original, nor has one (see `findFallbacks`).
  const alternates = isFallback(fallbacks, language, shared) ? [] : languageVersions(others, fallbacks, shared);
  return {
    site: { title: site.config.title, description: site.config.description ?? '', extra: site.config.extra, language, lang: siteTextLang(scope), menu: menuView(scope, spec.output === undefined ? spec.route : undefined) },
    page: {
      title: spec.title,
      description: spec.description || site.config.description || '',
      // The 404 page is served at every address that has no page: it is the canonical form of none.
      canonical: spec.output === '404.html' ? '' : absoluteUrl(options.baseUrl, canonicalRoute(site, fallbacks, output)),
      url: spec.output === '404.html' ? '' : absoluteUrl(options.baseUrl, output),
      stylesheet: linkTo(scope.base, theme.stylesheet),
      root: linkTo(scope.base, ''),
      lang: language,
      textLang: spec.lang && spec.lang !== language ? spec.lang : '',
      draft: spec.draft ?? false,
      editUrl: spec.editable === false ? '' : options.editUrl(spec.source),
      lastChange: spec.modified ? { date: spec.modified.slice(0, 10), dateText: formatDate(spec.modified.slice(0, 10), language) } : '',
      feeds: [
        { type: 'application/atom+xml', title: `${editionTitle(site, theme)} (${strings['feed_atom'] ?? 'Atom feed'})`, url: linkTo(scope.base, `${site.prefix}atom.xml`) },
        { type: 'application/rss+xml', title: `${editionTitle(site, theme)} (${strings['feed_rss'] ?? 'RSS feed'})`, url: linkTo(scope.base, `${site.prefix}rss.xml`) },
      ],
      alternates: alternates.map((edition) => ({ lang: edition.language, url: absoluteUrl(options.baseUrl, edition.prefix + shared) })),
      translations: others.map((edition) => ({
        lang: edition.language,
        name: theme.strings(edition.language)['language_name'] ?? edition.language,
        url: linkTo(scope.base, edition.prefix + shared),
        current: edition.language === language,
      })),
    },
    strings,
  };
}


/** The route of the page search engines are to list for an edition's page at `route`: the original's for a fallback page, else its own. */
function canonicalRoute(site: Site, fallbacks: Fallbacks, route: string): string {
  const shared = route.slice(site.prefix.length);
  return isFallback(fallbacks, site.language, shared) ? shared : route;
}
