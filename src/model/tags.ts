import { createHash } from 'node:crypto';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { toSlug } from './classify.js';
import type { Article, Issue, Site } from './types.js';
import { compareText } from '../util/compare-text.js';

/** One tag as its pages show it: every published article of an edition that carries it. */
export interface Tag {
  /** The last part of its address: `solar` for `tags/solar/`. */
  slug: string;
  /** The spelling its pages show (see {@link tagNames}). */
  name: string;
  /** Web route of its page: `tags/solar/`, `fr/tags/solar/`. */
  route: string;
  /** Its articles with their issues, newest issue first, then in each issue's order. */
  entries: { issue: Issue; article: Article }[];
}

/** Whether a tag's page lists drafts only: a build with drafts shows it, marked, and the sitemap leaves it out. */
export function isDraftTag(tag: Tag): boolean {
  return tag.entries.every(({ article }) => article.draft);
}

/** Whether a published article (or a draft, when the build shows them) of the site has a tag: then the site has tag pages, and its menu links their index. */
export function hasTags(site: Site): boolean {
  let has = siteHasTags.get(site);
  if (has === undefined) siteHasTags.set(site, (has = site.issues.some((issue) => issue.articles.some((article) => article.tags.length > 0))));
  return has;
}

// Every page's menu asks, and the model does not change once assembled: a webzine without tags
// would otherwise be read whole for each of its pages.
const siteHasTags = new WeakMap<Site, boolean>();

/** The route of an edition's tags index, under its prefix: `tags/`, `fr/tags/`. */
export function tagsRoute(prefix: string): string {
  return `${prefix}tags/`;
}

/**
 * The slug of a tag's address. Tags that read alike (`Solar`, `solar`, `Solar!`) share it, and
 * so one page. A tag of which the slugger keeps nothing (`!!!`, `ー`) is named by a hash of its
 * words, as the editor wrote them but for case and accents' encoding, so its address stays the
 * same from build to build, whatever other tags there are.
 */
export function toTagSlug(tag: string): string {
  let slug = slugs.get(tag);
  if (slug === undefined) {
    const words = spelling(tag);
    slugs.set(tag, (slug = toSlug(words) || `tag-${createHash('sha256').update(words.toLowerCase()).digest('hex').slice(0, 8)}`));
  }
  return slug;
}

// A webzine has a few hundred tags, written on thousands of articles, each slugged for its page,
// its tag pages, the sitemap and the links checked.
const slugs = new Map<string, string>();

/** A tag as written, without the spaces around it and with its accents encoded one way: the schema tells tags apart so too. */
function spelling(tag: string): string {
  return tag.normalize('NFC').trim();
}

/**
 * The spelling each tag's pages show, by slug: the one most articles write (drafts included, so
 * publishing one does not rename a page), the first in code-point order between as many.
 */
export function tagNames(articles: readonly Article[]): Map<string, string> {
  const counts = spellingCounts(articles);
  const names = new Map<string, string>();
  for (const [slug, spellings] of counts) names.set(slug, [...spellings].sort(([a, m], [b, n]) => n - m || compareText(a, b))[0]![0]);
  return names;
}

function spellingCounts(articles: readonly Article[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const slug = toTagSlug(tag);
      const spellings = counts.get(slug) ?? new Map<string, number>();
      spellings.set(spelling(tag), (spellings.get(spelling(tag)) ?? 0) + 1);
      counts.set(slug, spellings);
    }
  }
  return counts;
}

/**
 * Every tag of an edition's published articles (with drafts when the build shows them), in the
 * order of their slugs (alphabetical, as the slugger spells every script in Latin letters), the
 * tags of no letter the slugger keeps last.
 */
export function tagsOf(site: Site): Tag[] {
  let tags = tagsBySite.get(site);
  if (tags === undefined) tagsBySite.set(site, (tags = collectTags(site)));
  return tags;
}

// Asked for by the links check, the aliases check, the pages, the capsule, the sitemap and the
// dependency graph, of a model that does not change once assembled.
const tagsBySite = new WeakMap<Site, Tag[]>();

function collectTags(site: Site): Tag[] {
  const names = tagNames([...site.documents.values()].filter((document) => document.kind === 'article'));
  const tags = new Map<string, Tag>();
  for (const issue of site.issues) {
    for (const article of issue.articles) {
      // Two tags of one article may read alike (`C++`, `C#`): it is listed once.
      for (const slug of new Set(article.tags.map(toTagSlug))) {
        let tag = tags.get(slug);
        if (!tag) tags.set(slug, (tag = { slug, name: names.get(slug) ?? slug, route: `${tagsRoute(site.prefix)}${slug}/`, entries: [] }));
        tag.entries.push({ issue, article });
      }
    }
  }
  const hashed = (tag: Tag) => Number(toSlug(tag.name) === '');
  return [...tags.values()].sort((a, b) => hashed(a) - hashed(b) || compareText(a.slug, b.slug));
}

/**
 * Warns of each tag written otherwise than the page it is listed on is titled (`solar` beside
 * three `Solar`, `C#` beside `C++`): the editor may unify them, or tell apart two subjects. Only
 * originals carry tags (translations take theirs).
 */
export function warnTagSpellings(articles: readonly Article[], report: Report): void {
  const names = tagNames(articles);
  for (const article of articles) {
    for (const tag of article.tags) {
      const slug = toTagSlug(tag);
      const name = names.get(slug)!;
      if (spelling(tag) === name) continue;
      // At the list, whose place a build from the cache knows: the place of each item would take reading the front matter again.
      const place = article.fields['tags'] ?? { line: 1, column: 1 };
      reportRule(report, 'tag/spelling', { file: article.path, line: place.line, column: place.column }, { written: spelling(tag), name, route: `/${tagsRoute('')}${slug}/` });
    }
  }
}
