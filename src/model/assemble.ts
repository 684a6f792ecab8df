import path from 'node:path/posix';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { AssetSource } from '../load/load-sources.js';
import { languagesUncertain } from '../load/site-files.js';
import type { LoadedFile } from '../compile/compiled.js';
import type { AuthorsFile, SiteConfig } from '../parse/schemas.js';
import { toAuthorAnchors } from './author-anchors.js';
import { toAuthorDirectory } from './authors.js';
import { classifyPath, translationSuffix } from './classify.js';
import { collectAssets, resolveCover } from './assets.js';
import { warnIssueSequence } from './issue-sequence.js';
import { warnTagSpellings } from './tags.js';
import { toArticle, toIssue, toPage } from './documents.js';
import { languageName, splitTranslations, toEdition } from './editions.js';
import { translationNameOf, translationPathOf } from './translation-names.js';
import type { Article, Asset, Author, Issue, Page, Site, SiteDocument } from './types.js';
import { compareText } from '../util/compare-text.js';

/** What {@link assembleSite} works from: the results of load and parse. */
export interface SiteInput {
  config: SiteConfig;
  authorsFile?: AuthorsFile;
  files: LoadedFile[];
  assets: AssetSource[];
  /** Markdown files that could not be read (already reported). */
  unreadable?: string[];
}

/** Options of {@link assembleSite}. */
export interface AssembleOptions {
  /** Whether draft issues and articles are part of the site (default: `false`). */
  drafts?: boolean;
}

/**
 * Builds the site model from parsed files: issues with their ordered articles, pages, authors
 * and assets, checking front matter, names and numbers on the way. Call `prepareAssetChecks`
 * with the assets first.
 */
