import type { Article, Issue, Site } from '../../model/types.js';
import type { UrlBase } from './url.js';
import { isDraftTag, tagsOf, tagsRoute } from '../../model/tags.js';
import { tagsIndexView, tagView } from './tag-views.js';
import { linkTo } from './url.js';
import { articleView, authorsView, bodyHtml, issueView, siteTextLang, translationView, type PageScope } from './views.js';

/** One HTML page to render: where it goes, with which template, and its own part of the context. */
export interface PageSpec {
  route: string;
  template: string;
  title: string;
  description?: string | undefined;
  draft?: boolean;
  source: string;
  /** Whether "edit this page" links to `source` (default: `true`); the 404 page has no source of its own. */
  editable?: boolean;
  /** The output file, when it is not `<route>index.html` (the 404 page, which stands for no entry of the menu). */
  output?: string;
  /** Where links are written from, when not from the route. */
  base?: UrlBase;
  /** When its content last changed (ISO 8601), shown as the page's last change. */
  modified?: string | undefined;
  /** The language of its text when it is not the edition's (an untranslated document). */
  lang?: string;
  view: (scope: PageScope) => object;
}

/**
 * A link of a pager: the title and URL of the article before or after it, or of its issue, or of
 * the issue before or after an issue, and `lang`, the language of that title when it is not the
 * page's (not translated yet).
 */
function pagerLink(scope: PageScope, document: Article | Issue) {
  return { title: document.title, url: linkTo(scope.base, document.route), lang: translationView(scope, document).lang };
}

/** The later of two ISO dates, either of which may be missing. */
function latestOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  return a > b ? a : b;
}

/**
 * The tags index and a page per tag, when the edition's articles have tags. Their words come from
 * every article, so they have no source file of their own to edit: they are site.yml's, as the
 * front page is (a page or file written at their address is the one told of the conflict).
 */
function tagSpecs(site: Site, strings: Record<string, string>): PageSpec[] {
  const tags = tagsOf(site);
  if (tags.length === 0) return [];
  const generated = { source: 'content/site.yml', editable: false } as const;
  const colon = strings['colon'] ?? ':';
  return [
    { route: tagsRoute(site.prefix), template: 'tags', title: strings['tags'] ?? 'Tags', draft: tags.every(isDraftTag), ...generated, view: (scope) => ({ tags: tagsIndexView(scope, tags), tagsLang: siteTextLang(scope) }) },
    ...tags.map((tag): PageSpec => ({ route: tag.route, template: 'tag', title: `${strings['tag'] ?? 'Tag'}${colon} ${tag.name}`, draft: isDraftTag(tag), ...generated, view: (scope) => tagView(scope, tag) })),
  ];
}

/** Every HTML page of an edition: home, issues, articles, pages, authors, tags, and (original edition only) 404. */
export function pageSpecs(site: Site, strings: Record<string, string>, baseUrl: string): PageSpec[] {
  const specs: PageSpec[] = [];
  const latest = site.issues[0];
  specs.push({
    route: site.prefix,
    template: 'home',
    title: site.config.title,
    source: 'content/site.yml',
    modified: latest?.updated,
    view: (scope) => ({ latest: latest ? issueView(scope, latest) : '', issues: site.issues.map((issue) => issueView(scope, issue)) }),
  });
  site.issues.forEach((issue, place) => {
    // Issues run newest first: the previous one is the older.
    const [older, newer] = [site.issues[place + 1], site.issues[place - 1]];
    specs.push({
      route: issue.route,
      template: 'issue',
      title: issue.title,
      description: issue.summary,
      draft: issue.draft,
      source: issue.path,
      lang: issue.lang,
      modified: issue.updated,
      view: (scope) => ({ issue: issueView(scope, issue, 'issue'), previous: older ? pagerLink(scope, older) : '', next: newer ? pagerLink(scope, newer) : '' }),
    });
    issue.articles.forEach((article, index) => {
      const previous = issue.articles[index - 1];
      const next = issue.articles[index + 1];
      specs.push({
        route: article.route,
        template: 'article',
        title: article.title,
        description: article.summary ?? issue.summary,
        draft: article.draft,
        source: article.path,
        lang: article.lang,
        modified: latestOf(issue.date && `${issue.date}T00:00:00.000Z`, article.modified),
        view: (scope) => ({
          article: articleView(scope, article, 'own'),
          issue: issueView(scope, issue),
          previous: previous ? pagerLink(scope, previous) : '',
          next: next ? pagerLink(scope, next) : '',
          up: pagerLink(scope, issue),
        }),
      });
    });
  });
  for (const page of site.pages) {
    specs.push({
      route: page.route,
      template: 'page',
      title: page.title,
      description: page.summary,
      source: page.path,
      lang: page.lang,
      modified: page.modified,
      view: (scope) => ({ content: { title: page.title, html: bodyHtml(scope, page), ...translationView(scope, page) } }),
    });
  }
  specs.push({ route: `${site.prefix}authors/`, template: 'authors', title: strings['authors'] ?? 'Authors', source: 'content/authors.yml', view: (scope) => ({ authors: authorsView(scope) }) });
  specs.push(...tagSpecs(site, strings));
  // One 404 page for the whole site, served at any depth.
  if (site.prefix !== '') return specs;
  specs.push({
    route: '',
    output: '404.html',
    template: '404',
    title: strings['not_found_title'] ?? 'Page not found',
    source: 'content/site.yml',
    editable: false,
    base: { absolute: new URL(baseUrl).pathname },
    view: () => ({}),
  });
  return specs;
}
