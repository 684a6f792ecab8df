import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportShown } from '../diagnostics/report-shown.js';
import type { AuthorsFile } from '../parse/schemas.js';
import type { Position } from '../parse/yaml-data.js';
import type { Article, Author, Issue } from './types.js';

/** The contributors known from authors.yml, by handle. */
export function toAuthorDirectory(file: AuthorsFile | undefined): Map<string, Author> {
  const directory = new Map<string, Author>();
  for (const [handle, entry] of Object.entries(file ?? {})) directory.set(handle, { key: handle, ...entry });
  return directory;
}

/**
 * Resolves front matter `authors` or `editors` values: a handle of authors.yml (`ada`, or
 * `@ada`) gives that contributor, a name gives a contributor of that name. A value shaped like a handle that
 * authors.yml lacks is a mistake, reported with the nearest handle, and so is someone listed
 * twice. `key` names the list (`authors`) in messages, `placeOf` where each item is.
 */
export function resolveAuthors(values: readonly string[], directory: Map<string, Author>, key: string, placeOf: (index: number) => { file: string } & Position, report: Report): Author[] {
  const authors: Author[] = [];
  const unknown: Array<{ file: string } & Position & { value: string }> = [];
  const repeated: Array<{ file: string } & Position & { index: number; value: string }> = [];
  // The same person twice (a handle and the name it stands for, a name in two cases) is a slip.
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    // A handle may be written as the fediverse writes one (`@ada`), in quotes since YAML reads no
    // plain value that starts with @: that is the hint a contributor who wrote `authors: @ada` gets.
    const known = directory.get(value) ?? (value.startsWith('@') ? directory.get(value.slice(1)) : undefined);
    const author = known ?? (/^@?[a-z0-9_.-]+$/.test(value) && directory.size > 0 ? undefined : { key: value, name: value });
    if (!author) {
      unknown.push({ ...placeOf(index), value });
      continue;
    }
    const person = author.name.normalize('NFC').trim().toLowerCase();
    if (seen.has(person)) {
      repeated.push({ ...placeOf(index), index, value });
      continue;
    }
    seen.add(person);
    authors.push(author);
  }
  const file = (unknown[0] ?? repeated[0])?.file;
  if (file === undefined) return authors;
  // The nearest handle is looked for only for the names shown.
  reportShown('author/unknown-handle', unknown, file, report, ({ value }) => ({ handle: value, suggestion: didYouMean(value.replace(/^@/, ''), directory.keys()) }));
  reportShown('front-matter/invalid', repeated, file, report, ({ index, value }) => ({ key: `${key}.${index}`, expected: 'someone not listed before', actual: `"${value}"` }));
  return authors;
}

/** What each author wrote and edited, by their key, in the issues' order (see {@link worksOfAuthors}). */
export interface AuthorsWorks {
  /** The articles an author wrote, each with its issue. */
  works: Map<string, Array<{ issue: Issue; article: Article }>>;
  /** The issues an author edited. */
  edited: Map<string, Issue[]>;
}

/**
 * Gathers, in one pass over the issues, the articles each author wrote and the issues each edited,
 * for the authors' pages: a zine of years has hundreds of authors and thousands of articles, and
 * looking each author up in every article took their product.
 */
export function worksOfAuthors(issues: readonly Issue[]): AuthorsWorks {
  const works: AuthorsWorks['works'] = new Map();
  const edited: AuthorsWorks['edited'] = new Map();
  const add = <Item>(map: Map<string, Item[]>, key: string, item: Item) => {
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  };
  for (const issue of issues) {
    for (const article of issue.articles) for (const key of new Set(article.authors.map((author) => author.key))) add(works, key, { issue, article });
    for (const key of new Set(issue.editors.map((editor) => editor.key))) add(edited, key, issue);
  }
  return { works, edited };
}
