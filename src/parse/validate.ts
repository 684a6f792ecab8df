import type { z } from 'zod';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule, type LanguageClash, type UnquotedText } from '../diagnostics/rules.js';
import { inFileOrder, reportShown } from '../diagnostics/report-shown.js';
import type { Position, YamlData } from './yaml-data.js';
import { impossibleDate } from './impossible-date.js';
import { asList, inQuotes, itemsOf, type ListedValue } from './yaml-quoting.js';
import { toAliasPath, toFediverseAddress } from './schemas.js';
import { suggestLanguageTag, type TagSuggestion } from '../util/language-tags.js';
import { describeExpected, knownKeys, whatFieldTakes } from './field-schema.js';

/** Which catalogue rules a kind of YAML file reports its mistakes under. */
export interface ValidationOptions {
  /** The file's path relative to the root. */
  file: string;
  /** What the file is, for messages: `an article`, `site.yml`. */
  kind: string;
  /** `front-matter` for Markdown files, `site-config` for site.yml, `authors-file` for authors.yml. */
  area: 'front-matter' | 'site-config' | 'authors-file';
  /** The file's text, whose lines the data's positions count, for hints that quote it (default: none). */
  text?: string;
  /** The fields of an article's issue that an article does not take (`date`), and the issue's file, which the hint sends them to (default: none). */
  issue?: { file: string; fields: readonly string[] };
  /** For a page's front matter, which takes no `draft`: the language and original's name when it is a translation (default: not a page). */
  page?: PageOfDraft;
}

/** A page told that it has no drafts: a translation by its language and its original's name. */
export interface PageOfDraft {
  translation?: { language: string; original: string };
}

/**
 * What can be trusted of YAML data that `schema` refused (its mistakes reported): its top-level
 * keys without a mistake, over `defaults`, as `schema` reads them, and the keys left out;
 * `undefined` when even that does not pass.
 */
export function withoutMistakes<Schema extends z.ZodType>(schema: Schema, value: unknown, defaults: Record<string, unknown>): { data: z.infer<Schema>; wrong: Set<PropertyKey> } | undefined {
  const written = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const wrong = new Set<PropertyKey>();
  for (const issue of schema.safeParse(written).error?.issues ?? []) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) issue.keys.forEach((key) => wrong.add(key));
    else if (issue.path[0] !== undefined) wrong.add(issue.path[0]);
  }
  const kept = Object.fromEntries(Object.entries(written).filter(([key]) => !wrong.has(key)));
  const result = schema.safeParse({ ...defaults, ...kept });
  return result.success ? { data: result.data, wrong } : undefined;
}

/**
 * Checks YAML data against a schema and reports every mismatch where it was written, wording
 * what was expected and what was found. Gives the typed value, or `undefined` on any error.
 */
export function validateData<Schema extends z.ZodType>(
  schema: Schema,
  data: YamlData,
  options: ValidationOptions,
  report: Report,
): z.infer<Schema> | undefined {
  const result = schema.safeParse(data.value);
  if (result.success) return result.data;
  const repeated: Repeated = { unknownKeys: [], invalid: [] };
  for (const issue of result.error.issues) reportIssue(issue, schema, data, options, report, repeated);
  reportRepeated(repeated, options, report);
  return undefined;
}

/** The mistakes a file can make by the thousand (unknown keys, wrong items of a list), reported past the first ten as a count. */
interface Repeated {
  unknownKeys: Array<Position & { key: string; suggestion: () => string | undefined; issueFile?: string; page?: PageOfDraft }>;
  invalid: Array<Position & { key: string; expected: string; actual: string; suggestion?: string; listed?: ListedValue; commented?: () => { quoted?: string } | undefined; unquoted?: () => UnquotedText | undefined; tag?: TagSuggestion; clash?: () => LanguageClash | undefined }>;
}

