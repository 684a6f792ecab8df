import { createHash } from 'node:crypto';
import type { Article, Issue, Page, Site, SiteDocument } from '../model/types.js';
import { selectFeedIssues } from './feeds/entries.js';
import { hasTags, isDraftTag, tagsOf, tagsRoute, type Tag } from '../model/tags.js';
import { capsuleFile, capsuleRoute } from './gemtext/capsule-urls.js';
import { capsuleRedirectOutputs } from './gemtext/redirect-pages.js';
import { documentsWithAliases, redirectOutputs } from './html/redirect-pages.js';
import { findFallbacks, languageVersions, type Fallbacks } from './html/language-versions.js';
import { sitemapPaths } from './html/sitemap.js';

/**
 * What the outputs of one build's original edition are made of. `mimeo dev` compares two graphs
 * to pick the outputs a change affects (it renders the other language editions whole); `build()`
 * keys each page of the original edition by the fingerprints of its inputs
 * ({@link inputsOf}). Inputs are named by key and fingerprinted from the site model, so
 * comparing two graphs tells what changed whatever the files on disk went through:
 *
 * - `site`: site-wide settings (site.yml, the editions, the base URL), read by every output;
 * - `commit`: the build's commit and its date ("now" in templates), which every output may show
 *   (`build()` leaves it out of page keys: the theme knows which pages showed them, see `createTheme`);
 * - `menu`: the pages in the web navigation, with their titles, and whether it links the tags index (every web page shows it);
 * - `pages`: every page with its title (the capsule's home page lists them);
 * - `page:<path>`: a page as its own outputs and the sitemap show it (title, dates, draft);
 * - `authors`: every contributor, what authors.yml says of them and the id of their entry on the authors page;
 * - `tags`: every tag with its name, its count of articles and whether only drafts have it (the tags index, the sitemap);
 * - `tag:<slug>`: a tag's name and its articles as its page lists them (with their issues);
 * - `issue:<path>`: an issue and its articles as lists show them (titles, authors, dates, order);
 * - `body:<path>`: the text of one Markdown file;
 * - `feed`: which issues the feeds hold;
 * - a page at an alias (front matter `aliases`) reads the `issue:` or `page:` input of its document;
 * - `asset:<path>`: a copied file whose output path is also a rendered page's (a conflict);
 * - `editions`: the dates and drafts of the other editions' pages, and which are fallback pages
 *   (not translated), which the sitemap shows too;
 * - `versions:<path>`: the languages a document's page is written in, its `hreflang` alternates.
 *
 * Theme files are not part of the model: `theme:web`, `theme:gemini` and `theme:strings` are
 * changed by the watcher's paths alone (see `affected.ts`), and `build()` puts a hash of the
 * whole theme in every page's key.
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
}

// Fields that lists and navigation never show: the body (fingerprinted as `body:`), the ids links
// may point to and the places of front matter values (both only ever give diagnostics).
// A document's `age` (commits since it changed) grows with every commit; only which of an original
// and its translation changed last is shown, and that is on the translation.
const unlisted = new Set(['body', 'anchors', 'fields', 'age', 'aliasPlaces']);
// Fields of a site that are not its settings: its collections (inputs of their own) and its commit.
const notSettings = new Set(['issues', 'pages', 'authors', 'authorAnchors', 'documents', 'assets', 'failed', 'commit', 'committed']);

/** Builds the dependency graph of a site: pure, and cheap next to rendering. */
export function toDependencyGraph(site: Site, options: GraphOptions): DependencyGraph {
  const inputs = new Map<string, string>();
  const outputs = new Map<string, string[]>();
  const settings = Object.fromEntries(Object.entries(site).filter(([key]) => !notSettings.has(key)));
  inputs.set('site', fingerprint({ ...settings, baseUrl: options.baseUrl }));
  inputs.set('commit', `${site.commit ?? ''} ${site.committed ?? ''}`);
  inputs.set('menu', fingerprint([hasTags(site), ...site.pages.filter((page) => page.menu).map((page) => [page.title, page.route])]));
  inputs.set('pages', fingerprint(site.pages.map((page) => [page.title, page.route])));
  for (const page of site.pages) inputs.set(pageKey(page), fingerprint(page));
  inputs.set('authors', fingerprint([...site.authors, ...site.authorAnchors]));
  // A tag's page reads its articles as it lists them; the index, every tag's name and count.
  const tags = tagsOf(site);
  inputs.set('tags', fingerprint(tags.map((tag) => [tag.slug, tag.name, tag.entries.length, isDraftTag(tag)])));
  for (const tag of tags) inputs.set(tagKey(tag), fingerprint([tag.name, tag.entries.map(({ issue, article }) => [issue.number, issue.title, issue.date, issue.route, issue.lang, listedArticle(article)])]));
  const feedIssues = selectFeedIssues(site);
  inputs.set('feed', fingerprint(feedIssues.map((issue) => issue.path)));
  for (const issue of site.issues) inputs.set(issueKey(issue), fingerprint(issue));
  for (const document of listedDocuments(site)) inputs.set(bodyKey(document), options.textHash(document.path) ?? fingerprint(document.body));
  // A translation has dates of its own (from its file's history), and a draft of its own: the
  // sitemap leaves out the page of a translation with `draft: true` that a build with drafts shows.
  const others = (options.editions ?? []).filter((edition) => edition !== site);
  const fallbacks = findFallbacks([site, ...others]);
  inputs.set('editions', fingerprint([others.map((edition) => [edition.language, [...edition.documents.values()].map((document) => [document.route, document.modified ?? '', 'updated' in document ? (document.updated ?? '') : '', document.draft])]), fallbacks]));
  for (const document of listedDocuments(site)) inputs.set(versionsKey(document), fingerprint(versionsOf(document, [site, ...others], fallbacks)));

  const add = (output: string, keys: string[]) => outputs.set(output, [...new Set([...(outputs.get(output) ?? []), 'site', 'commit', ...keys])]);
  addWebOutputs(site, feedIssues, add, sitemapPaths(options.editions ?? [site], options.baseUrl));
  addTagOutputs(tags, 'web', ['theme:web', 'theme:strings', 'menu', 'authors'], add);
  if (site.config.geminiUrl) {
    addCapsuleOutputs(site, feedIssues, add);
    addTagOutputs(tags, 'gemini', ['theme:gemini', 'theme:strings'], add);
  }
  addAssetConflicts(site, inputs, outputs);
  return { inputs, outputs };
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
 * `hashes` gives each one's new content hash, by path.
 */
export function withBodies(graph: DependencyGraph, hashes: ReadonlyMap<string, string>): DependencyGraph {
  const inputs = new Map(graph.inputs);
  for (const [path, hash] of hashes) if (inputs.has(bodyKeyOf(path))) inputs.set(bodyKeyOf(path), hash);
  return { inputs, outputs: graph.outputs };
}

type Add = (output: string, keys: string[]) => void;

/** `sitemaps`: the files of the sitemap (`sitemap.xml`, and its parts when it is an index). */
function addWebOutputs(site: Site, feedIssues: readonly Issue[], add: Add, sitemaps: readonly string[]): void {
  // Bylines link each author's anchor on the authors page, and anchors are decided over the
  // whole list of authors and handles (Zoë and Zoe get two, "Ada" the one after the handle ada),
  // so every page reads `authors`.
  const page = ['theme:web', 'theme:strings', 'menu', 'authors'];
  const everyIssue = site.issues.map(issueKey);
  add('web/index.html', [...page, ...everyIssue]);
  add('web/404.html', page);
  add('web/authors/index.html', [...page, 'authors', ...everyIssue]);
  for (const file of sitemaps) add(`web/${file}`, [...site.pages.map(pageKey), ...everyIssue, 'tags', 'editions']);
  add('web/robots.txt', []);
  for (const [place, issue] of site.issues.entries()) {
    add(`web/${issue.route}index.html`, [...page, issueKey(issue), bodyKey(issue), versionsKey(issue), ...issue.articles.map(bodyKey), ...neighbours(site, place)]);
    for (const article of issue.articles) add(`web/${article.route}index.html`, [...page, issueKey(issue), bodyKey(article), versionsKey(article)]);
  }
  for (const document of site.pages) add(`web/${document.route}index.html`, [...page, pageKey(document), bodyKey(document), versionsKey(document)]);
  // A page at an alias shows the document's title and address.
  for (const document of documentsWithAliases(site)) for (const output of redirectOutputs(site, document)) add(`web/${output}`, ['theme:strings', listKey(site, document)]);
  // Entries hold whole issues with their bodies (SPEC §3).
  const feed = ['theme:strings', 'feed', ...feedIssues.flatMap((issue) => [issueKey(issue), bodyKey(issue), ...issue.articles.map(bodyKey)])];
  add('web/atom.xml', feed);
  add('web/rss.xml', feed);
}

/** The tags index and each tag's page, in the `web` or `gemini` tree, with what every page of that tree reads. */
function addTagOutputs(tags: readonly Tag[], tree: 'web' | 'gemini', page: string[], add: Add): void {
  if (tags.length === 0) return;
  const file = tree === 'web' ? 'index.html' : 'index.gmi';
  add(`${tree}/${tagsRoute('')}${file}`, [...page, 'tags']);
  for (const tag of tags) add(`${tree}/${tag.route}${file}`, [...page, tagKey(tag)]);
}

/** The issues before and after the one at `place`, which its page links (their titles and addresses). */
function neighbours(site: Site, place: number): string[] {
  return [site.issues[place - 1], site.issues[place + 1]].filter((issue) => issue !== undefined).map(issueKey);
}

function addCapsuleOutputs(site: Site, feedIssues: readonly Issue[], add: Add): void {
  const page = ['theme:gemini', 'theme:strings'];
  const everyIssue = site.issues.map(issueKey);
  const file = (document: SiteDocument) => `gemini/${capsuleFile(capsuleRoute(document))}`;
  add('gemini/index.gmi', [...page, 'pages', ...everyIssue]);
  add('gemini/authors.gmi', [...page, 'authors', ...everyIssue]);
  for (const [place, issue] of site.issues.entries()) {
    add(file(issue), [...page, issueKey(issue), bodyKey(issue), ...neighbours(site, place)]);
    for (const article of issue.articles) add(file(article), [...page, issueKey(issue), bodyKey(article)]);
  }
  for (const document of site.pages) add(file(document), [...page, pageKey(document), bodyKey(document)]);
  for (const document of documentsWithAliases(site)) for (const output of capsuleRedirectOutputs(site, document)) add(`gemini/${output}`, ['theme:strings', listKey(site, document)]);
  // The capsule's feed carries titles and links, not content.
  add('gemini/atom.xml', ['theme:strings', 'feed', ...feedIssues.map(issueKey)]);
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

/** The input that holds a document's title, address and aliases: its page's, or its issue's (which holds its articles). */
function listKey(site: Site, document: SiteDocument): string {
  if (document.kind === 'page') return pageKey(document);
  const issue = document.kind === 'issue' ? document : site.issues.find((other) => other.number === document.issueNumber && other.articles.includes(document));
  return issue === undefined ? `body:${document.path}` : issueKey(issue);
}

/** The languages of the editions whose page of `document` is written in their language (the original edition's document). */
function versionsOf(document: SiteDocument, editions: readonly Site[], fallbacks: Fallbacks): string[] {
  return languageVersions(editions, fallbacks, document.route).map((edition) => edition.language);
}

function versionsKey(document: SiteDocument): string {
  return `versions:${document.path}`;
}

/** What a tag's page shows of an article: not its tags, which its own page and the index show. */
function listedArticle(article: Article): unknown {
  return [article.title, article.route, article.summary, article.fieldLangs, article.lang, article.authors, article.draft];
}

function tagKey(tag: Tag): string {
  return `tag:${tag.slug}`;
}

function issueKey(issue: Issue): string {
  return `issue:${issue.path}`;
}

function pageKey(page: Page): string {
  return `page:${page.path}`;
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
