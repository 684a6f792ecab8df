import type { Report } from '../../diagnostics/diagnostic.js';
import type { Article, Author, Issue, Site, SiteDocument } from '../../model/types.js';
import type { Theme } from '../../theme/theme.js';
import type { OutputFile } from '../../write/output-file.js';
import { formatDate, yearOf } from '../html/views.js';
import { relativePath } from '../html/url.js';
import { capsuleFile, capsuleHref, capsuleRoute } from './capsule-urls.js';
import { renderCapsuleRedirects } from './redirect-pages.js';
import { contentOf, type CompiledBody } from '../../compile/compiled.js';
import { LazyText } from '../lazy-text.js';
import { markers, slotOf, type Slot } from '../slots.js';
import { joinLines, serializeLines, type GemLine } from './lines.js';
import { worksOfAuthors } from '../../model/authors.js';
import { isDraftTag, tagsOf, tagsRoute, toTagSlug, type Tag } from '../../model/tags.js';

/** Options of {@link renderCapsule}. */
export interface CapsuleOptions {
  /** The web site's address, for links to pages the capsule has no twin of. */
  baseUrl: string;
  /** The capsule's gemini:// address. */
  geminiUrl: string;
  /** Builds the "edit this page" URL of a source file, if the webzine has a repository. */
  editUrl: (source: string) => string;
  /** The only capsule files to render (default: all); copied files are always listed. */
  only?: ReadonlySet<string>;
}

interface Scope {
  site: Site;
  options: CapsuleOptions;
  strings: Record<string, string>;
  /** The folder of the page being rendered: `''` or `issues/3/`. */
  from: string;
}

/** Renders the Gemini capsule: index, issues, articles, pages, authors and tags through the theme's gemtext templates. */
export function renderCapsule(site: Site, editions: readonly Site[], theme: Theme, options: CapsuleOptions, report: Report): OutputFile[] {
  const strings = theme.strings(site.language);
  const home = site.prefix;
  const outputs: OutputFile[] = [];
  const page = (route: string, template: string, source: string, draft: boolean, view: (scope: Scope) => object, editable = true) => {
    const file = capsuleFile(route);
    if (options.only && !options.only.has(file)) return;
    const scope: Scope = { site, options, strings, from: file.slice(0, file.lastIndexOf('/') + 1) };
    const context = () => ({
      site: { title: joinLines(site.config.title), description: site.config.description ?? '', extra: site.config.extra },
      // The capsule's root, where the files of content/static/ and every edition are, as on the
      // web; the edition's front page and feed are `home` and `feed`.
      page: {
        root: relativePath(scope.from, ''),
        home: relativePath(scope.from, home),
        feed: relativePath(scope.from, `${home}atom.xml`),
        draft,
        editUrl: editable ? options.editUrl(source) : '',
        lang: site.language,
        translations: translationsOf(scope, route, editions, theme),
      },
      strings,
      ...view(scope),
    });
    const output = theme.renderFile(`gemini/${template}`, context, { tree: 'gemini', path: file, source, page: `gemini/${file}` });
    outputs.push(output);
  };
  const tags = tagsOf(site);
  page(home, 'home', 'content/site.yml', false, (scope) => ({
    issues: site.issues.map((issue) => issueLink(scope, issue)),
    pages: site.pages.map((p) => ({ title: joinLines(p.title), url: relativePath(scope.from, capsuleRoute(p)) })),
    authorsUrl: relativePath(scope.from, `${home}authors.gmi`),
    tagsUrl: tags.length > 0 ? relativePath(scope.from, tagsRoute(home)) : '',
    feedUrl: relativePath(scope.from, `${home}atom.xml`),
    editions: editions.length < 2 ? [] : editions.map((edition) => ({
      name: theme.strings(edition.language)['language_name'] ?? edition.language,
      url: relativePath(scope.from, edition.prefix),
      current: edition.language === site.language,
    })),
  }));
  site.issues.forEach((issue, place) => {
    // Issues run newest first: the previous one is the older.
    const neighbour = (scope: Scope, other: Issue | undefined) => (other ? issueLink(scope, other) : '');
    page(capsuleRoute(issue), 'issue', issue.path, issue.draft, (scope) => ({
      issue: issueView(scope, issue),
      previous: neighbour(scope, site.issues[place + 1]),
      next: neighbour(scope, site.issues[place - 1]),
      up: { title: joinLines(site.config.title), url: relativePath(scope.from, home) },
    }));
    issue.articles.forEach((article, index) => {
      page(capsuleRoute(article), 'article', article.path, article.draft, (scope) => articleView(scope, issue, index));
    });
  });
  for (const p of site.pages) {
    page(capsuleRoute(p), 'page', p.path, false, (scope) => ({ content: { title: joinLines(p.title), gemtext: body(scope, p), ...translationNotes(scope, p) } }));
  }
  page(`${home}authors.gmi`, 'authors', 'content/authors.yml', false, (scope) => ({ authors: authorsView(scope) }));
  // The tags index and each tag's page mirror the web's folders (`tags/`, `tags/solar/`): no tag's
  // file can be the index's. Made from every article, they have no source of their own to edit.
  if (tags.length > 0) page(tagsRoute(home), 'tags', 'content/site.yml', tags.every(isDraftTag), (scope) => ({ tags: tags.map((tag) => tagLink(scope, tag)) }), false);
  for (const tag of tags) page(tag.route, 'tag', 'content/site.yml', isDraftTag(tag), (scope) => tagView(scope, tag), false);
  // Pages at the documents' earlier addresses (front matter `aliases`).
  outputs.push(...renderCapsuleRedirects(site, strings, (file) => !options.only || options.only.has(file)));
  // Images and static files are shared by every edition, copied once.
  if (home === '') for (const asset of site.assets) outputs.push({ path: asset.output, copyFrom: asset.absolutePath, source: asset.path });
  return outputs;
}

