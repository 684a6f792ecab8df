import path from 'node:path/posix';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Position } from '../parse/yaml-data.js';
import type { TranslationBehind } from './editions.js';
import type { Site, SiteDocument } from './types.js';

/** A front matter field a translation gives a value of its own that its edition does not use. */
export interface IgnoredField extends Position {
  field: string;
  /** The original's value as its front matter writes it (`[ada, grace]`, `cover.svg`); `undefined` when it writes none. */
  original?: string;
}

/**
 * The fields of `translation` that stay the original's in every edition (README, Translations)
 * and that it gives another value: a copy made by `mimeo new translation` says the same and is
 * not one. `draft` is not among them: a translation's `draft: true` holds it back. `written` is
 * the original's front matter, whose values are shown as written, not as the model holds them
 * (a cover as its output path, a default for a field left out).
 */
export function ignoredFieldsOf(original: SiteDocument, translation: SiteDocument, written: unknown): IgnoredField[] {
  const values = structureOf(original, isRecord(written) ? written['cover'] : undefined);
  const own = structureOf(translation, translation.kind === 'issue' ? translation.cover : undefined);
  const ignored: IgnoredField[] = [];
  for (const [field, value] of Object.entries(own)) {
    const place = translation.fields[field];
    if (place === undefined || JSON.stringify(value) === JSON.stringify(values[field])) continue;
    const shownValue = shown(isRecord(written) ? written[field] : undefined);
    ignored.push({ field, line: place.line, column: place.column, ...(shownValue === undefined ? {} : { original: shownValue }) });
  }
  return ignored;
}

/**
 * What of a document every edition takes from the original, by front matter field. A cover is
 * compared as written (`cover`), a path in the folder: an original's is its file's output
 * path by now (`issues/1/cover.svg`), or gone when that file is missing.
 */
function structureOf(document: SiteDocument, cover: unknown): Record<string, unknown> {
  const aliases = document.aliases ?? [];
  if (document.kind === 'article') return { authors: document.authors.map((author) => author.key), tags: document.tags, aliases };
  if (document.kind === 'issue') return { date: document.date, cover: coverAsWritten(cover), editors: document.editors.map((author) => author.key), aliases };
  return { menu: document.menu, order: document.order, aliases };
}

/** A cover as written, `./cover.svg` being `cover.svg`. */
function coverAsWritten(cover: unknown): unknown {
  return typeof cover === 'string' ? path.normalize(cover) : cover;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A front matter value as YAML writes it on one line: `[ada, grace]`, `cover.svg`; `undefined` for none. */
function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return `[${value.map((item) => shown(item) ?? '').join(', ')}]`;
  if (value instanceof Date) return value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
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
