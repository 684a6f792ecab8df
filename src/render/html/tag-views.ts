import type { Tag } from '../../model/tags.js';
import { isDraftTag, tagsRoute } from '../../model/tags.js';
import { linkTo } from './url.js';
import { authorView, fieldLang, formatDate, siteTextLang, translationView, type PageScope } from './views.js';

/** Every tag of the edition as the tags index shows it: its name, its page and how many articles it has. */
export function tagsIndexView(scope: PageScope, tags: readonly Tag[]) {
  return tags.map((tag) => ({ name: tag.name, slug: tag.slug, url: linkTo(scope.base, tag.route), count: tag.entries.length, draft: isDraftTag(tag) }));
}

/**
 * One tag's page: its name (the original's word in every edition, `lang` where that is not the
 * page's), the link back to the tags index, and its articles, each with its issue.
 */
export function tagView(scope: PageScope, tag: Tag) {
  return {
    tag: { name: tag.name, slug: tag.slug, count: tag.entries.length, lang: siteTextLang(scope), indexUrl: linkTo(scope.base, tagsRoute(scope.site.prefix)) },
    articles: tag.entries.map(({ issue, article }) => ({
      title: article.title,
      url: linkTo(scope.base, article.route),
      lang: translationView(scope, article).lang,
      summary: article.summary ?? '',
      summaryLang: fieldLang(scope, article, 'summary'),
      authors: article.authors.map((author) => authorView(scope, author)),
      draft: article.draft,
      // The issue as partials/issue-label names it ("Issue 3: Title"), and its date.
      issueNumber: issue.number,
      issueTitle: issue.title,
      issueLang: translationView(scope, issue).lang,
      issueUrl: linkTo(scope.base, issue.route),
      date: issue.date ?? '',
      dateText: formatDate(issue.date, scope.language),
    })),
  };
}
