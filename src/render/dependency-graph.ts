import { createHash } from 'node:crypto';
import { hasTags, isDraftTag, tagsOf, tagsRoute, type Tag } from '../model/tags.js';
import type { Article, Issue, Page, Site, SiteDocument } from '../model/types.js';
import type { LinkTarget } from '../transform/link-target.js';
import { selectFeedIssues } from './feeds/entries.js';
import { capsuleFile, capsuleRoute } from './gemtext/capsule-urls.js';
import { capsuleRedirectOutputs } from './gemtext/redirect-pages.js';
import { documentsWithAliases, redirectOutputs } from './html/redirect-pages.js';
import { findFallbacks, languageVersions, type Fallbacks } from './html/language-versions.js';
import { sitemapPaths } from './html/sitemap.js';
import { hrefFor } from './html/views.js';

/**
 * What the outputs of a build are made of. `mimeo dev` compares two graphs to pick the outputs a
 * change affects, in every edition; `build()` keys each page of the original edition by the
 * fingerprints of its inputs ({@link inputsOf}). Inputs are named by key and fingerprinted from
 * the site model, so comparing two graphs tells what changed whatever the files on disk went
 * through. The keys of an edition's own inputs start with its prefix (`fr/issue:<key>`; none
 * for the original edition):
 *
 * - `site`: the edition's settings (site.yml, its language and prefix, the editions that language
 *   switchers list, the base URL), read by every output of the edition;
 * - `commit`: the build's commit and its date ("now" in templates), which every output may show
 *   (`build()` leaves it out of page keys: the theme knows which pages showed them, see `createTheme`);
 * - `menu`: the pages in the web navigation, with their titles, where site.yml's entries lead,
 *   and whether it links the tags index (every web page shows it);
 * - `pages`: every page with its title (the capsule's home page lists them);
 * - `page:<key>`: a page as its own outputs and the sitemap show it (title, dates, draft, a stale original);
 * - `authors`: every contributor, what authors.yml says of them and the id of their entry on the authors page;
 * - `tags`: every tag with its name, its count of articles and whether only drafts have it (the tags index, the sitemap);
 * - `tag:<slug>`: a tag's name and its articles as its page lists them (with their issues);
 * - `issue:<key>`: an issue and its articles as lists show them (titles, authors, dates, order, a stale original);
 * - `links:<key>`: where the links of a document's body lead in the edition (a link to a heading
 *   the edition's text of the page lacks leads to the top of that page);
 * - `body:<path>`: the text of one Markdown file, shared by every edition that shows it (an
 *   untranslated document is its original's file in every edition);
 * - `feed`: which issues the feeds hold;
 * - a page at an alias (front matter `aliases`) reads the `issue:` or `page:` input of its document;
 * - `asset:<path>`: a copied file whose output path is also a rendered page's (a conflict);
 * - `editions`: the dates and drafts of the other editions' pages, and which are fallback pages
 *   (not translated), which the sitemap shows too;
 * - `versions:<key>`: the languages a document's page is written in, its `hreflang` alternates
 *   and, in an edition that shows it untranslated, its canonical address (shared by every edition).
 *
 * A `<key>` is the original's path, the same in every edition. Theme files are not part of the
 * model: `theme:web`, `theme:gemini` and `theme:strings` are changed by the watcher's paths alone
 * (see `affected.ts`), and `build()` puts a hash of the whole theme in every page's key.
 */
export interface DependencyGraph {
  /** Fingerprint of each model input, by key. */
  inputs: ReadonlyMap<string, string>;
  /** Each rendered output, `web/<path>` or `gemini/<path>`, with the keys of the inputs it reads. */
  outputs: ReadonlyMap<string, readonly string[]>;
}

/** Options of {@link toDependencyGraph}. */
export interface GraphOptions {
  /** The base URL the build uses. */
  baseUrl: string;
  /** The content hash of a Markdown file's text, by path; `undefined` when unknown. */
  textHash: (path: string) => string | undefined;
  /** Every edition, the original's among them, when there are others (default: none). */
  editions?: readonly Site[] | undefined;
  /**
   * Whether the outputs of the other editions are named too (default: `false`, the original
   * edition's only: `build()` keys the other editions' pages by their whole context).
   */
  everyEdition?: boolean;
}

// Fields that lists and navigation never show: the body (fingerprinted as `body:`), the ids links
// may point to (what they change is `links:`) and the places of front matter values (only ever in diagnostics).
// A document's `age` (commits since it changed) grows with every commit; only which of an original
// and its translation changed last is shown, and that is on the translation.
const unlisted = new Set(['body', 'anchors', 'fields', 'age', 'aliasPlaces']);
// Fields of a site that are not its settings: its collections (inputs of their own) and its commit.
const notSettings = new Set(['issues', 'pages', 'authors', 'authorAnchors', 'documents', 'assets', 'failed', 'commit', 'committed']);

