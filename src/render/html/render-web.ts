import type { Report } from '../../diagnostics/diagnostic.js';
import type { Site } from '../../model/types.js';
import type { Theme } from '../../theme/theme.js';
import type { OutputFile } from '../../write/output-file.js';
import { renderSitemap, renderRobots } from './sitemap.js';
import { absoluteUrl, linkTo, type UrlBase } from './url.js';
import { articleView, authorsView, bodyHtml, formatDate, issueView, menuView, type PageScope } from './views.js';

/** Options of {@link renderWeb}. */
export interface WebOptions {
  /** The https address the site is published at, ending with a slash. */
  baseUrl: string;
  /** The "edit this page" URL of a source file, or `''`. */
  editUrl: (source: string) => string;
  /** The only output paths to render (default: all); copied files are always listed. */
  only?: ReadonlySet<string>;
}

interface PageSpec {
  route: string;
  template: string;
  title: string;
  description?: string | undefined;
  draft?: boolean;
  source: string;
  /** The output file, when it is not `<route>index.html`. */
  output?: string;
  /** Where links are written from, when not from the route. */
  base?: UrlBase;
  /** When its content last changed (ISO 8601), shown as the page's last change. */
  modified?: string | undefined;
  view: (scope: PageScope) => object;
}

/** Renders the website: every HTML page through the theme, plus sitemap, robots.txt and assets. */
export function renderWeb(site: Site, theme: Theme, options: WebOptions, report: Report): OutputFile[] {
  const language = site.config.language;
  const strings = theme.strings(language);
  const outputs: OutputFile[] = [];
  const wanted = (path: string) => !options.only || options.only.has(path);
  for (const spec of pageSpecs(site, strings, options.baseUrl)) {
    if (!wanted(spec.output ?? `${spec.route}index.html`)) continue;
    const scope: PageScope = { site, base: spec.base ?? { from: spec.route }, language, strings };
    const context = {
      site: { title: site.config.title, description: site.config.description ?? '', language, menu: menuView(scope, spec.route), commit: site.commit ?? '' },
      page: {
        title: spec.title,
        description: spec.description || site.config.description || '',
        canonical: absoluteUrl(options.baseUrl, spec.output ?? spec.route),
        stylesheet: linkTo(scope.base, theme.stylesheet),
        root: linkTo(scope.base, '').replace(/^$/, './'),
        lang: language,
        draft: spec.draft ?? false,
        editUrl: options.editUrl(spec.source),
        lastChange: spec.modified ? { date: spec.modified.slice(0, 10), dateText: formatDate(spec.modified.slice(0, 10), language) } : '',
        feeds: [
          { type: 'application/atom+xml', title: `${site.config.title} (${strings['feed_atom'] ?? 'Atom feed'})`, url: linkTo(scope.base, 'atom.xml') },
          { type: 'application/rss+xml', title: `${site.config.title} (${strings['feed_rss'] ?? 'RSS feed'})`, url: linkTo(scope.base, 'rss.xml') },
        ],
      },
      strings,
      ...spec.view(scope),
    };
    const html = theme.render(spec.template, context, `/${spec.output ?? spec.route}`);
    if (html !== undefined) outputs.push({ path: spec.output ?? `${spec.route}index.html`, bytes: html, source: spec.source });
  }
  if (wanted('sitemap.xml')) outputs.push(renderSitemap(site, options.baseUrl));
  if (wanted('robots.txt')) outputs.push(renderRobots(options.baseUrl));
  // The webzine's own files (static/ and the like) replace a theme's file of the same name.
  const own = new Set(site.assets.map((asset) => asset.output));
  outputs.push(...theme.assets.filter((asset) => !own.has(asset.path)));
  outputs.push(...site.assets.map((asset) => ({ path: asset.output, copyFrom: asset.absolutePath, source: asset.path })));
  return outputs;
}

/** The later of two ISO dates, either of which may be missing. */
function latestOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a || !b) return a || b;
  return a > b ? a : b;
}

function pageSpecs(site: Site, strings: Record<string, string>, baseUrl: string): PageSpec[] {
  const specs: PageSpec[] = [];
  const latest = site.issues[0];
  specs.push({
    route: '',
    template: 'home',
    title: site.config.title,
    source: 'content/site.yml',
    modified: latest?.updated,
    view: (scope) => ({ latest: latest ? issueView(scope, latest) : '', issues: site.issues.map((issue) => issueView(scope, issue)) }),
  });
  for (const issue of site.issues) {
    specs.push({
      route: issue.route,
      template: 'issue',
      title: issue.title,
      description: issue.summary,
      draft: issue.draft,
      source: issue.path,
      modified: issue.updated,
      view: (scope) => ({ issue: issueView(scope, issue, 'issue') }),
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
        modified: latestOf(issue.date && `${issue.date}T00:00:00.000Z`, article.modified),
        view: (scope) => ({
          article: articleView(scope, article, 'own'),
          issue: issueView(scope, issue),
          previous: previous ? { title: previous.title, url: linkTo(scope.base, previous.route) } : '',
          next: next ? { title: next.title, url: linkTo(scope.base, next.route) } : '',
          up: { title: issue.title, url: linkTo(scope.base, issue.route) },
        }),
      });
    });
  }
  for (const page of site.pages) {
    specs.push({
      route: page.route,
      template: 'page',
      title: page.title,
      description: page.summary,
      source: page.path,
      modified: page.modified,
      view: (scope) => ({ content: { title: page.title, html: bodyHtml(scope, page) } }),
    });
  }
  specs.push({ route: 'authors/', template: 'authors', title: strings['authors'] ?? 'Authors', source: 'content/authors.yml', view: (scope) => ({ authors: authorsView(scope) }) });
  specs.push({
    route: '',
    output: '404.html',
    template: '404',
    title: strings['not_found_title'] ?? 'Page not found',
    source: 'content/site.yml',
    base: { absolute: new URL(baseUrl).pathname },
    view: () => ({}),
  });
  return specs;
}