/**
 * The same capsule page in every edition, as the web's language switcher gives it (empty with one
 * language): every edition has every page, a text not translated yet in its original language.
 */
function translationsOf(scope: Scope, route: string, editions: readonly Site[], theme: Theme) {
  if (editions.length < 2) return [];
  const shared = route.slice(scope.site.prefix.length);
  return editions.map((edition) => ({
    lang: edition.language,
    name: joinLines(theme.strings(edition.language)['language_name'] ?? edition.language),
    url: relativePath(scope.from, edition.prefix + shared),
    current: edition.language === scope.site.language,
  }));
}

/** An untranslated document's language, and the original of a stale translation, for notes in the templates. */
function translationNotes(scope: Scope, document: SiteDocument) {
  return {
    lang: document.lang !== scope.site.language ? document.lang : '',
    staleOriginal: document.staleOriginal
      ? { url: relativePath(scope.from, capsuleRoute({ ...document, route: document.staleOriginal.route })), dateText: formatDate(document.staleOriginal.modified.slice(0, 10), scope.site.language) }
      : '',
  };
}

/**
 * A compiled body's gemtext on the page of `scope`: links resolved for this page, a link that
 * leads nowhere here (to this very page) dropped, its label kept when it stood alone.
 */
function body(scope: Scope, document: SiteDocument): LazyText {
  const { slots, targets, hash } = document.body;
  const label = scope.strings['footnotes'] ?? 'Footnotes';
  const url = (slot: Slot) => capsuleHref(scope.site, scope.options.baseUrl, scope.from, document.key, slot.url, slot.resource === undefined ? undefined : targets[slot.resource]);
  const made = () => fillGemtext(document.body, url, label);
  return new LazyText(made, () => (hash === undefined ? made() : [hash, label, slots.map(url)]));
}

