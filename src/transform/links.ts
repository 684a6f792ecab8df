import path from 'node:path/posix';
import type { Resource } from '../compile/compiled.js';
import { didYouMeanAnchor } from '../diagnostics/did-you-mean.js';
import type { Place, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Site, SiteDocument } from '../model/types.js';
import { translationSuffix } from '../model/classify.js';
import { configPlace, menuUrlWrong } from '../load/site-files.js';
import { reportAnchor, reportHeldBackAnchor, type AnchorProblem } from './link-anchors.js';
import { indexSite, type Index } from './link-index.js';
import { hasTags, tagsRoute } from '../model/tags.js';
import { suggestPath } from './link-suggestions.js';
import { isUnsafeUrl, linkSchemes, queryOf, removedScheme, schemeOf, splitLink, splitSitePath, urlSuffix, type LinkTarget } from './link-target.js';

// The file site.yml's relative links (its `menu` urls) are read from, as a Markdown file's are from it.
const siteFile = 'content/site.yml';

/**
 * Resolves every relative and root-relative link and image of every document to its target
 * (stored in the body's `targets` for the renderers), and reports those that lead nowhere,
 * outside the content, to a missing anchor, or to a draft (SPEC §2).
 */
export function resolveLinks(site: Site, report: Report, options: { checkDrafts?: boolean } = {}): void {
  const index = indexSite(site);
  // With `checkDrafts` (`mimeo check`), a draft this build leaves out is checked all the same, as
  // the build that publishes it will see it: with its issue's files, free to link to other
  // drafts. A contributor's pull request into the coming issue is checked now, not once the
  // issue is dated. A build that leaves drafts out does not: a draft in the works never keeps
  // the published issues from being built.
  // A translation held back (`draft: true`) is checked likewise, in the edition that shows it.
  // Such a build shows its other drafts, but a document with its own `draft: true` stays out of
  // it: a link to one is reported now, as that build will (but from a draft of the same kind).
  let draftIndex: Index | undefined;
  const heldBack = site.heldBack ?? [];
  const withDrafts = () => {
    const documents = new Map([...site.documents, ...heldBack.map((document) => [document.key, document] as const)]);
    return indexSite({ ...site, drafts: true, documents, assets: [...site.assets, ...site.draftAssets] });
  };
  // The menu of site.yml, the same in every edition: resolved in the original (see `resolveEditionLinks`).
  if (site.prefix === '') resolveMenu(index, report);
  for (const document of [...site.documents.values(), ...heldBack]) {
    // An untranslated document in a translated edition shares its body with the original, resolved there.
    if (document.lang !== site.language) continue;
    const leftOut = !site.drafts && document.draft;
    if (leftOut && !options.checkDrafts) continue;
    const seen = leftOut ? (draftIndex ??= withDrafts()) : index;
    const publishing = leftOut && !document.markedDraft && !document.markedDraftTranslation;
    const { body } = document;
    body.targets = body.resources.map((resource) => resolveResource(resource, document, seen, report, publishing));
  }
}

/**
 * Resolves the links of every edition, the original first ({@link resolveLinks}). site.yml's menu
 * is the original's, checked against its pages: every edition takes its targets, which lead to
 * the edition's own page (to its top when a translation lacks the heading, see `hrefFor`).
 */
export function resolveEditionLinks(editions: readonly Site[], report: Report, options: { checkDrafts?: boolean } = {}): void {
  for (const edition of editions) resolveLinks(edition, report, options);
  const menuTargets = editions[0]?.menuTargets;
  for (const edition of editions) edition.menuTargets = menuTargets;
}

/**
 * Resolves the links of one document of `site` again (its body changed, nothing else did: the
 * other documents' links, and what they report, stay as they were).
 */
export function resolveDocumentLinks(site: Site, document: SiteDocument, report: Report): void {
  const index = indexSite(site);
  document.body.targets = document.body.resources.map((resource) => resolveResource(resource, document, index, report));
}

/**
 * Resolves each entry of site.yml's `menu` into `site.menuTargets`, and reports those that lead
 * nowhere (a url must be a path of the site, a file of content/ or an address with a scheme) and
 * those that lead where another entry of the menu does, which would show it twice.
 */