function reportIssue(issue: z.core.$ZodIssue, schema: z.ZodType, data: YamlData, options: ValidationOptions, report: Report, repeated: Repeated): void {
  const { file, kind, area } = options;
  const path = issue.path;
  const key = path.map(String).join('.') || 'the file';
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(schema, path);
    for (const unknownKey of issue.keys) {
      // What other generators call the theme's settings (Hugo `params`, Zola `extra`, Jekyll's own keys).
      const theirs = area === 'site-config' && path.length === 0 && /^(params|parameters|settings|custom)$/i.test(unknownKey) && known.includes('extra') ? 'extra' : undefined;
      // Looked for only for the keys shown.
      const suggestion = () => theirs ?? didYouMean(unknownKey, known);
      // An article's `date` is its issue's (SPEC §2).
      const issueFile = path.length === 0 && options.issue?.fields.includes(unknownKey) ? options.issue.file : undefined;
      // A page has no drafts: `draft` in one is told what to do with a page that is not ready.
      const page = path.length === 0 && unknownKey === 'draft' ? options.page : undefined;
      repeated.unknownKeys.push({ ...data.locate([...path, unknownKey], 'key'), key: [...path.map(String), unknownKey].join('.'), suggestion, ...(issueFile === undefined ? {} : { issueFile }), ...(page === undefined ? {} : { page }) });
    }
    return;
  }
  const actualValue = valueAt(data.value, path);
  const place = { file, ...data.locate(path, 'value') };
  if (actualValue === undefined && issue.code === 'invalid_type' && area === 'front-matter') {
    // A block that holds other fields needs a line more; no block (or an empty one) needs one whole.
    const block = typeof data.value === 'object' && data.value !== null && Object.keys(data.value).length > 0;
    reportRule(report, 'front-matter/required', { file, ...data.locate([], 'key') }, { key, kind, block });
    return;
  }
  const actual = describeValue(actualValue);
  if (path.length === 0) {
    // Not fields at all (`title About`, a colon missing; a list): the fields' own checks would only confuse.
    const what = area === 'front-matter' ? 'the front matter' : area === 'site-config' ? 'site.yml' : 'authors.yml';
    reportRule(report, 'yaml/not-fields', place, { what, actual, authors: area !== 'front-matter' && area !== 'site-config' });
    return;
  }
  if (area === 'front-matter' && path[path.length - 1] === 'date') {
    // 2024-02-30 is written as a date is: what is wrong is the day, not the form.
    const impossible = typeof actualValue === 'string' ? impossibleDate(actualValue) : undefined;
    reportRule(report, 'front-matter/date', place, { key, actual, ...(impossible === undefined ? {} : { impossible }) });
    return;
  }
  const expected = describeExpected(issue);
  // A misspelt choice (`links: paragraf`) is told the one it is nearest to.
  // A fediverse address written otherwise (tamsin@social.example) is told the form it stands for.
  const suggestion =
    issue.code === 'invalid_value' && typeof actualValue === 'string'
      ? didYouMean(actualValue, issue.values.map(String))
      : area === 'authors-file' && path[path.length - 1] === 'fediverse' && typeof actualValue === 'string'
        ? toFediverseAddress(actualValue)
        : area === 'front-matter' && path[0] === 'aliases' && typeof actualValue === 'string'
          ? toAliasPath(actualValue)
          : undefined;
  // Looked for only for the values shown.
  const text = options.text;
  const commented = actualValue === null && text !== undefined ? () => commentedValue(text, place, schema, path) : undefined;
  const unquoted = (typeof actualValue === 'number' || typeof actualValue === 'boolean') && text !== undefined ? () => unquotedText(text, place, schema, path, actualValue) : undefined;
  // A list written as text (`tags: news, tips`) is told the list it stands for.
  const field = path[path.length - 1];
  const listed = issue.code === 'invalid_type' && issue.expected === 'array' && typeof actualValue === 'string' && typeof field === 'string' ? asList(field, actualValue) : undefined;
  // A language of site.yml written in other capitals (`FR`, `pt-br`), with `_` or by its name is told its tag.
  const tag = area === 'site-config' && (path[0] === 'language' || path[0] === 'languages') && typeof actualValue === 'string' ? suggestLanguageTag(actualValue) : undefined;
  // Looked for only for the values shown.
  const index = path[1];
  const clash = tag && path[0] === 'languages' && typeof index === 'number' ? () => languageClash(data.value, index, tag.tag) : undefined;
  repeated.invalid.push({ line: place.line, column: place.column, key, expected, actual, ...(suggestion !== undefined ? { suggestion } : {}), ...(listed ? { listed } : {}), ...(commented ? { commented } : {}), ...(unquoted ? { unquoted } : {}), ...(tag ? { tag } : {}), ...(clash ? { clash } : {}) });
}

/**
 * Where else site.yml (`config`) has `tag`, the tag item `index` of its `languages` stands for:
 * the original's language, or another item that is the tag or stands for it (the first such
 * before this one, or one written as the tag after it, which is told nothing).
 */
function languageClash(config: unknown, index: number, tag: string): LanguageClash | undefined {
  const { language, languages } = config as { language?: unknown; languages?: unknown };
  const original = typeof language === 'string' ? language : 'en';
  const standsFor = (value: unknown) => (typeof value === 'string' ? (suggestLanguageTag(value)?.tag ?? value) : undefined);
  // The original's tag, even where `language` itself is written otherwise (`FR`).
  if (standsFor(original)?.toLowerCase() === tag.toLowerCase()) return { original, byDefault: language === undefined };
  const items: unknown[] = Array.isArray(languages) ? languages : [];
  // The item written as the tag, which stays, else the first written otherwise, which is told the tag.
  const exact = items.findIndex((item, at) => at !== index && item === tag);
  const repeated = exact >= 0 ? exact : items.findIndex((item, at) => at < index && standsFor(item) === tag);
  return repeated < 0 ? undefined : { repeats: repeated + 1 };
}

