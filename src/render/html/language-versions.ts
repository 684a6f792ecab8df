import type { EditionPlace, Issue, Site, SiteDocument } from '../../model/types.js';

/**
 * The pages each edition shows in the original's text, for want of a translation ("fallback"
 * pages): by the edition's language, their routes without the edition's prefix.
 */
export type Fallbacks = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Finds the fallback pages of every edition (README, Translations): an article or a page with no
 * translation in that edition (or whose translation a build without drafts holds back), and an
 * issue page whose editorial and articles are all untranslated. An issue page with any of them
 * translated is the edition's own, as are the home and authors pages, written in its words.
 * Search engines are told a fallback page is a copy of the original (its canonical address),
 * and it is no alternate language version of it (Google Search Central, "Tell Google about
 * localized versions of your page"): its text is not in its edition's language.
 */
export function findFallbacks(editions: readonly Site[]): Fallbacks {
  const fallbacks = new Map<string, Set<string>>();
  for (const edition of editions) {
    const routes = new Set<string>();
    const add = (document: SiteDocument) => routes.add(document.route.slice(edition.prefix.length));
    if (edition.prefix !== '') {
      for (const issue of edition.issues) {
        if (isFallbackIssue(issue)) add(issue);
        for (const article of issue.articles) if (isUntranslated(article)) add(article);
      }
      for (const page of edition.pages) if (isUntranslated(page)) add(page);
    }
    fallbacks.set(edition.language, routes);
  }
  return fallbacks;
}

/** Whether a document of an edition other than the original shows the original's text: its source is the original's file. */
function isUntranslated(document: SiteDocument): boolean {
  return document.path === document.key;
}

function isFallbackIssue(issue: Issue): boolean {
  return isUntranslated(issue) && issue.articles.every(isUntranslated);
}

/** Whether the page at `route` (without the edition's prefix) of the edition in `language` is a fallback page. */
export function isFallback(fallbacks: Fallbacks, language: string, route: string): boolean {
  return fallbacks.get(language)?.has(route) ?? false;
}

/**
 * The editions in whose language the page at `route` (without an edition's prefix) is written,
 * for `hreflang` alternates: none when fewer than two are, since a page alone in its language
 * has no alternate to name.
 */
export function languageVersions(editions: readonly EditionPlace[], fallbacks: Fallbacks, route: string): EditionPlace[] {
  const versions = editions.filter((edition) => !isFallback(fallbacks, edition.language, route));
  return versions.length < 2 ? [] : versions;
}
