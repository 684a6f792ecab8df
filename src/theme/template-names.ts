import type { Liquid } from 'liquidjs';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { FilterAdvice } from '../diagnostics/rules.js';
import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import { placeOf } from '../util/text-place.js';

/** Where a theme's templates are, inside it. */
export const templatePrefix = 'templates/';

/** The names of a theme's templates, as templates name them: `partials/byline`, `gemini/home`. */
export function templateNames(files: ThemeFiles): string[] {
  return [...files.keys()].filter((file) => file.startsWith(templatePrefix) && file.endsWith('.liquid')).map((file) => file.slice(templatePrefix.length, -'.liquid'.length));
}

/** What the name a template error's `reason` tells of was likely meant to be: a filter, a tag, or one of `templates`. */
export function suggestName(engine: Liquid, reason: string, templates: readonly string[] = []): string | undefined {
  const filter = /^undefined filter: (\S+)/.exec(reason)?.[1];
  if (filter) return maybeQuoted(didYouMean(filter, Object.keys(engine.filters)));
  const tag = /^tag "([^"]+)" not found/.exec(reason)?.[1];
  if (tag) return maybeQuoted(didYouMean(tag, Object.keys(engine.tags)));
  const template = /^Failed to lookup "([^"]+)"/.exec(reason)?.[1];
  if (!template) return undefined;
  // A name in the same folder, `partials/byline` for `partials/bylines`, judged by the part after
  // the folder: with it, `partials/nope` was close enough to `partials/cover`.
  const folder = template.slice(0, template.lastIndexOf('/') + 1);
  const others = templates.filter((other) => other.startsWith(folder) && !other.slice(folder.length).includes('/')).map((other) => other.slice(folder.length));
  const found = didYouMean(template.slice(folder.length), others);
  return found === undefined ? undefined : maybeQuoted(`${folder}${found}`);
}

// Filters of other generators for URLs, which mimeo's relative URLs make needless: Jekyll's,
// Eleventy's and Hugo's (whose absolute ones HTML templates have as `absolute_url`).
const urlFilters = ['relative_url', 'absolute_url', 'url', 'relURL', 'absURL'];
// Filters of HTML templates only, and what a gemtext template that names one is told.
const htmlOnlyFilters = ['text_dir', 'absolute_url', 'script_json'];

/**
 * What the hint of a template error's `reason` says, for a template of `kind`: a filter of the
 * other kind of template, or another generator's URL filter, is told what it is; any other
 * name, the one likely meant ({@link suggestName}).
 */
export function templateAdvice(engine: Liquid, reason: string, kind: 'html' | 'gemtext' | 'scaffold', templates: readonly string[] = []): { suggestion?: string; advice?: FilterAdvice } {
  const filter = /^undefined filter: (\S+)/.exec(reason)?.[1];
  if (filter === 'text_line' && kind === 'html') return { advice: { filter, kind: 'gemtext-only' } };
  if (filter !== undefined && htmlOnlyFilters.includes(filter) && kind === 'gemtext') return { advice: { filter, kind: 'html-only' } };
  if (filter === 'absURL' && kind === 'html') return { suggestion: '"absolute_url"' };
  if (filter !== undefined && urlFilters.includes(filter) && kind !== 'scaffold') return { advice: { filter, kind: 'url' } };
  const suggestion = suggestName(engine, reason, templates);
  return suggestion === undefined ? {} : { suggestion };
}

function maybeQuoted(name: string | undefined): string | undefined {
  return name === undefined ? undefined : `"${name}"`;
}

