import { createRequire } from 'node:module';

// any-ascii's tables are loaded when a first slug is made: a build that renders nothing (a warm
// build) never makes one.
const load = createRequire(import.meta.url);
let anyAscii: ((text: string) => string) | undefined;
/** What a path under content/ is, decided from the path alone (SPEC §2). */
export type ContentPath =
  | { kind: 'issue'; folder: string; folderName: string }
  | { kind: 'article'; folder: string; folderName: string; fileName: string }
  | { kind: 'page'; fileName: string }
  | { kind: 'issue-asset'; folder: string; folderName: string; rest: string }
  | { kind: 'page-asset'; rest: string }
  | { kind: 'static'; rest: string }
  | { kind: 'nested-markdown' }
  | { kind: 'other' };

/** Classifies a root-relative path such as `content/issues/3/20-current.md`. */
export function classifyPath(path: string): ContentPath {
  const parts = path.split('/');
  if (parts[0] !== 'content' || parts.length < 3) return { kind: 'other' };
  const [, area, ...rest] = parts as [string, string, ...string[]];
  const markdown = path.toLowerCase().endsWith('.md');
  if (area === 'static') return { kind: 'static', rest: rest.join('/') };
  if (area === 'pages') {
    if (!markdown) return { kind: 'page-asset', rest: rest.join('/') };
    return rest.length === 1 ? { kind: 'page', fileName: rest[0]! } : { kind: 'nested-markdown' };
  }
  if (area === 'issues' && rest.length >= 2) {
    const folderName = rest[0]!;
    const folder = `content/issues/${folderName}`;
    if (!markdown) return { kind: 'issue-asset', folder, folderName, rest: rest.slice(1).join('/') };
    if (rest.length > 2) return { kind: 'nested-markdown' };
    const fileName = rest[1]!;
    return fileName === 'issue.md' ? { kind: 'issue', folder, folderName } : { kind: 'article', folder, folderName, fileName };
  }
  return { kind: 'other' };
}

/** The number of an issue folder (`007` is 7), or `undefined` when it is not a number. */
export function parseIssueNumber(folderName: string): number | undefined {
  return /^\d{1,9}$/.test(folderName) ? Number(folderName) : undefined;
}

/** Order and slug of an article file name: `20-current.md` → `{ order: 20, slug: 'current' }`. */
export function parseArticleName(fileName: string): { order: number; slug: string } | undefined {
  const match = /^(\d{1,9})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(fileName);
  return match ? { order: Number(match[1]), slug: match[2]! } : undefined;
}

/** The slug a Markdown file's name gives, well formed or not: its name without `.md` and its order number (`../1/10-first.md` is `first`). */
export function slugOfFile(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.md$/, '').replace(/^\d+-/, '');
}

/**
 * The end of a translation's name, `.<language>.md` (`.fr.md`, `.pt-BR.md`), the language in its
 * group 1: whatever the case, since a misspelt one is reported, not taken for another name.
 */
export const translationSuffix = /\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/;

/** The slug of a page file name: `about.md` → `about`. */
export function parsePageName(fileName: string): string | undefined {
  const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/.exec(fileName);
  return match ? match[1] : undefined;
}

/**
 * A slug made from any text: lowercase letters, digits and single hyphens. Other letters are
 * spelt in Latin ones first (`Cœur` is `coeur`, `Straße` is `strasse`, `Ελλάδα` is `ellada`), and
 * an English contraction keeps its word whole (`It's Tom's` is `its-toms`, where `l'été` is `l-ete`).
 */
export function toSlug(text: string): string {
  // Pictures and symbols (🎉, ©) are not words: any-ascii would spell them (`tada`, `c`).
  anyAscii ??= (load('any-ascii') as { default: (text: string) => string }).default;
  const words = text.replace(/[\p{Extended_Pictographic}\p{So}]/gu, ' ').replace(contraction, '$1');
  return anyAscii(words)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// An apostrophe inside an English contraction (`it's`, `don't`, `we'll`, `they're`, `I'd`).
const contraction = /(?<=\p{L})['\u2019\u02BC](s|t|d|m|ll|re|ve)(?!\p{L})/giu;