function fillGemtext(body: CompiledBody, url: (slot: Slot) => string | undefined, label: string): string {
  const { slots } = body;
  const { gemtext } = contentOf(body);
  const lines: GemLine[] = [];
  for (const line of gemtext) {
    if (line.type === 'heading' && line.text === markers.footnotes) lines.push({ ...line, text: label });
    else if (line.type !== 'link') lines.push(line);
    else {
      const slot = slotOf(line.url, slots);
      if (!slot) {
        lines.push(line);
        continue;
      }
      const href = url(slot);
      if (href !== undefined && href.trim() !== '') lines.push({ type: 'link', url: href, label: line.label === href ? '' : (line.label ?? '') });
      else if (line.alone && line.label) lines.push({ type: 'text', text: line.label });
    }
  }
  return serializeLines(lines);
}

function issueLink(scope: Scope, issue: Issue) {
  return { number: issue.number, title: joinLines(issue.title), date: issue.date ?? '', year: yearOf(issue.date), url: relativePath(scope.from, capsuleRoute(issue)), draft: issue.draft };
}

function names(scope: Scope, authors: readonly Author[]): string {
  const list = authors.map((author) => joinLines(author.name));
  if (list.length <= 1) return list.join('');
  return `${list.slice(0, -1).join(', ')} ${scope.strings['and'] ?? 'and'} ${list[list.length - 1]}`;
}

function issueView(scope: Scope, issue: Issue) {
  return {
    ...issueLink(scope, issue),
    dateText: formatDate(issue.date, scope.site.language),
    editors: issue.editors.map((editor) => joinLines(editor.name)),
    editorsText: names(scope, issue.editors),
    contributorsText: issue.contributors.map(joinLines).join(', '),
    cover: issue.cover ? { url: relativePath(scope.from, issue.cover), alt: joinLines(issue.coverAlt ?? '') } : '',
    editorialGemtext: body(scope, issue),
    ...translationNotes(scope, issue),
    articles: issue.articles.map((article) => articleLink(scope, article)),
  };
}

function articleLink(scope: Scope, article: Article) {
  return { title: joinLines(article.title), url: relativePath(scope.from, capsuleRoute(article)), authorsText: names(scope, article.authors), draft: article.draft };
}

function articleView(scope: Scope, issue: Issue, index: number) {
  const article = issue.articles[index]!;
  const neighbour = (other: Article | undefined) => (other ? articleLink(scope, other) : '');
  const tagLinks = article.tags.map((tag) => ({ name: joinLines(tag), url: relativePath(scope.from, `${tagsRoute(scope.site.prefix)}${toTagSlug(tag)}/`) }));
  return {
    article: { ...articleLink(scope, article), gemtext: body(scope, article), ...translationNotes(scope, article), tagLinks },
    issue: { ...issueLink(scope, issue), dateText: formatDate(issue.date, scope.site.language) },
    previous: neighbour(issue.articles[index - 1]),
    next: neighbour(issue.articles[index + 1]),
    up: { title: joinLines(issue.title), url: relativePath(scope.from, capsuleRoute(issue)) },
  };
}

function authorsView(scope: Scope) {
  const { works, edited } = worksOfAuthors(scope.site.issues);
  return [...scope.site.authors.values()].map((author) => ({
    name: joinLines(author.name),
    url: author.url ?? '',
    fediverse: author.fediverse ?? '',
    works: (works.get(author.key) ?? []).map(({ issue, article }) => ({ ...articleLink(scope, article), issue: `${scope.strings['issue_number'] ?? 'No.'} ${issue.number}` })),
    edited: (edited.get(author.key) ?? []).map((issue) => issueLink(scope, issue)),
  }));
}


function tagLink(scope: Scope, tag: Tag) {
  return { name: joinLines(tag.name), url: relativePath(scope.from, tag.route), count: tag.entries.length, draft: isDraftTag(tag) };
}

/** A tag's page: its name, the tags index, and its articles, newest issue first, each with its issue. */
function tagView(scope: Scope, tag: Tag) {
  return {
    tag: { ...tagLink(scope, tag), indexUrl: relativePath(scope.from, tagsRoute(scope.site.prefix)) },
    articles: tag.entries.map(({ issue, article }) => ({ ...articleLink(scope, article), issue: { ...issueLink(scope, issue), dateText: formatDate(issue.date, scope.site.language) } })),
  };
}