function resolveMenu(index: Index, report: Report): void {
  const { site } = index;
  // The entries every menu has before site.yml's (see `menuView`), by where they lead.
  const shown = new Map<string, MenuNeighbour>([[destinationOf({ kind: 'route', route: '' }), { other: "the menu's own link to the home page", kind: 'always' }]]);
  for (const page of site.pages.filter((p) => p.menu)) shown.set(destinationOf({ kind: 'document', path: page.key }), { other: `the page ${page.key} (menu: true)`, kind: 'page', file: page.key });
  shown.set(destinationOf({ kind: 'route', route: 'authors/' }), { other: "the menu's own link to the authors page", kind: 'always' });
  if (hasTags(site)) shown.set(destinationOf({ kind: 'route', route: tagsRoute('') }), { other: "the menu's own link to the tags index", kind: 'always' });
  site.menuTargets = site.config.menu.map(({ url: written }, item) => {
    // A url of the wrong type was reported as such: nothing leads anywhere to check.
    if (menuUrlWrong(site.config, item)) return undefined;
    const url = written.trim();
    const place = configPlace(site.config, ['menu', item, 'url']);
    const target = resolveMenuUrl(url, index, place, report);
    const destination = target ? destinationOf(target) : elsewhere.test(url) ? `url:${url}` : undefined;
    if (destination === undefined) return target;
    const before = shown.get(destination);
    if (before) reportRule(report, 'site-config/menu-duplicate', { ...place, ...(before.file ? { related: [before.file] } : {}) }, { key: `menu.${item}.url`, other: before.other, kind: before.kind });
    else shown.set(destination, { other: `item ${item + 1} of "menu"`, kind: 'entry' });
    return target;
  });
}

/** An entry already in the menu, as a message names it: a page with `menu: true` by its file. */
interface MenuNeighbour {
  other: string;
  kind: 'always' | 'page' | 'entry';
  file?: string;
}