/** Builds the dependency graph of a site (the original edition): pure, and cheap next to rendering. */
export function toDependencyGraph(site: Site, options: GraphOptions): DependencyGraph {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, string[]>();
  inputs.set('commit', `${site.commit ?? ''} ${site.committed ?? ''}`);
  // A translation has dates of its own (from its file's history), and a draft of its own: the
  // sitemap leaves out the page of a translation with `draft: true` that a build with drafts shows.
  const others = (options.editions ?? []).filter((edition) => edition !== site);
  const fallbacks = findFallbacks([site, ...others]);
  inputs.set('editions', fingerprint([others.map((edition) => [edition.language, [...edition.documents.values()].map((document) => [document.route, document.modified ?? '', 'updated' in document ? (document.updated ?? '') : '', document.draft])]), fallbacks]));
  for (const document of listedDocuments(site)) inputs.set(versionsKey(document), fingerprint(versionsOf(document, [site, ...others], fallbacks)));
  const sitemaps = sitemapPaths(options.editions ?? [site], options.baseUrl);
  for (const edition of [site, ...(options.everyEdition ? others : [])]) {
    for (const document of listedDocuments(edition)) inputs.set(bodyKey(document), options.textHash(document.path) ?? fingerprint(document.body));
    addEdition(edition, options.baseUrl, sitemaps, inputs, outputs);
  }
  addAssetConflicts(site, inputs, outputs);
  return { inputs, outputs };
}

/** Adds the inputs of one edition, and its outputs with the keys of what each reads; `sitemaps`: the files of the sitemap, which the original edition writes. */
function addEdition(edition: Site, baseUrl: string, sitemaps: readonly string[], inputs: Map<string, string>, outputs: Map<string, string[]>): void {
  const keys = editionKeys(edition);
  const settings = Object.fromEntries(Object.entries(edition).filter(([key]) => !notSettings.has(key)));
  inputs.set(keys.site, fingerprint({ ...settings, baseUrl }));
  const menuPages = edition.pages.filter((page) => page.menu).map((page) => [page.title, page.route, page.lang]);
  inputs.set(keys.menu, fingerprint([hasTags(edition), menuPages, (edition.menuTargets ?? []).map((target) => target && hrefOf(edition, target))]));
  inputs.set(keys.pages, fingerprint(edition.pages.map((page) => [page.title, page.route])));
  for (const page of edition.pages) inputs.set(keys.page(page), fingerprint(page));
  inputs.set(keys.authors, fingerprint([...edition.authors, ...edition.authorAnchors]));
  // A tag's page reads its articles as it lists them; the index, every tag's name and count.
  const tags = tagsOf(edition);
  inputs.set(keys.tags, fingerprint(tags.map((tag) => [tag.slug, tag.name, tag.entries.length, isDraftTag(tag)])));
  for (const tag of tags) inputs.set(keys.tag(tag), fingerprint([tag.name, tag.entries.map(({ issue, article }) => [issue.number, issue.title, issue.date, issue.route, issue.lang, listedArticle(article)])]));
  const feedIssues = selectFeedIssues(edition);
  inputs.set(keys.feed, fingerprint(feedIssues.map((issue) => issue.key)));
  for (const issue of edition.issues) inputs.set(keys.issue(issue), fingerprint(issue));
  for (const document of listedDocuments(edition)) inputs.set(keys.links(document), linksFingerprint(edition, document));

  const add = (output: string, read: string[]) => outputs.set(output, [...new Set([...(outputs.get(output) ?? []), keys.site, 'commit', ...read])]);
  addWebOutputs(edition, feedIssues, keys, add, sitemaps);
  addTagOutputs(edition, tags, 'web', ['theme:web', 'theme:strings', keys.menu, keys.authors], keys, add);
  if (edition.config.geminiUrl) {
    addCapsuleOutputs(edition, feedIssues, keys, add);
    addTagOutputs(edition, tags, 'gemini', ['theme:gemini', 'theme:strings'], keys, add);
  }
}

/**
 * What output `output` (`web/<path>`, `gemini/<path>`) is made of, as one string of its inputs'
 * keys and fingerprints (theme inputs, which the model does not hold, with none); `undefined`
 * when the graph does not name the output. `leaveOut` names an input key to leave out.
 */
export function inputsOf(graph: DependencyGraph, output: string, leaveOut?: string): string | undefined {
  return graph.outputs
    .get(output)
    ?.filter((key) => key !== leaveOut)
    .map((key) => `${key}=${graph.inputs.get(key) ?? ''}`)
    .join('\n');
}

/**
 * The graph after the bodies of some Markdown files changed and nothing else did (`mimeo dev`):
 * `hashes` gives each one's new content hash, by path. Where those bodies' links lead is
 * fingerprinted again in every edition of `editions` (the model as patched) that shows them.
 */
