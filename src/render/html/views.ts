import type { Article, Author, Issue, Site, SiteDocument, TextField } from '../../model/types.js';
import { splitSitePath, type LinkTarget } from '../../transform/link-target.js';
import { contentOf, type CompiledBody } from '../../compile/compiled.js';
import { LazyText } from '../lazy-text.js';
import { fillHtml, unresolvedUrl, type Filling, type Slot } from '../slots.js';
import { linkTo, type UrlBase } from './url.js';
import { worksOfAuthors } from '../../model/authors.js';
import { toSlug } from '../../model/classify.js';
import { hasTags, tagsRoute, toTagSlug } from '../../model/tags.js';

/** What every view of one page is made with: where the page is, its language, its strings. */
export interface PageScope {
  site: Site;
  base: UrlBase;
  language: string;
  strings: Record<string, string>;
}

/** A contributor as templates see them: `url` leads to their entry on the authors page. */
export interface AuthorView {
  name: string;
  url: string;
}

/** A link target as templates see it. */
export interface LinkView {
  title: string;
  url: string;
}

/** Where a body is shown inside its issue's page. */
export interface IssuePlace {
  /** The prefix of the body's ids there. */
  idPrefix: string;
  /** The id of the article's section there (`undefined` for the editorial, whose page it is). */
  section?: string;
}

/**
 * How a body is rendered inside its issue's page, where several share one page: its ids get a
 * prefix ending in a colon (which GitHub's heading slugs never hold), its headings go one level
 * down under the article's title, and a link to itself leads to its section. The feeds render
 * issues the same way.
 */
export function inIssuePage(document: Article | Issue): IssuePlace {
  // The editorial's starts with `_`, which article slugs never hold: an article may be `editorial`.
  return document.kind === 'issue' ? { idPrefix: '_editorial:' } : { idPrefix: `${document.slug}:`, section: document.slug };
}

/** The URL of a resolved Markdown link target on the page of `scope`. */
export function hrefFor(scope: PageScope, target: LinkTarget): string | undefined {
  if (target.kind === 'removed') return undefined;
  if (target.kind === 'asset') return linkTo(scope.base, target.output) + (target.suffix ?? '');
  const anchor = target.anchor ? `#${encodeURIComponent(target.anchor)}` : '';
  const query = target.query ?? '';
  if (target.kind === 'route') return linkTo(scope.base, (target.edition ?? scope.site.prefix) + target.route) + query + anchor;
  const document = scope.site.documents.get(target.path);
  if (!document) return undefined;
  if (target.edition !== undefined) return linkTo(scope.base, target.edition + document.route.slice(scope.site.prefix.length)) + query + anchor;
  // A page shown in another language than the link was checked against may lack the heading:
  // the link then leads to the top of the page rather than to nowhere.
  if (!target.anchor || !document.anchors.includes(target.anchor)) return linkTo(scope.base, document.route) + query;
  // An editorial's anchors carry its prefix on the issue page, where the editorial is shown.
  const scoped = document.kind === 'issue' ? `#${encodeURIComponent(inIssuePage(document).idPrefix + target.anchor)}` : anchor;
  return linkTo(scope.base, document.route) + query + scoped;
}

/**
 * A compiled body's HTML on the page of `scope`: its own page's, or with `idPrefix` the one
 * shown inside its issue's page; with `absoluteBase` every URL is absolute (feeds).
 */
export function bodyHtml(scope: PageScope, document: { key: string; body: CompiledBody }, options: Partial<IssuePlace> & { absoluteBase?: string } = {}): LazyText {
  const { body } = document;
  const prefix = options.idPrefix ?? '';
  const own = options.idPrefix === undefined;
  // A link to the body itself: the top of its own page, or its section on the issue page.
  const top = options.section === undefined ? '#' : `#${encodeURIComponent(options.section)}`;
  const filling: Filling = {
    url: (slot) => {
      const url = slotUrl(scope, document.key, body, slot, prefix, top);
      return options.absoluteBase === undefined ? url : absolutize(url, options.absoluteBase);
    },
    footnotes: scope.strings['footnotes'] ?? 'Footnotes',
    backToReference: scope.strings['back_to_reference'] ?? 'Back to reference',
    idPrefix: prefix,
  };
  const made = () => {
    const content = contentOf(body);
    return fillHtml(own ? content.html : content.issueHtml, body.slots, filling);
  };
  // What the text is made of: the compiled body (by its cache key) and what fills it on this page.
  const identity = () => (body.hash === undefined ? made() : [body.hash, own, prefix, filling.footnotes, filling.backToReference, body.slots.map((slot) => filling.url(slot))]);
  return new LazyText(made, identity);
}

