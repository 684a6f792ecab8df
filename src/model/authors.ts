import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
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
  // The same person twice (a handle and the name it stands for, a name in two cases) is a slip.
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    const known = directory.get(value);
    const author = known ?? (/^[a-z0-9_.-]+$/.test(value) && directory.size > 0 ? undefined : { key: value, name: value });
    if (!author) {
      reportRule(report, 'author/unknown-handle', placeOf(index), { handle: value, suggestion: didYouMean(value, directory.keys()) });
      continue;
    }
    const person = author.name.normalize('NFC').trim().toLowerCase();
    if (seen.has(person)) {
      reportRule(report, 'front-matter/invalid', placeOf(index), { key: `${key}.${index}`, expected: 'someone not listed before', actual: `"${value}"` });
      continue;
    }
    seen.add(person);
    authors.push(author);
  }
  return authors;
}
