import type { Site, SiteDocument } from '../../model/types.js';
import type { LinkTarget } from '../../transform/link-target.js';
import { absoluteUrl, relativePath } from '../html/url.js';
import { tagsRoute } from '../../model/tags.js';

/** The capsule path of a document: `issues/3/` (its index.gmi), `issues/3/current.gmi`, `about.gmi`. */
export function capsuleRoute(document: SiteDocument): string {
  // The capsule mirrors the web's routes, edition prefix included: a folder page is a folder,
  // every other page a file (`issues/3/current/` → `issues/3/current.gmi`).
  return document.kind === 'issue' ? document.route : `${document.route.replace(/\/$/, '')}.gmi`;
}

/** The file a capsule route is written to: a folder route is its `index.gmi`. */
export function capsuleFile(route: string): string {
  return route === '' || route.endsWith('/') ? `${route}index.gmi` : route;
}

// Generated web pages that have a capsule twin; the others are linked on the web.
const generatedTwins: Record<string, string> = { '': '', 'authors/': 'authors.gmi', 'atom.xml': 'atom.xml' };

/**
 * The URL of a Markdown link on the capsule page in folder `from`: `.md` targets become `.gmi`,
 * a `#fragment` keeps only its page, a link to this very page is dropped (SPEC §3).
 */
export function capsuleHref(site: Site, baseUrl: string, from: string, self: string, url: string, target: LinkTarget | undefined): string | undefined {
  // A link written for the web without a scheme (`//host/x`) means https there, not gemini.
  if (!target) return url.startsWith('//') ? `https:${url}` : url;
  if (target.kind === 'removed') return undefined;
  if (target.kind === 'asset') return relativePath(from, target.output);
  const prefix = target.edition ?? site.prefix;
  if (target.kind === 'route') {
    // The tags index and tag pages are folders in both trees (see `renderCapsule`).
    const twin = target.route.startsWith(tagsRoute('')) ? target.route : generatedTwins[target.route];
    return twin === undefined ? absoluteUrl(baseUrl, prefix + target.route) : relativePath(from, prefix + twin);
  }
  if (target.path === self && target.edition === undefined) return undefined;
  const document = site.documents.get(target.path);
  if (!document) return undefined;
  return relativePath(from, capsuleRoute({ ...document, route: prefix + document.route.slice(site.prefix.length) }));
}
