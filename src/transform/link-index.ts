import type { Site, SiteDocument } from '../model/types.js';
import { tagsOf, tagsRoute, toTagSlug } from '../model/tags.js';

/** Generated pages of every site a root-relative link may point to without a document behind them. */
const generatedRoutes = ['', 'authors/', 'atom.xml', 'rss.xml', 'sitemap.xml', 'robots.txt', '404.html'];

/** What link resolution looks things up in, built once per site. */
export interface Index {
  site: Site;
  assetsByPath: Map<string, string>;
  assetsByOutput: Set<string>;
  documentsByRoute: Map<string, SiteDocument>;
  /** The generated pages of the site, without the edition's prefix: the fixed ones, and the tags index and tag pages when it has tags. */
  generated: Set<string>;
  issueFolders: Map<string, string>;
  knownPaths: string[];
}

/**
 * The routes of the tag pages a link may lead to, without the edition's prefix. With drafts, those
 * of every article `site.documents` holds: the index a draft's links are checked against (see
 * `resolveLinks`) adds the drafts a build leaves out to the documents, not to the issues, and a
 * draft's link to the page of a tag only drafts have is one the build that publishes it writes.
 */
function tagRoutes(site: Site): string[] {
  if (!site.drafts) return tagsOf(site).map((tag) => tag.route.slice(site.prefix.length));
  const articles = [...site.documents.values()].filter((document) => document.kind === 'article');
  return [...new Set(articles.flatMap((article) => article.tags.map((tag) => `${tagsRoute('')}${toTagSlug(tag)}/`)))];
}

/** What resolving the links of `site` looks up: its documents by address, its copied files, its issue folders. */
export function indexSite(site: Site): Index {
  const documentsByRoute = new Map<string, SiteDocument>();
  const issueFolders = new Map<string, string>();
  for (const document of site.documents.values()) {
    documentsByRoute.set(document.route.slice(site.prefix.length), document);
    if (document.kind === 'issue') issueFolders.set(document.folder, document.key);
  }
  const assetsByPath = new Map(site.assets.map((asset) => [asset.path, asset.output]));
  const tags = tagRoutes(site);
  const generated = new Set([...generatedRoutes, ...(tags.length > 0 ? [tagsRoute('')] : []), ...tags]);
  return {
    site,
    assetsByPath,
    assetsByOutput: new Set(site.assets.map((asset) => asset.output)),
    documentsByRoute,
    generated,
    issueFolders,
    knownPaths: [...site.documents.keys(), ...assetsByPath.keys()],
  };
}