// `{% render 'partials/x' %}`, `{%- include "x", … -%}`, `{% layout 'layouts/base' %}`: a template named as written.
const namedTemplate = /\{%-?\s*(?:render|include|layout)\s+(['"])([^'"]+)\1/g;
// The same on a line of a `{% liquid %}` tag, where tags are written without delimiters, one a
// line (the first may follow `liquid`): `render 'banner'`, `include "x", a: 1`.
const liquidTag = /\{%-?\s*liquid\b[\s\S]*?%\}/g;
const namedOnLine = /(?<=^[ \t]*|^\{%-?\s*liquid[ \t]+)(?:render|include|layout)[ \t]+(['"])([^'"]+)\1/gm;
// A template named by a variable (`{% render name %}`, or `render name` in a `{% liquid %}` tag), which may be any.
const namedByVariable = /\{%-?\s*(?:render|include|layout)\s+[^'"\s]/;
const byVariableOnLine = /(?<=^[ \t]*|^\{%-?\s*liquid[ \t]+)(?:render|include|layout)[ \t]+[^'"\s]/m;

// What Liquid does not read as tags: a comment block, a raw block, an inline comment.
const unread = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*#[\s\S]*?-?%\}/g;

/**
 * A template's text with what Liquid does not read as tags (comments, raw blocks) blanked out,
 * line breaks kept, so what is found in it is where it was written.
 */
export function readTags(text: string): string {
  return text.replace(unread, (part) => part.replace(/[^\n]/g, ' '));
}

/** The templates a template names with a name written out (`render`, `include`, `layout`), each with where. */
export function namedIn(text: string): Array<{ name: string; index: number }> {
  const tags = readTags(text);
  const named = (match: RegExpMatchArray, at: number) => ({ name: match[2]!.replace(/\.liquid$/, ''), index: at });
  const inLiquidTags = [...tags.matchAll(liquidTag)].flatMap((tag) => [...tag[0].matchAll(namedOnLine)].map((match) => named(match, tag.index + match.index)));
  return [...[...tags.matchAll(namedTemplate)].map((match) => named(match, match.index)), ...inLiquidTags].sort((a, b) => a.index - b.index);
}

/** Where a template first names a template by a variable (a tag, or a `{% liquid %}` tag holding such a line); `undefined` when it does not. */
export function byVariableAt(text: string): number | undefined {
  const tags = readTags(text);
  const at = [tags.search(namedByVariable), ...[...tags.matchAll(liquidTag)].filter((tag) => byVariableOnLine.test(tag[0])).map((tag) => tag.index)].filter((index) => index !== -1);
  return at.length === 0 ? undefined : Math.min(...at);
}

/** Whether a template names templates by a variable, in a tag or on a line of a `{% liquid %}` tag. */
function namesByVariable(text: string): boolean {
  const tags = readTags(text);
  return namedByVariable.test(tags) || [...tags.matchAll(liquidTag)].some((tag) => byVariableOnLine.test(tag[0]));
}

/** The names the theme's templates write out in `render`, `include` and `layout` tags. */
export function writtenNames(files: ThemeFiles): Set<string> {
  return new Set(templateNames(files).flatMap((name) => namedIn(files.get(`${templatePrefix}${name}.liquid`)!.bytes.toString('utf8')).map((named) => named.name)));
}

/**
 * The templates that a theme's templates name and that the theme does not have: found before a
 * page needs them, so a partial only drafts show is not a mistake only `build --drafts` tells.
 */
export function missingTemplates(files: ThemeFiles): Array<{ name: string; from: string; place: { file: string; line: number; column: number } }> {
  const names = new Set(templateNames(files));
  const missing: Array<{ name: string; from: string; place: { file: string; line: number; column: number } }> = [];
  for (const from of names) {
    const file = files.get(`${templatePrefix}${from}.liquid`)!;
    const text = file.bytes.toString('utf8');
    for (const { name, index } of namedIn(text)) {
      if (names.has(name)) continue;
      missing.push({ name, from, place: { file: file.displayPath, ...placeOf(text, index) } });
    }
  }
  return missing;
}

/**
 * The templates pages are made with (those at the top of `templates/` and `templates/gemini/`)
 * and every one they name, however deep: a partial no page can reach shows nothing. A template
 * that names one by a variable (`{% render name %}`) may reach any.
 */
export function reachableTemplates(files: ThemeFiles, capsule: boolean): Set<string> {
  return templatesReached(files, templateNames(files).filter((name) => (capsule ? !name.replace(/^gemini\//, '').includes('/') : !name.includes('/'))));
}

/**
 * The templates `start` (names such as `page`, `partials/footer`) render, include or extend,
 * followed through, `start` among them; every template when one of them names one by a variable.
 */
export function templatesReached(files: ThemeFiles, start: readonly string[]): Set<string> {
  const reached = new Set(start);
  for (const from of reached) {
    const file = files.get(`${templatePrefix}${from}.liquid`);
    if (!file) continue;
    const text = file.bytes.toString('utf8');
    if (namesByVariable(text)) return new Set(templateNames(files));
    for (const { name } of namedIn(text)) if (files.has(`${templatePrefix}${name}.liquid`)) reached.add(name);
  }
  return reached;
}

/**
 * The text of each template a page made with template `name` may hold, by file (`templates/page.liquid`):
 * its own first, then those it renders, includes or extends ({@link templatesReached}), in name order.
 */
export function templateSources(files: ThemeFiles, name: string): Array<{ file: string; text: string }> {
  const others = [...templatesReached(files, [name])].filter((other) => other !== name).sort();
  return [name, ...others].flatMap((template) => {
    const file = files.get(`${templatePrefix}${template}.liquid`);
    return file ? [{ file: `${templatePrefix}${template}.liquid`, text: file.bytes.toString('utf8') }] : [];
  });
}

/**
 * The template that likely printed script no template writes as such (a value, or text pieced
 * together, `{{ "java" }}script:`): the page's template `name` when it is the webzine's own, else
 * the first of the webzine's own that it renders, includes or extends, which a built-in template
 * that prints only escaped and sanitized values can not be; the page's template when it reaches none.
 */
export function printingTemplate(files: ThemeFiles, name: string): string {
  const own = templateSources(files, name).filter(({ file }) => !files.get(file)!.absolutePath.startsWith(builtInThemeFolder));
  const page = `${templatePrefix}${name}.liquid`;
  return own.some(({ file }) => file === page) ? page : (own[0]?.file ?? page);
}

/**
 * The templates mimeo makes pages with, in `templates/` and `templates/gemini/`: the web's
 * (`src/render/html/page-specs.ts`) and the capsule's (`src/render/gemtext/render-capsule.ts`).
 */
export const pageTemplates = {
  '': ['home', 'issue', 'article', 'page', 'authors', 'tags', 'tag', '404'],
  'gemini/': ['home', 'issue', 'article', 'page', 'authors', 'tags', 'tag'],
} as const;

/** A file at the top of `templates/` or `templates/gemini/` that no page is made with and no template names. */
export interface UnusedTemplate {
  /** Where it is, for messages. */
  file: string;
  /** Its folder in the theme: `templates/` or `templates/gemini/`. */
  folder: string;
  /** The page template of that folder its name is closest to, with its extension: `page.liquid`. */
  suggestion?: string | undefined;
}

/**
 * The files at the top of `templates/` and `templates/gemini/` that are neither a template pages
 * are made with nor one a template renders, includes or extends by name: a misnamed template
 * (`pages.liquid`, `authors.html`), which leaves the default theme's in use. A `.liquid` file is
 * not told when a template names templates by a variable, which may reach any; a file of
 * another extension never is read (names are looked up with `.liquid`). Partials and layouts in
 * folders of their own are not judged.
 */
export function unusedTemplates(files: ThemeFiles): UnusedTemplate[] {
  const names = templateNames(files);
  const named = new Set<string>();
  let byVariable = false;
  for (const name of names) {
    const text = files.get(`${templatePrefix}${name}.liquid`)!.bytes.toString('utf8');
    if (namesByVariable(text)) byVariable = true;
    for (const { name: other } of namedIn(text)) named.add(other);
  }
  const unused: UnusedTemplate[] = [];
  for (const [relative, file] of files) {
    if (!relative.startsWith(templatePrefix)) continue;
    const inside = relative.slice(templatePrefix.length);
    const folder = inside.startsWith('gemini/') ? 'gemini/' : '';
    const fileName = inside.slice(folder.length);
    if (fileName.includes('/')) continue;
    const known: readonly string[] = pageTemplates[folder];
    const liquid = fileName.endsWith('.liquid');
    const base = liquid ? fileName.slice(0, -'.liquid'.length) : fileName.replace(/\.[^.]*$/, '');
    if (liquid && (known.includes(base) || named.has(`${folder}${base}`) || byVariable)) continue;
    const suggestion = didYouMean(base, known);
    unused.push({ file: file.displayPath, folder: `${templatePrefix}${folder}`, suggestion: suggestion === undefined ? undefined : `${suggestion}.liquid` });
  }
  return unused;
}