// An address elsewhere: with a scheme (site.yml's schema lets only safe ones through) or `//host/`.
const elsewhere = /^([a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * Where a `menu` url leads: a path of the site (`/about/#history`) or a file of content/
 * (`pages/about.md#history`, read from content/ as site.yml's links), or `undefined` for an
 * address elsewhere (`https:`, `mailto:`, `//host/`, left as written) and for one reported here.
 */
function resolveMenuUrl(url: string, index: Index, place: Place, report: Report): LinkTarget | undefined {
  if (elsewhere.test(url)) return undefined;
  const inSite = splitSitePath(url);
  const resolution = inSite ? fromRoute(inSite.path, inSite.anchor, inSite.rest, index) : fromSiteFile(url, index);
  if (resolution.problem === undefined) {
    const linked = resolution.target.kind === 'document' ? index.site.documents.get(resolution.target.path) : undefined;
    if (linked && linked.draft && !index.site.drafts) reportRule(report, 'link/draft-target', place, { url, ...draftCause(linked, index) });
    return resolution.target;
  }
  if (resolution.problem === 'outside') reportRule(report, 'path/outside-root', place, { url });
  else if (resolution.problem === 'anchor') reportRule(report, 'link/missing-anchor', place, { url, anchor: resolution.anchor, suggestion: didYouMeanAnchor(resolution.anchor, resolution.anchors) });
  else if (resolution.problem === 'missing' && inSite) reportRule(report, 'link/missing-target', place, { url, suggestion: suggestPath(url, undefined, index) });
  else if (resolution.problem === 'missing') reportRule(report, 'site-config/menu-url', place, { url, suggestion: suggestMenuUrl(url, index) });
  return undefined;
}

/** A relative url of site.yml, read from its folder (content/) as a Markdown file's links are from theirs. */
function fromSiteFile(url: string, index: Index): Resolution {
  const { path: rawPath, anchor, rest } = splitLink(url);
  const joined = rawPath === '' ? '' : joinedPath(siteFile, rawPath);
  // `.` is content/ itself: no file of it, and not outside it either.
  return joined === '' || joined === 'content' ? { problem: 'missing' } : fromFile(joined, anchor, rest, index);
}

/** What a `menu` url that is neither a path of the site nor a file of content/ was meant to be. */
function suggestMenuUrl(url: string, index: Index): string | undefined {
  // A path of the site written without its leading slash (`about/`, `about`): its address.
  const inSite = splitLink(url).path === '' ? undefined : splitSitePath(`/${url}`);
  const resolution = inSite ? fromRoute(inSite.path, inSite.anchor, inSite.rest, index) : undefined;
  if (resolution && resolution.problem === undefined) {
    const { target } = resolution;
    const route = target.kind === 'document' && !target.edition ? index.site.documents.get(target.path)?.route : undefined;
    return route === undefined ? `/${url}` : `/${route}${url.slice(url.search(/[?#]|$/))}`;
  }
  // Else a file of content/ misspelt (`pages/abuot.md#history`), its anchor kept as written (by suggestPath).
  return suggestPath(url, siteFile, index);
}

/** Where a target leads, as one string: two menu entries that lead to the same place give the same. */
function destinationOf(target: LinkTarget): string {
  if (target.kind === 'document') return `${target.edition ?? ''}:document:${target.path}${target.query ?? ''}#${target.anchor ?? ''}`;
  if (target.kind === 'route') return `${target.edition ?? ''}:route:${target.route}${target.query ?? ''}#${target.anchor ?? ''}`;
  if (target.kind === 'asset') return `asset:${target.output}${target.suffix ?? ''}`;
  return 'removed';
}

/**
 * Resolves one link or image of `document`. With `publishing` (default: no), `index` is a build
 * with drafts that checks a draft as the build publishing it will: a link to a document with its
 * own `draft: true`, which that build leaves out, is reported as such.
 */
function resolveResource(resource: Resource, document: SiteDocument, index: Index, report: Report, publishing = false): LinkTarget | undefined {
  const url = resource.url.trim();
  const place = { file: document.path, line: resource.line, column: resource.column };
  if (url === '' || /^\/\//.test(url)) return undefined;
  if (schemeOf(url) !== undefined) return checkScheme(resource, url, index.site, place, report);
  const target = findTarget(url, document, index);
  if (target.problem === undefined) {
    const linked = target.target.kind === 'document' ? index.site.documents.get(target.target.path) : undefined;
    if (linked && linked.draft && !index.site.drafts) reportRule(report, 'link/draft-target', place, { url, ...draftCause(linked, index) });
    else if (linked && linked.markedDraft && publishing) reportRule(report, 'link/draft-target', place, { url, marked: linked.key });
    reportHeldBackAnchor(url, target.target, index.site, place, report);
    return target.target;
  }
  if (target.problem === 'failed') return undefined;
  if (target.problem === 'outside') reportRule(report, 'path/outside-root', place, { url });
  else if (target.problem === 'anchor') return reportAnchor(url, target, index.site, place, report);
  else if (resource.type === 'image') reportRule(report, 'asset/missing', place, { url, suggestion: suggestPath(url, document.path, index, true) });
  else reportRule(report, 'link/missing-target', place, { url, suggestion: suggestPath(url, document.path, index) });
  return undefined;
}

/**
 * An address elsewhere, left as written, or `removed` when the web page leaves it out: one that
 * could run code, or (but with `markdown.html: trust`) one of a scheme the sanitizer does not let
 * through; the page shows the link's text, or the image's alt text, and the capsule does too.
 */
function checkScheme(resource: Resource, url: string, site: Site, place: Place, report: Report): LinkTarget | undefined {
  const shown = url.length > 40 ? `${url.slice(0, 39)}…` : url;
  const image = resource.type === 'image' || resource.images === true;
  if (isUnsafeUrl(url)) {
    if (image) reportRule(report, 'image/unsupported-url', place, { url: shown, scheme: schemeOf(url) ?? '' });
    else reportRule(report, 'link/unsafe-url', place, { url: shown });
    return { kind: 'removed' };
  }
  // A definition serves a link or an image: it is checked as an image's address when only images use it.
  const scheme = site.config.markdown.html === 'trust' ? undefined : removedScheme(url, image ? 'image' : 'link');
  if (scheme === undefined) return undefined;
  if (image) reportRule(report, 'image/unsupported-url', place, { url: shown, scheme });
  else reportRule(report, 'link/unknown-scheme', place, { url: shown, scheme, schemes: linkSchemes });
  return { kind: 'removed' };
}

type Resolution =
  | { problem?: undefined; target: LinkTarget }
  | { problem: 'outside' | 'missing' | 'failed' }
  | AnchorProblem;

function findTarget(url: string, document: SiteDocument, index: Index): Resolution {
  const { path: rawPath, anchor, rest } = splitLink(url);
  if (rawPath === '') return toDocument(document, anchor, rest);
  if (rawPath.startsWith('/')) return fromRoute(rawPath.slice(1), anchor, rest, index);
  return fromFile(joinedPath(document.path, rawPath), anchor, rest, index);
}

/** The document, issue folder or copied file at `joined`, the path from the root a relative link names. */
function fromFile(joined: string, anchor: string | undefined, rest: string, index: Index): Resolution {
  if (!joined.startsWith('content/')) return { problem: 'outside' };
  // A link to a translation (`10-news.fr.md`) means the document, in the edition being built.
  const resolved = joined.replace(/\/$/, '').replace(translationSuffix, (suffix) => (index.site.editions.some((e) => suffix === `.${e.language}.md`) ? '.md' : suffix));
  const linked = index.site.documents.get(resolved) ?? index.site.documents.get(index.issueFolders.get(resolved) ?? '');
  if (linked) return toDocument(linked, anchor, rest);
  const output = index.assetsByPath.get(resolved);
  if (output !== undefined) return { target: toAsset(output, rest) };
  if (index.site.failed.has(resolved)) return { problem: 'failed' };
  return { problem: 'missing' };
}

/** A copied file as a target: a reader's viewer may read its `?query#fragment` (a PDF's `#page=3`). */
function toAsset(output: string, rest: string): LinkTarget {
  return rest === '' ? { kind: 'asset', output } : { kind: 'asset', output, suffix: urlSuffix(rest) };
}

function fromRoute(route: string, anchor: string | undefined, rest: string, index: Index): Resolution {
  // A root-relative link may name another edition (`/fr/about/`): it leads there, whatever page it is on.
  const edition = index.site.editions.find((place) => place.prefix !== '' && (route === place.prefix.slice(0, -1) || route.startsWith(place.prefix)));
  const inEdition = edition ? route.slice(edition.prefix.length) : route;
  const named = edition ? { edition: edition.prefix } : {};
  const candidates = [inEdition, inEdition.endsWith('/') || inEdition === '' ? inEdition : `${inEdition}/`, inEdition.replace(/index\.html$/, '')];
  for (const candidate of candidates) {
    const linked = index.documentsByRoute.get(candidate);
    if (linked) {
      const resolution = toDocument(linked, edition ? undefined : anchor, rest);
      // Anchors of another edition's pages are that edition's; they are not checked here.
      return resolution.problem === undefined && edition ? { target: { ...resolution.target, ...named, ...(anchor ? { anchor } : {}) } as LinkTarget } : resolution;
    }
    if (!edition && index.assetsByOutput.has(candidate)) return { target: toAsset(candidate, rest) };
    if (index.generated.has(candidate)) return { target: { kind: 'route', route: candidate, ...named, ...(anchor ? { anchor } : {}), ...withQuery(rest) } };
  }
  return { problem: 'missing' };
}

/** `rawPath` read from the folder of the file `from`; documents of one folder link to the same few places. */
function joinedPath(from: string, rawPath: string): string {
  const folder = path.dirname(from);
  let byPath = joinedPaths.get(folder);
  if (!byPath) joinedPaths.set(folder, (byPath = new Map()));
  let joined = byPath.get(rawPath);
  if (joined === undefined) {
    joined = path.normalize(path.join(folder, rawPath));
    // Pure path arithmetic, kept from build to build (mimeo dev), within bounds.
    if (++joinedCount > 100_000) {
      joinedPaths.clear();
      joinedCount = 0;
    }
    byPath.set(rawPath, joined);
  }
  return joined;
}

const joinedPaths = new Map<string, Map<string, string>>();
let joinedCount = 0;

/** A document as a target; `rest`, the link's `?query#fragment`, keeps its query (for the server, or a reader's analytics) on the web and in the feeds. */
function toDocument(document: SiteDocument, anchor: string | undefined, rest: string): Resolution {
  if (anchor === undefined || anchor === '') return { target: { kind: 'document', path: document.key, ...withQuery(rest) } };
  const target: LinkTarget = { kind: 'document', path: document.key, anchor, ...withQuery(rest) };
  // In a translated edition the headings searched are the translation's, which the message names.
  // A link kept despite the missing heading leads to the top of the page (see `hrefFor`).
  if (!document.partial && !document.anchors.includes(anchor)) return { problem: 'anchor', document, anchor, anchors: document.anchors, atTop: target };
  return { target };
}

/**
 * Why a linked document is a draft, for the hint: the file whose `draft: true` makes it one (the
 * article's own, or its issue's), or none when it is an issue without a date or an article in one.
 */
function draftCause(linked: SiteDocument, index: Index): { marked?: string } {
  const issue = linked.kind === 'article' ? [...index.site.documents.values()].find((document) => document.kind === 'issue' && document.number === linked.issueNumber) : linked;
  if (issue?.kind === 'issue' && issue.draft) return issue.date === undefined ? {} : { marked: issue.path };
  return { marked: linked.path };
}

function withQuery(rest: string): { query?: string } {
  const query = queryOf(rest);
  return query === undefined ? {} : { query };
}