/** The URL of a slot of the body of document `key`; a link to itself or its own anchors stays on the page (`top` leads to the body's start). */
function slotUrl(scope: PageScope, key: string, body: CompiledBody, slot: Slot, idPrefix: string, top: string): string {
  const target = slot.resource === undefined ? undefined : body.targets[slot.resource];
  if (!target) return unresolvedUrl(slot, idPrefix);
  // With a query, it leads to the page itself, asked with that query.
  if (target.kind === 'document' && target.path === key && target.query === undefined) return target.anchor ? `#${idPrefix}${target.anchor}` : top;
  return hrefFor(scope, target) ?? slot.url;
}

function absolutize(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

/** The id of a contributor's entry on the authors page, which the model decides for all of them at once. */
export function authorAnchor(site: Site, author: Author): string {
  // Every author a page names is one of the site's; were one not, the page is still made, its link only less sure.
  return site.authorAnchors.get(author.key) ?? (toSlug(author.key) || 'author');
}

/** A contributor as a byline shows them, linked to their entry on the authors page. */
export function authorView(scope: PageScope, author: Author): AuthorView {
  return { name: author.name, url: `${linkTo(scope.base, `${scope.site.prefix}authors/`)}#${authorAnchor(scope.site, author)}` };
}

/** A date `YYYY-MM-DD` written out in `language`: `1 October 2021`. */
export function formatDate(date: string | undefined, language: string): string {
  if (!date) return '';
  // A site has few dates, shown on many pages.
  const key = `${language}\0${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    text = dateFormat(language).format(new Date(Date.UTC(year, month - 1, day)));
    if (formattedDates.size >= 10_000) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

const formattedDates = new Map<string, string>();

/**
 * The year of a date `YYYY-MM-DD` as a number (`2019`), or `''` without a date: themes group
 * issues by it (the front page's archive) without taking dates apart in Liquid.
 */
export function yearOf(date: string | undefined): number | '' {
  return date ? Number(date.slice(0, 4)) : '';
}

// Making a formatter costs far more than using one, and every page formats dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: string): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format;
}

/** An article as templates see it, its body rendered for the issue page or for its own page. */
export function articleView(scope: PageScope, article: Article, where: 'issue' | 'own' | 'none') {
  const html = where === 'none' ? '' : where === 'issue' ? bodyHtml(scope, article, inIssuePage(article)) : bodyHtml(scope, article);
  return {
    slug: article.slug,
    order: article.order,
    title: article.title,
    url: linkTo(scope.base, article.route),
    anchor: inIssuePage(article).section,
    authors: article.authors.map((author) => authorView(scope, author)),
    summary: article.summary ?? '',
    summaryLang: fieldLang(scope, article, 'summary'),
    tags: article.tags,
    tagLinks: article.tags.map((tag) => ({ name: tag, url: linkTo(scope.base, `${tagsRoute(scope.site.prefix)}${toTagSlug(tag)}/`) })),
    // Tags are the original's words in every edition (README, Translations).
    tagsLang: siteTextLang(scope),
    draft: article.draft,
    html,
    ...translationView(scope, article),
  };
}

/**
 * The language of a text field of `document` (its summary, its cover text) when it is not the
 * page's, else empty: the document's language, or the original's when a translation lacks the
 * field and the edition shows the original's.
 */
export function fieldLang(scope: PageScope, document: SiteDocument, field: TextField): string {
  const lang = document.fieldLangs?.[field] ?? document.lang;
  return lang !== scope.language ? lang : '';
}

/**
 * How a document stands to its translation, for templates: `lang` is the language its text is in
 * when that is not the page's (an untranslated article, empty otherwise), `staleOriginal` the
 * original to read when it changed after the translation (empty otherwise).
 */
export function translationView(scope: PageScope, document: SiteDocument) {
  const stale = document.staleOriginal;
  return {
    lang: document.lang !== scope.language ? document.lang : '',
    staleOriginal: stale ? { url: linkTo(scope.base, stale.route), dateText: formatDate(stale.modified.slice(0, 10), scope.language) } : '',
  };
}

/** An issue as templates see it; `articles` carries bodies only on the issue page itself. */
export function issueView(scope: PageScope, issue: Issue, articles: 'issue' | 'none' = 'none') {
  return {
    number: issue.number,
    title: issue.title,
    date: issue.date ?? '',
    dateText: formatDate(issue.date, scope.language),
    year: yearOf(issue.date),
    summary: issue.summary ?? '',
    summaryLang: fieldLang(scope, issue, 'summary'),
    url: linkTo(scope.base, issue.route),
    draft: issue.draft,
    cover: issue.cover ? { url: linkTo(scope.base, issue.cover), alt: issue.coverAlt ?? '', lang: fieldLang(scope, issue, 'coverAlt') } : '',
    editors: issue.editors.map((author) => authorView(scope, author)),
    editorialHtml: articles === 'issue' ? bodyHtml(scope, issue, inIssuePage(issue)) : '',
    ...translationView(scope, issue),
    contributors: issue.contributors,
    articles: issue.articles.map((article) => articleView(scope, article, articles)),
  };
}

/**
 * The language of site.yml's own words (the site's title and description, its menu entries) on
 * the page of `scope`: the original edition's when the page is in another, else empty. site.yml
 * has no translations, so a French edition shows them in English.
 */
export function siteTextLang(scope: PageScope): string {
  const { language } = scope.site.config;
  return language !== scope.language ? language : '';
}

/** The navigation: home, pages in the menu, authors, tags (when articles have some), then site.yml's own entries; the entry of `currentRoute` is marked. */
export function menuView(scope: PageScope, currentRoute: string | undefined) {
  // `lang`: the language of an entry's title when it is not the page's (an untranslated page, site.yml's entries), else empty.
  const entry = (title: string, route: string, lang = '') => ({ title, url: linkTo(scope.base, route), current: route === currentRoute, lang });
  return [
    entry(scope.strings['home'] ?? 'Home', scope.site.prefix),
    ...scope.site.pages.filter((page) => page.menu).map((page) => entry(page.title, page.route, translationView(scope, page).lang)),
    entry(scope.strings['authors'] ?? 'Authors', `${scope.site.prefix}authors/`),
    ...(hasTags(scope.site) ? [entry(scope.strings['tags'] ?? 'Tags', tagsRoute(scope.site.prefix))] : []),
    ...scope.site.config.menu.map((item, index) => {
      const url = item.url.trim();
      // A path of the site is linked like any page (`/files/a%20b.txt` names the file `a b.txt`), its `?query#fragment` kept,
      // and a file of content/ (`pages/about.md`) as a link to it is, in this edition; an address elsewhere as written.
      const inSite = splitSitePath(url);
      const target = scope.site.menuTargets?.[index];
      return { title: item.title, url: inSite ? linkTo(scope.base, inSite.path) + inSite.rest : target ? (hrefFor(scope, target) ?? url) : url, current: false, lang: siteTextLang(scope) };
    }),
  ];
}

