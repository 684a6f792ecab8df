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
 * twice. A handle written in other capitals (`Ada`, `ADA`) gives its contributor too, with a
 * warning. `key` names the list (`authors`) in messages, `placeOf` where each item is.
 */
export function resolveAuthors(values: readonly string[], directory: Map<string, Author>, key: string, placeOf: (index: number) => { file: string } & Position, report: Report): Author[] {
  const authors: Author[] = [];
  const unknown: Array<{ file: string } & Position & { value: string }> = [];
  const repeated: Array<{ file: string } & Position & { index: number; value: string }> = [];
  const recased: Array<{ file: string } & Position & { value: string; handle: string }> = [];
  const named: Array<{ file: string } & Position & { value: string; handle: string }> = [];
  // The same person twice (a handle and the name it stands for, a name in two cases) is a slip.
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    // A handle may be written as the fediverse writes one (`@ada`), in quotes since YAML reads no
    // plain value that starts with @: that is the hint a contributor who wrote `authors: @ada` gets.
    const exact = directory.get(value) ?? (value.startsWith('@') ? directory.get(value.slice(1)) : undefined);
    // A free name may be written in `authors` (a guest's), but one word that is a handle in other
    // capitals is the handle typed so (`Ada` for `ada`), not someone else of that name.
    const recasedHandle = exact ? undefined : handleInOtherCase(value.replace(/^@/, ''), directory);
    // The name authors.yml gives a handle ("Ada Quill" for `ada`) is that contributor, not a guest of the same name.
    const namedHandle = exact || recasedHandle !== undefined ? undefined : handleNamed(value, directory);
    const handle = recasedHandle ?? namedHandle;
    const known = exact ?? (handle === undefined ? undefined : directory.get(handle));
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
    if (recasedHandle !== undefined) recased.push({ ...placeOf(index), value, handle: recasedHandle });
    if (namedHandle !== undefined) named.push({ ...placeOf(index), value, handle: namedHandle });
  }
  const file = (unknown[0] ?? repeated[0] ?? recased[0] ?? named[0])?.file;
  if (file === undefined) return authors;
  // The nearest handle is looked for only for the names shown.
  reportShown('author/unknown-handle', unknown, file, report, ({ value }) => ({ handle: value, suggestion: didYouMean(value.replace(/^@/, ''), directory.keys()) }));
  reportShown('author/handle-case', recased, file, report, ({ value, handle }) => ({
    written: value,
    // Shown in the form it was written, with its @ or without.
    handle: value.startsWith('@') ? `@${handle}` : handle,
    name: directory.get(handle)!.name,
  }));
  reportShown('author/name-of-handle', named, file, report, ({ value, handle }) => ({ written: value, handle, key }));
  reportShown('front-matter/invalid', repeated, file, report, ({ index, value }) => ({ key: `${key}.${index}`, expected: 'someone not listed before', actual: `"${value}"` }));
  return authors;
}

/**
 * The handle of `directory` that is `value` in other capitals; `undefined` when there is none, or
 * when two handles are (`ada` and `Ada`), since it can not tell which is meant.
 */
function handleInOtherCase(value: string, directory: Map<string, Author>): string | undefined {
  return uniqueIndex(lowerCaseIndexes, directory, (handle) => handle.toLowerCase()).get(value.toLowerCase());
}

/** The handle whose name in authors.yml `value` is, its case and spacing aside; `undefined` when none is, or two are. */
function handleNamed(value: string, directory: Map<string, Author>): string | undefined {
  return uniqueIndex(nameIndexes, directory, (_handle, author) => comparableName(author.name)).get(comparableName(value));
}

function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

// Made once for each directory, when a value first matches no handle as written (and then no handle in other capitals).
const lowerCaseIndexes = new WeakMap<Map<string, Author>, Map<string, string>>();
const nameIndexes = new WeakMap<Map<string, Author>, Map<string, string>>();

/** The handles of `directory` by what `keyOf` makes of each, but for a form two handles share; made once a directory and kept in `indexes`. */
function uniqueIndex(indexes: WeakMap<Map<string, Author>, Map<string, string>>, directory: Map<string, Author>, keyOf: (handle: string, author: Author) => string): Map<string, string> {
  let index = indexes.get(directory);
  if (!index) {
    const found = new Map<string, string | null>();
    for (const [handle, author] of directory) {
      const key = keyOf(handle, author);
      found.set(key, found.has(key) ? null : handle);
    }
    index = new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
    indexes.set(directory, index);
  }
  return index;
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