export function assembleSite(input: SiteInput, options: AssembleOptions, report: Report): Site[] {
  const drafts = options.drafts ?? false;
  const directory = toAuthorDirectory(input.authorsFile);
  const { language } = input.config;
  const languages = input.config.languages.filter((other) => other !== language);
  // With site.yml's languages wrong (reported), a file named for a language is not told about.
  const { originals, translations } = splitTranslations(input.files, languages, language, languagesUncertain(input.config) ? () => {} : report);
  const issues = new Map<string, Issue>();
  const articles: Article[] = [];
  const pages: Page[] = [];
  // The next order number free in each issue's folder, for a misnamed article's suggested name.
  const freeOrder = new Map<string, number>();
  for (const file of originals) {
    const place = classifyPath(file.path);
    // Misnamed ones count too (`30-My Article.md` keeps its 30 when renamed).
    const digits = place.kind === 'article' ? /^\d{1,9}/.exec(place.fileName)?.[0] : undefined;
    const order = digits === undefined ? undefined : Number(digits);
    if (place.kind === 'article' && order !== undefined) freeOrder.set(place.folderName, Math.max(freeOrder.get(place.folderName) ?? 10, (Math.floor(order / 10) + 1) * 10));
  }
  for (const file of originals) {
    const place = classifyPath(file.path);
    const origin = { key: file.path, lang: language };
    if (place.kind === 'issue') addIssue(issues, toIssue(file, origin, place.folder, place.folderName, directory, report));
    else if (place.kind === 'article') {
      // Each misnamed article without a number is told a number of its own.
      const free = freeOrder.get(place.folderName) ?? 10;
      if (!/^\d/.test(place.fileName)) freeOrder.set(place.folderName, free + 10);
      pushDefined(articles, toArticle(file, origin, place.folderName, place.fileName, directory, report, languages, free));
    }
    else if (place.kind === 'page') pushDefined(pages, toPage(file, origin, place.fileName, report, languages));
    // Markdown anywhere else would be left out without a word (`content/contact.md`, `content/page/faq.md`),
    // and a translation kept in a folder of its language is told where it goes.
    else if (place.kind === 'nested-markdown' || place.kind === 'other') {
      const suggestion = translationPathOf(file.path, languages) ?? misspeltArea(file.path);
      reportRule(report, 'slug/invalid', { file: file.path }, { name: file.path, expected: 'content/issues/<N>/<NN>-<slug>.md or content/pages/<slug>.md', ...(suggestion ? { suggestion } : {}) });
    }
  }
  const namedAsOriginals = warnTranslationsNamedAsOriginals(originals.map((file) => file.path), languages, report);
  const assets = collectAssets(input.assets, report, new Set(input.config.hostFiles));
  const documents = new Map<string, SiteDocument>();
  const failed = new Set([...(input.unreadable ?? []), ...input.files.map((file) => file.path)]);
  removeDuplicateNumbers(issues, report);
  attachArticles([...issues.values()], articles, failed, namedAsOriginals, report);
  for (const issue of issues.values()) {
    documents.set(issue.path, issue);
    for (const article of issue.articles) documents.set(article.path, article);
    resolveCover(issue, assets, report);
  }
  for (const page of pages) documents.set(page.path, page);
  for (const path of documents.keys()) failed.delete(path);
  // Draft articles leave their issue's list but stay documents, so links to them are recognised.
  const published = [...issues.values()].filter((issue) => drafts || !issue.draft).sort((a, b) => b.number - a.number || compareText(a.folder, b.folder));
  for (const issue of published) issue.articles = issue.articles.filter((article) => drafts || !article.draft);
  // An article published with nothing but its scaffold's notes (`mimeo new issue`, then a date).
  for (const issue of published) {
    for (const article of issue.articles) if (!article.draft && article.body.blank) reportRule(report, 'article/blank', { file: article.path, line: 1, column: 1 }, {});
  }
  warnIssueSequence([...issues.values()], report);
  warnTagSpellings([...documents.values()].filter((document) => document.kind === 'article'), report);
  const authors = collectAuthors(published, directory);
  const base: Site = {
    language,
    prefix: '',
    editions: [{ language, prefix: '' }, ...languages.map((other) => ({ language: other, prefix: `${other}/` }))],
    config: input.config,
    issues: published,
    pages: pages.filter((page) => drafts || !page.draft).sort((a, b) => a.order - b.order || compareText(a.slug, b.slug)),
    authors,
    authorAnchors: toAuthorAnchors(authors, directory),
    ...splitUnpublishedAssets(assets, [...issues.values()], published),
    drafts,
    documents,
    failed,
  };
  // The originals' front matter as written, for the fields a translation gives that every edition takes from them.
  const written = new Map(originals.map((file) => [file.path, file.frontMatter?.value]));
  const editions = [base, ...languages.map((other) => toEdition(base, other, translations.get(other) ?? [], directory, report, (key) => written.get(key)))];
  return editions;
}

/** The path with its folder under content/ spelt as mimeo reads it (`content/issue/1/…` is `content/issues/1/…`), when it was misspelt. */
function misspeltArea(file: string): string | undefined {
  const [top, area, ...rest] = file.split('/');
  if (top !== 'content' || area === undefined || rest.length === 0) return undefined;
  const meant = didYouMean(area, ['issues', 'pages']);
  return meant === undefined || meant === area ? undefined : ['content', meant, ...rest].join('/');
}

/**
 * Warns of each file whose name makes it a text of its own though it looks like a translation of
 * the file beside it (`10-first-fr.md` beside `10-first.md`): published as an article in the
 * original language, it would be a second copy, not the French edition's.
 */
function warnTranslationsNamedAsOriginals(paths: readonly string[], languages: readonly string[], report: Report): Map<string, string> {
  const present = new Set(paths);
  const warned = new Map<string, string>();
  for (const file of paths) {
    // A name that is not valid (`about_fr.md`) was told already, with this suggestion.
    if (!/^[a-z0-9-]+\.md$/.test(path.basename(file))) continue;
    const suggestion = translationNameOf(path.basename(file), languages);
    if (suggestion === undefined) continue;
    const original = `${path.dirname(file)}/${suggestion.replace(translationSuffix, '.md')}`;
    if (!present.has(original)) continue;
    const language = translationSuffix.exec(suggestion)![1]!;
    reportRule(report, 'translation/named-as-original', { file }, { name: languageName(language) ?? language, original: path.basename(original), suggestion });
    warned.set(file, original);
  }
  return warned;
}

