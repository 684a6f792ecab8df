import type { Site, SiteDocument } from '../model/types.js';

/** Generated pages a root-relative link may point to without a document behind them. */
export const generatedRoutes = new Set(['', 'authors/', 'atom.xml', 'rss.xml', 'sitemap.xml', 'robots.txt', '404.html']);

/** What link resolution looks things up in, built once per site. */
export interface Index {
  site: Site;
  assetsByPath: Map<string, string>;
  assetsByOutput: Set<string>;
  documentsByRoute: Map<string, SiteDocument>;
  issueFolders: Map<string, string>;
  knownPaths: string[];
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
  return {
    site,
    assetsByPath,
    assetsByOutput: new Set(site.assets.map((asset) => asset.output)),
    documentsByRoute,
    issueFolders,
    knownPaths: [...site.documents.keys(), ...assetsByPath.keys()],
  };
}