/**
 * Every contributor with what they wrote and edited, for the authors page. Each work and each
 * issue edited names its issue by a label ("Issue 3: Title": `issue`, `title`) and by its parts,
 * so a theme can mark the title's language where it is not the page's.
 */
export function authorsView(scope: PageScope) {
  const { works, edited } = worksOfAuthors(scope.site.issues);
  return [...scope.site.authors.values()].map((author) => ({
    anchor: authorAnchor(scope.site, author),
    name: author.name,
    url: author.url ?? '',
    fediverse: author.fediverse ?? '',
    works: (works.get(author.key) ?? []).map(({ issue, article }) => ({
      title: article.title,
      url: linkTo(scope.base, article.route),
      lang: translationView(scope, article).lang,
      issue: issueLabel(scope, issue),
      ...issueParts(scope, issue),
    })),
    edited: (edited.get(author.key) ?? []).map((issue): LinkView & ReturnType<typeof issueParts> => ({ title: issueLabel(scope, issue), url: linkTo(scope.base, issue.route), ...issueParts(scope, issue) })),
  }));
}

/** An issue's number, own title and that title's language when it is not the page's (an untranslated issue, empty otherwise). */
function issueParts(scope: PageScope, issue: Issue) {
  return { issueNumber: issue.number, issueTitle: issue.title, issueLang: translationView(scope, issue).lang };
}

function issueLabel(scope: PageScope, issue: Issue): string {
  return `${scope.strings['issue'] ?? 'Issue'} ${issue.number}${scope.strings['colon'] ?? ':'} ${issue.title}`;
}