function addIssue(issues: Map<string, Issue>, issue: Issue | undefined): void {
  if (issue) issues.set(issue.folder, issue);
}

function pushDefined<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

/**
 * Puts each article in its issue, reporting those that share a slug or an order number; not the
 * order number of a file told it is a translation named as an original (`namedAsOriginals`, by
 * its original), which renaming as told mends: another number would be wrong advice.
 */
function attachArticles(issues: Issue[], articles: Article[], failed: Set<string>, namedAsOriginals: ReadonlyMap<string, string>, report: Report): void {
  const byFolder = new Map(issues.map((issue) => [issue.folder, issue]));
  for (const article of articles.sort((a, b) => a.order - b.order || compareText(a.slug, b.slug))) {
    const folder = article.path.slice(0, article.path.lastIndexOf('/'));
    const issue = byFolder.get(folder);
    if (!issue) {
      // An issue.md that failed to load was reported already; its articles wait for it.
      if (!failed.has(`${folder}/issue.md`)) reportRule(report, 'issue/missing-issue-file', { file: article.path }, { folder });
      continue;
    }
    const twin = issue.articles.find((other) => other.slug === article.slug);
    if (twin) {
      reportRule(report, 'slug/duplicate', { file: article.path, related: [twin.path] }, { url: `/${article.route}`, other: twin.path });
      continue;
    }
    // Two pull requests that each took the next number: the order between them is the slugs'.
    const pair = (other: Article) => namedAsOriginals.get(article.path) === other.path || namedAsOriginals.get(other.path) === article.path;
    const sameOrder = issue.articles.find((other) => other.order === article.order && !pair(other));
    if (sameOrder) reportRule(report, 'slug/same-order', { file: article.path, related: [sameOrder.path] }, { order: String(article.order), other: sameOrder.path });
    issue.articles.push(issue.draft ? { ...article, draft: true } : article);
  }
}

function removeDuplicateNumbers(issues: Map<string, Issue>, report: Report): void {
  const byNumber = new Map<number, Issue>();
  for (const issue of [...issues.values()].sort((a, b) => compareText(a.folder, b.folder))) {
    const twin = byNumber.get(issue.number);
    if (!twin) byNumber.set(issue.number, issue);
    else {
      reportRule(report, 'slug/duplicate', { file: issue.path, related: [twin.path] }, { url: `/${issue.route}`, other: twin.path, folders: [twin.folder, issue.folder], number: issue.number });
      issues.delete(issue.folder);
    }
  }
}

function collectAuthors(issues: Issue[], directory: Map<string, Author>): Map<string, Author> {
  const authors = new Map<string, Author>();
  for (const issue of issues) {
    for (const person of [...issue.editors, ...issue.articles.flatMap((article) => article.authors)]) authors.set(person.key, person);
  }
  for (const [key, author] of directory) if (authors.has(key)) authors.set(key, author);
  return new Map([...authors].sort(([, a], [, b]) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.key, b.key)));
}

/**
 * The assets this build publishes, and those of the issues it leaves out (drafts): a draft's
 * images are not published early, but its links to them are checked.
 */
function splitUnpublishedAssets(assets: Asset[], all: readonly Issue[], published: readonly Issue[]): { assets: Asset[]; draftAssets: Asset[] } {
  const shown = new Set(published.map((issue) => issue.folder));
  const hidden = all.filter((issue) => !shown.has(issue.folder)).map((issue) => issue.folder + '/');
  const isHidden = (asset: Asset) => hidden.some((folder) => asset.path.startsWith(folder));
  return { assets: assets.filter((asset) => !isHidden(asset)), draftAssets: assets.filter(isHidden) };
}
