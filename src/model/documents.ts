import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { translationNameOf } from './translation-names.js';
import type { LoadedFile } from '../compile/compiled.js';
import { articleSchema, frontMatterFieldsSchema, issueSchema, pageSchema, toAliasRoute } from '../parse/schemas.js';
import { validateData, withoutMistakes, type ValidationOptions } from '../parse/validate.js';
import type { Position } from '../parse/yaml-data.js';
import type { z } from 'zod';
import { resolveAuthors } from './authors.js';
import { parseArticleName, parseIssueNumber, parsePageName, toSlug } from './classify.js';
import type { Article, Author, Issue, Page } from './types.js';

/** Which document a file stands for (`key`, the original's path) and in which language it is written. */
export interface Origin {
  key: string;
  lang: string;
}

/** The issue of an `issue.md`, its front matter checked; `undefined` when its folder is not a number. */
export function toIssue(file: LoadedFile, origin: Origin, folder: string, folderName: string, directory: Map<string, Author>, report: Report): Issue | undefined {
  const number = parseIssueNumber(folderName);
  if (number === undefined) {
    reportRule(report, 'slug/invalid', { file: file.path }, { name: folder, expected: 'by its issue number, like content/issues/7/' });
    return undefined;
  }
  const data = validate(file, issueSchema, 'an issue', report);
  if (!data) return undefined;
  const fields = file.fields;
  const draft = data.draft || data.date === undefined;
  // The title the issue scaffold gives (themes/default/scaffolds/issue.md), left on an issue being published.
  if (!draft && data.title.trim() === 'Untitled') reportRule(report, 'issue/untitled', { file: file.path, ...(fields['title'] ?? { line: 1, column: 1 }) }, { number });
  return {
    kind: 'issue',
    ...documentBase(file, origin, data, fields, `issues/${number}/`),
    draft,
    ...(data.draft ? { markedDraft: true as const } : {}),
    number,
    folder,
    ...(data.date === undefined ? {} : { date: data.date }),
    ...(data.date !== undefined && dateOf(file) !== data.date ? { dateWrong: true as const } : {}),
    ...(data.cover === undefined ? {} : { cover: data.cover }),
    ...(data.coverAlt === undefined ? {} : { coverAlt: data.coverAlt }),
    editors: resolveAuthors(data.editors, directory, 'editors', (index) => itemAt(file, 'editors', index), report),
    articles: [],
    contributors: [],
  };
}

/**
 * The article of an `NN-slug.md`, its front matter checked; `undefined` when its name is wrong
 * (told with a name to use, numbered `freeOrder` when it has no number: the next free in its issue).
 */
export function toArticle(file: LoadedFile, origin: Origin, folderName: string, fileName: string, directory: Map<string, Author>, report: Report, languages: readonly string[] = [], freeOrder = 10): Article | undefined {
  const name = parseArticleName(fileName);
  const number = parseIssueNumber(folderName);
  // `Issue.md` is the issue's file spelt otherwise, not an article: its fields are an issue's.
  if (fileName.toLowerCase() === 'issue.md') {
    reportRule(report, 'slug/invalid', { file: file.path }, { name: fileName, expected: 'issue.md, in lowercase, to be the issue\'s file', suggestion: 'issue.md' });
    return undefined;
  }
  if (!name) {
    // The order number keeps its digits, but 9 at most (`0000000001-ten.md` becomes `1-ten.md`).
    const digits = /^\d+/.exec(fileName)?.[0];
    // Without one, the next free in the issue (`first.md` beside `10-first.md` is no `10-first.md`).
    const order = digits === undefined ? String(freeOrder) : digits.length > 9 ? String(Number(digits.slice(-9))) : digits;
    const translation = translationNameOf(fileName, languages);
    const suggestion = translation ?? `${order}-${toSlug(fileName.replace(/^\d+-?/, '').replace(/\.md$/i, '')) || 'article'}.md`;
    reportRule(report, 'slug/invalid', { file: file.path }, { name: fileName, expected: translation ? asTranslation : 'NN-slug.md: an order number (9 digits at most), a hyphen, then lowercase words joined by hyphens', suggestion });
  }
  const data = validate(file, articleSchema, 'an article', report, { file: `${file.path.slice(0, file.path.lastIndexOf('/') + 1)}issue.md`, fields: issueOnlyFields });
  if (!name || !data || number === undefined) return undefined;
  const fields = file.fields;
  return {
    kind: 'article',
    ...documentBase(file, origin, data, fields, `issues/${number}/${name.slug}/`),
    draft: data.draft,
    ...(data.draft ? { markedDraft: true as const } : {}),
    issueNumber: number,
    order: name.order,
    slug: name.slug,
    authors: resolveAuthors(data.authors, directory, 'authors', (index) => itemAt(file, 'authors', index), report),
    tags: data.tags,
  };
}

// What a file named as other tools name translations (`about_fr.md`, `issue_fr.md`) is told its name must be.
const asTranslation = "as mimeo names a translation: its original's name with the language before .md";

