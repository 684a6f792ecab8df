import path from 'node:path/posix';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Position } from '../parse/yaml-data.js';
import type { TranslationBehind } from './editions.js';
import type { Issue, Site, SiteDocument } from './types.js';

/** A front matter field a translation gives a value of its own that its edition does not use. */
export interface IgnoredField extends Position {
  field: string;
  /** The original's value, as the message shows it: `[ada, grace]`, `2026-03-01`, `none`. */
  original: string;
}

/**
 * The fields of `translation` that stay the original's in every edition (README, Translations)
 * and that it gives another value: a copy made by `mimeo new translation` says the same and is
 * not one. `draft` is not among them: a translation's `draft: true` holds it back.
 */
export function ignoredFieldsOf(original: SiteDocument, translation: SiteDocument): IgnoredField[] {
  const values = structureOf(original);
  const own = structureOf(translation);
  const ignored: IgnoredField[] = [];
  for (const [field, value] of Object.entries(own)) {
    const place = translation.fields[field];
    if (place === undefined || JSON.stringify(value) === JSON.stringify(values[field])) continue;
    ignored.push({ field, line: place.line, column: place.column, original: shown(values[field]) });
  }
  return ignored;
}

/** What of a document every edition takes from the original, by front matter field. */
function structureOf(document: SiteDocument): Record<string, unknown> {
  if (document.kind === 'article') return { authors: document.authors.map((author) => author.key), tags: document.tags };
  // An original's cover is its file's output path by now (`issues/1/cover.svg`); a translation's is as written.
  if (document.kind === 'issue') return { date: document.date, cover: document.path === document.key ? document.cover : coverOutput(document), editors: document.editors.map((author) => author.key) };
  return { menu: document.menu, order: document.order };
}

/** Where a translation's `cover` leads, as its original's is kept: the output path of a file of its issue's folder. */
function coverOutput(issue: Issue): string | undefined {
  return issue.cover === undefined ? undefined : path.normalize(path.join(issue.route, issue.cover));
}

function shown(value: unknown): string {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return 'none';
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/**
 * Warns of each field a translation gives a value that its edition does not use, at the field.
 * A translation committed before its original is not told: the original changed since (its
 * authors credited, its issue dated), not the translation. Nor is a committed translation whose
 * original has uncommitted changes (`uncommitted`, from Git), which are newer still: the editor
 * crediting an author in `mimeo dev` is not told of every translation. A translation with
 * uncommitted changes of its own is told, as both committed together would be.
 */
export function warnIgnoredFields(editions: readonly Site[], behind: readonly TranslationBehind[], uncommitted: ReadonlyMap<string, string>, report: Report): void {
  const older = new Set(behind.map(({ translation }) => translation.path));
  for (const edition of editions.slice(1)) {
    for (const document of [...edition.documents.values(), ...(edition.heldBack ?? [])]) {
      if (older.has(document.path) || (uncommitted.has(document.key) && !uncommitted.has(document.path))) continue;
      const key = document.key;
      for (const { field, line, column, original } of document.ignoredFields ?? []) {
        reportRule(report, 'translation/ignored-field', { file: document.path, line, column, related: [key] }, { field, original, file: key });
      }
    }
  }
}
