import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportShown } from '../diagnostics/report-shown.js';
import type { AuthorsFile } from '../parse/schemas.js';
import type { Position } from '../parse/yaml-data.js';
import type { Author } from './types.js';

/** The contributors known from authors.yml, by handle. */
export function toAuthorDirectory(file: AuthorsFile | undefined): Map<string, Author> {
  const directory = new Map<string, Author>();
  for (const [handle, entry] of Object.entries(file ?? {})) directory.set(handle, { key: handle, ...entry });
  return directory;
}

/**
 * Resolves front matter `authors` or `editors` values: a handle of authors.yml gives that
 * contributor, a name gives a contributor of that name. A value shaped like a handle that
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
    const known = directory.get(value);
    const author = known ?? (/^[a-z0-9_.-]+$/.test(value) && directory.size > 0 ? undefined : { key: value, name: value });
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
  reportShown('author/unknown-handle', unknown, file, report, ({ value }) => ({ handle: value, suggestion: didYouMean(value, directory.keys()) }));
  reportShown('front-matter/invalid', repeated, file, report, ({ index, value }) => ({ key: `${key}.${index}`, expected: 'someone not listed before', actual: `"${value}"` }));
  return authors;
}