/** The page of a `pages/<slug>.md`, its front matter checked; `undefined` when its name is wrong. */
export function toPage(file: LoadedFile, origin: Origin, fileName: string, report: Report, languages: readonly string[] = []): Page | undefined {
  const slug = parsePageName(fileName);
  if (!slug) {
    const translation = translationNameOf(fileName, languages);
    const suggestion = translation ?? `${toSlug(fileName.replace(/\.md$/i, '')) || 'page'}.md`;
    reportRule(report, 'slug/invalid', { file: file.path }, { name: fileName, expected: translation ? asTranslation : 'lowercase words joined by hyphens, like about.md', suggestion });
  }
  // A translation's origin is its original (see `toTranslated`).
  const translation = file.path === origin.key ? undefined : { language: origin.lang, original: origin.key.slice(origin.key.lastIndexOf('/') + 1) };
  const data = validate(file, pageSchema, 'a page', report, undefined, translation === undefined ? {} : { translation });
  if (!slug || !data) return undefined;
  return { kind: 'page', ...documentBase(file, origin, data, file.fields, `${slug}/`), draft: false, slug, menu: data.menu, order: data.order };
}

function documentBase(file: LoadedFile, origin: Origin, data: { title: string; summary?: string | undefined }, fields: Record<string, Position>, route: string) {
  const aliases = aliasesOf(file);
  return {
    ...(aliases.length === 0 ? {} : { aliases: aliases.map(({ alias }) => toAliasRoute(alias)), aliasPlaces: aliases.map(({ index }) => itemAt(file, 'aliases', index)).map(({ line, column }) => ({ line, column })) }),
    path: file.path,
    key: origin.key,
    lang: origin.lang,
    title: data.title,
    ...(data.summary === undefined ? {} : { summary: data.summary }),
    body: file.body,
    anchors: file.body.anchors,
    ...(file.partial ? { partial: true } : {}),
    fields,
    route,
    commitAuthors: [],
  };
}

/**
 * The aliases a document's front matter gives, each with its index in the list. When the list has
 * mistakes (reported as the front matter was checked), the items without one: a wrong alias does
 * not keep the others from being checked in the same run, and from having their pages.
 */
function aliasesOf(file: LoadedFile): { alias: string; index: number }[] {
  const value = file.frontMatter?.value;
  const written = typeof value === 'object' && value !== null ? (value as { aliases?: unknown }).aliases : undefined;
  if (!Array.isArray(written)) return [];
  const wrong = new Set(frontMatterFieldsSchema.shape.aliases.safeParse(written).error?.issues.map((issue) => issue.path[0]));
  return written.flatMap((alias: unknown, index) => (typeof alias === 'string' && !wrong.has(index) ? [{ alias, index }] : []));
}

// The fields of an issue that are not an article's too, told to an article that has one (SPEC §2).
const issueOnlyFields = Object.keys(issueSchema.shape).filter((key) => !(key in articleSchema.shape));

function validate<Schema extends typeof issueSchema | typeof articleSchema | typeof pageSchema>(
  file: LoadedFile,
  schema: Schema,
  kind: string,
  report: Report,
  issue?: ValidationOptions['issue'],
  page?: ValidationOptions['page'],
): z.infer<Schema> {
  const options: ValidationOptions = {
    file: file.path,
    kind,
    area: 'front-matter',
    ...(file.frontMatterText === undefined ? {} : { text: file.frontMatterText }),
    ...(issue === undefined ? {} : { issue }),
    ...(page === undefined ? {} : { page }),
  };
  const data = file.frontMatter && (validateData(schema, file.frontMatter, options, report) as z.infer<Schema> | undefined);
  // Front matter with mistakes (reported) still gives a document, of its fields without one, so
  // the links in its body and its authors are checked in the same run, and links to it are not
  // reported missing.
  // An issue whose date is wrong stays published: as a draft, its articles would turn every link to them into an error.
  const dated = schema === issueSchema && typeof file.frontMatter?.value === 'object' && file.frontMatter.value !== null && 'date' in file.frontMatter.value;
  const defaults = { title: fallbackTitle(file), ...(dated ? { date: '1970-01-01' } : {}) };
  return data ?? ((withoutMistakes(schema, file.frontMatter?.value, defaults)?.data ?? schema.parse({ title: defaults.title })) as z.infer<Schema>);
}

/** The date an issue's front matter gives, as written: a stand-in replaces one written wrong (see `validate`). */
function dateOf(file: LoadedFile): unknown {
  const value = file.frontMatter?.value;
  return typeof value === 'object' && value !== null ? (value as { date?: unknown }).date : undefined;
}

function fallbackTitle(file: LoadedFile): string {
  const title = (file.frontMatter?.value as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' && title.trim() !== '' ? title : file.path.slice(file.path.lastIndexOf('/') + 1);
}

/** Where item `index` of the front matter list `key` of `file` is. */
function itemAt(file: LoadedFile, key: string, index: number): { file: string } & Position {
  return { file: file.path, ...(file.frontMatter?.locate([key, index], 'value') ?? file.fields[key] ?? { line: 1, column: 1 }) };
}