/**
 * A value YAML read as nothing because it starts with a `#` after a space, which begins a comment
 * (`title: #1 issue`), written again in quotes as its field takes it: `title: "#1 issue"`, in a
 * list for a list of text (`tags: ["# none"]`), and not at all for a field that takes no text
 * (`order: #1`, a number), which quotes would not mend; `undefined` when no comment emptied it.
 */
function commentedValue(text: string, { line, column }: Position, schema: z.ZodType, path: readonly PropertyKey[]): { quoted?: string } | undefined {
  const written = lineOf(text, line);
  if (written === undefined || written[column - 1] !== '#' || !/[ \t]/.test(written[column - 2] ?? '')) return undefined;
  const value = written.slice(column - 1).trimEnd();
  const takes = whatFieldTakes(schema, path, value);
  if (takes?.takes === 'other') return {};
  const last = path[path.length - 1];
  // A list written with commas (`tags: #x, #y`) gets an item a part, as the quoting hints give it.
  const quoted = takes?.takes === 'list' ? `[${(itemsOf([value]) ?? [value]).map((item) => inQuotes([item])).join(', ')}]` : inQuotes([value]);
  return { quoted: `${typeof last === 'number' ? '-' : `${String(last)}:`} ${quoted}` };
}

/**
 * A text field's value YAML read as a number or as true or false because it is not in quotes
 * (`title: 2026`), with the field written again in quotes (`title: "2026"`); `undefined` when the
 * field takes no text, which quotes would not mend.
 */
function unquotedText(text: string, { line, column }: Position, schema: z.ZodType, path: readonly PropertyKey[], value: number | boolean): UnquotedText | undefined {
  const written = lineOf(text, line);
  // As written (`1e3`, `0x10`, `True`), not as read; a value in a flow list ends at `,` or `]`.
  const scalar = written === undefined ? undefined : /^[^\s,\]}#]+/.exec(written.slice(column - 1))?.[0];
  if (written === undefined || scalar === undefined || whatFieldTakes(schema, path, scalar)?.takes !== 'text') return undefined;
  const last = path[path.length - 1];
  // An item of a list written a line each (`- 2026`) is shown so; one of a list in brackets alone.
  const before = typeof last === 'number' ? (/^\s*-\s*$/.test(written.slice(0, column - 1)) ? '- ' : '') : `${String(last)}: `;
  return { written: scalar, reads: typeof value === 'number' ? 'a number' : 'true or false', quoted: `${before}${inQuotes([scalar])}` };
}

/** Line `line` (from 1) of `text`, or `undefined` past its end. */
function lineOf(text: string, line: number): string | undefined {
  let start = 0;
  for (let count = 1; count < line; count++) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return undefined;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Reports the unknown keys and wrong values of a file under the rules of its area, in the order they were written. */
function reportRepeated({ unknownKeys, invalid }: Repeated, { file, kind, area }: ValidationOptions, report: Report): void {
  const valueArgs = ({ line, column, commented, unquoted, clash, ...args }: Repeated['invalid'][number]) => {
    const written = commented?.();
    const quoted = unquoted?.();
    const found = clash?.();
    return { ...args, ...(written === undefined ? {} : { commented: written }), ...(quoted === undefined ? {} : { unquoted: quoted }), ...(found === undefined ? {} : { clash: found }) };
  };
  if (area === 'site-config') {
    reportShown('site-config/unknown-key', inFileOrder(unknownKeys), file, report, ({ key, suggestion }) => ({ key, suggestion: suggestion() }));
    reportShown('site-config/invalid', inFileOrder(invalid), file, report, valueArgs);
  } else if (area === 'front-matter') {
    reportShown('front-matter/unknown-key', inFileOrder(unknownKeys), file, report, ({ key, suggestion, issueFile, page }) => ({
      key,
      kind,
      ...(page !== undefined ? { page } : issueFile === undefined ? { suggestion: suggestion() } : { issueFile }),
    }));
    reportShown('front-matter/invalid', inFileOrder(invalid), file, report, valueArgs);
  } else {
    // A misspelt field (`nme`) is told the one it is nearest to, as in site.yml and front matter (SPEC §5).
    const unknownFields = unknownKeys.map(({ line, column, key, suggestion }) => ({ line, column, key, expected: 'one of name, url or fediverse', actual: 'an unknown field', suggest: suggestion }));
    const rows: Array<Repeated['invalid'][number] & { suggest?: () => string | undefined }> = [...unknownFields, ...invalid];
    reportShown('authors-file/invalid', inFileOrder(rows), file, report, ({ suggest, ...row }) => {
      const suggestion = suggest?.();
      return suggestion === undefined ? valueArgs(row) : { ...valueArgs(row), suggestion };
    });
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** How a found value is quoted in a message: `"next friday"`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  // YAML's `!!binary` gives bytes (a Buffer), not a mapping.
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  return 'a set of "key: value" lines';
}