export function withBodies(graph: DependencyGraph, hashes: ReadonlyMap<string, string>, editions: readonly Site[]): DependencyGraph {
  const inputs = new Map(graph.inputs);
  for (const [path, hash] of hashes) if (inputs.has(bodyKeyOf(path))) inputs.set(bodyKeyOf(path), hash);
  for (const edition of editions) {
    const keys = editionKeys(edition);
    for (const document of listedDocuments(edition)) {
      const key = keys.links(document);
      if (hashes.has(document.path) && inputs.has(key)) inputs.set(key, linksFingerprint(edition, document));
    }
  }
  return { inputs, outputs: graph.outputs };
}

/** The keys of an edition's own inputs (see {@link DependencyGraph}). */
interface EditionKeys {
  site: string;
  menu: string;
  pages: string;
  authors: string;
  feed: string;
  tags: string;
  tag: (tag: Tag) => string;
  issue: (issue: Issue) => string;
  page: (page: Page) => string;
  links: (document: SiteDocument) => string;
  /** What a document's text is made of in the edition: its body, and where its links lead there. */
  text: (document: SiteDocument) => string[];
  /** The input that holds a document's title, address and aliases: its page's, or its issue's (which holds its articles). */
  list: (document: SiteDocument) => string;
}

function editionKeys(edition: Site): EditionKeys {
  const own = (key: string) => edition.prefix + key;
  const issue = (document: Issue) => own(`issue:${document.key}`);
  const page = (document: Page) => own(`page:${document.key}`);
  const links = (document: SiteDocument) => own(`links:${document.key}`);
  const list = (document: SiteDocument) => {
    if (document.kind === 'page') return page(document);
    const holder = document.kind === 'issue' ? document : edition.issues.find((other) => other.number === document.issueNumber && other.articles.includes(document));
    return holder === undefined ? bodyKey(document) : issue(holder);
  };
  const tag = (entry: Tag) => own(`tag:${entry.slug}`);
  return { site: own('site'), menu: own('menu'), pages: own('pages'), authors: own('authors'), feed: own('feed'), tags: own('tags'), tag, issue, page, links, text: (document) => [bodyKey(document), links(document)], list };
}

type Add = (output: string, keys: string[]) => void;

/** `sitemaps`: the files of the sitemap (`sitemap.xml`, and its parts when it is an index). */
function addWebOutputs(site: Site, feedIssues: readonly Issue[], keys: EditionKeys, add: Add, sitemaps: readonly string[]): void {
  // Bylines link each author's anchor on the authors page, and anchors are decided over the
  // whole list of authors and handles (Zoë and Zoe get two, "Ada" the one after the handle ada),
  // so every page reads `authors`.
  const page = ['theme:web', 'theme:strings', keys.menu, keys.authors];
  const everyIssue = site.issues.map(keys.issue);
  add(`web/${site.prefix}index.html`, [...page, ...everyIssue]);
  add(`web/${site.prefix}authors/index.html`, [...page, ...everyIssue]);
  // The original edition writes what the whole site shares (see `renderWeb`).
  if (site.prefix === '') {
    add('web/404.html', page);
    for (const file of sitemaps) add(`web/${file}`, [...site.pages.map(keys.page), ...everyIssue, keys.tags, 'editions']);
    add('web/robots.txt', []);
  }
  for (const [place, issue] of site.issues.entries()) {
    add(`web/${issue.route}index.html`, [...page, keys.issue(issue), ...keys.text(issue), versionsKey(issue), ...issue.articles.flatMap(keys.text), ...neighbours(site, place, keys)]);
    for (const article of issue.articles) add(`web/${article.route}index.html`, [...page, keys.issue(issue), ...keys.text(article), versionsKey(article)]);
  }
  for (const document of site.pages) add(`web/${document.route}index.html`, [...page, keys.page(document), ...keys.text(document), versionsKey(document)]);
  // A page at an alias shows the document's title and address.
  for (const document of documentsWithAliases(site)) for (const output of redirectOutputs(site, document)) add(`web/${output}`, ['theme:strings', keys.list(document)]);
  // Entries hold whole issues with their bodies (SPEC §3).
  const feed = ['theme:strings', keys.feed, ...feedIssues.flatMap((issue) => [keys.issue(issue), ...keys.text(issue), ...issue.articles.flatMap(keys.text)])];
  add(`web/${site.prefix}atom.xml`, feed);
  add(`web/${site.prefix}rss.xml`, feed);
}

/** The issues before and after the one at `place`, which its page links (their titles and addresses). */
function neighbours(site: Site, place: number, keys: EditionKeys): string[] {
  return [site.issues[place - 1], site.issues[place + 1]].filter((issue) => issue !== undefined).map(keys.issue);
}

function addCapsuleOutputs(site: Site, feedIssues: readonly Issue[], keys: EditionKeys, add: Add): void {
  const page = ['theme:gemini', 'theme:strings'];
  const everyIssue = site.issues.map(keys.issue);
  const file = (document: SiteDocument) => `gemini/${capsuleFile(capsuleRoute(document))}`;
  add(`gemini/${site.prefix}index.gmi`, [...page, keys.pages, keys.tags, ...everyIssue]);
  add(`gemini/${site.prefix}authors.gmi`, [...page, keys.authors, ...everyIssue]);
  for (const [place, issue] of site.issues.entries()) {
    add(file(issue), [...page, keys.issue(issue), ...keys.text(issue), ...neighbours(site, place, keys)]);
    for (const article of issue.articles) add(file(article), [...page, keys.issue(issue), ...keys.text(article)]);
  }
  for (const document of site.pages) add(file(document), [...page, keys.page(document), ...keys.text(document)]);
  for (const document of documentsWithAliases(site)) for (const output of capsuleRedirectOutputs(site, document)) add(`gemini/${output}`, ['theme:strings', keys.list(document)]);
  // The capsule's feed carries titles and links, not content.
  add(`gemini/${site.prefix}atom.xml`, ['theme:strings', keys.feed, ...feedIssues.map(keys.issue)]);
}

/** The tags index and each tag's page of an edition, in `tree`: `page` names what every page of the tree reads. */
function addTagOutputs(site: Site, tags: readonly Tag[], tree: 'web' | 'gemini', page: string[], keys: EditionKeys, add: Add): void {
  if (tags.length === 0) return;
  const file = tree === 'web' ? 'index.html' : 'index.gmi';
  add(`${tree}/${tagsRoute(site.prefix)}${file}`, [...page, keys.tags]);
  for (const tag of tags) add(`${tree}/${tag.route}${file}`, [...page, keys.tag(tag)]);
}

/** What a tag's page shows of an article: not its tags, which its own page and the index show. */
function listedArticle(article: Article): unknown {
  return [article.title, article.route, article.summary, article.fieldLangs, article.lang, article.authors, article.draft];
}

/** The languages of the editions whose page of `document` is written in their language (the original edition's document). */
function versionsOf(document: SiteDocument, editions: readonly Site[], fallbacks: Fallbacks): string[] {
  return languageVersions(editions, fallbacks, document.route).map((edition) => edition.language);
}

/** Shared by every edition: a document's `key` is its original's path. */
function versionsKey(document: SiteDocument): string {
  return `versions:${document.key}`;
}

/**
 * Where the links of a document's body lead in an edition. A link to a heading leads to the top of
 * its page where the edition shows a text without it: a translation, or an original whose
 * translation lacks it (an untranslated document's links are its original's, resolved there).
 */
function linksFingerprint(edition: Site, document: SiteDocument): string {
  return fingerprint(document.body.targets.map((target) => target && hrefOf(edition, target)));
}

/** Where a link target leads in an edition, from the site's root: a page's link to it is made from the same. */
function hrefOf(edition: Site, target: LinkTarget): string | undefined {
  return hrefFor({ site: edition, base: { absolute: '/' }, language: edition.language, strings: {} }, target);
}

/**
 * A copied file with a rendered page's output path is a conflict only a build that renders that
 * page reports; depending on the file makes the page render while the file is there.
 */
function addAssetConflicts(site: Site, inputs: Map<string, string>, outputs: Map<string, string[]>): void {
  const rendered = new Map<string, string>();
  for (const output of outputs.keys()) rendered.set(output.toLowerCase(), output);
  for (const asset of site.assets) {
    for (const tree of ['web', 'gemini']) {
      const output = rendered.get(`${tree}/${asset.output}`.toLowerCase());
      if (output === undefined) continue;
      const key = `asset:${asset.path}`;
      inputs.set(key, asset.output);
      outputs.set(output, [...(outputs.get(output) ?? []), key]);
    }
  }
}

function listedDocuments(site: Site): SiteDocument[] {
  return [...site.issues.flatMap((issue) => [issue, ...issue.articles]), ...site.pages];
}

function bodyKey(document: SiteDocument): string {
  return bodyKeyOf(document.path);
}

function bodyKeyOf(path: string): string {
  return `body:${path}`;
}

/** A short fingerprint of a model value, leaving out what lists never show. */
function fingerprint(value: unknown): string {
  const json = JSON.stringify(value, (key, inner: unknown) => {
    if (unlisted.has(key)) return undefined;
    if (inner instanceof Map) return [...inner];
    if (inner instanceof Set) return [...inner];
    return inner;
  });
  return createHash('sha1').update(json ?? 'undefined').digest('base64');
}
