import { createHash, hash as hashOnce } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FS, Liquid, Template } from 'liquidjs';
import type { Report } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { reportRule } from '../diagnostics/rules.js';
import { isActiveUrl } from '../model/active-content.js';
import { builtInThemeFolder, type ThemeFile, type ThemeFiles } from '../load/load-theme.js';
import { markupOf, type AssetSource } from '../load/load-sources.js';
import { parseYaml } from '../parse/yaml-data.js';
import type { OutputFile } from '../write/output-file.js';
import { codeFingerprint, corruptEntryIn, writeEntry } from '../compile/file-cache.js';
import { toTextLine } from '../render/gemtext/lines.js';
import { textDirection } from '../render/html/text-direction.js';
import { materialize } from '../render/lazy-text.js';
import type { OutputMemo } from '../write/output-memo.js';
import { createHeapGuard } from '../write/heap-guard.js';
import { runtimeFacts } from '../write/build-stamp.js';

/** A loaded theme, its templates compiled once per build. */
export interface Theme {
  /**
   * The output file `place.path` of tree `place.tree`, made with template `name` when it is
   * written, or, when the memo knows the previous build made it from the same template and
   * context, linked from that build. `context` is called when needed: contexts are not kept
   * from one page to the next.
   */
  renderFile(name: string, context: () => object, place: { tree: string; path: string; source: string; page: string }): OutputFile;
  /**
   * An output made without a template (a feed), linked from the previous build like a page when
   * the memo knows its inputs (`inputsOf`) are the same; else `make` is called now.
   */
  dataFile(make: () => string, place: { tree: string; path: string; source: string }): OutputFile;
  /** The UI strings for `language`, falling back to English for missing ones. */
  strings(language: string): Record<string, string>;
  /** The stylesheet's output path, with a content hash: `style.3f2a9c1b0d.css`. */
  stylesheet: string;
  /** The theme's files for the web root: the hashed stylesheet and every other asset. */
  assets: OutputFile[];
  /** Whether a template reads the clock (`"now"`): its pages change from day to day, so none is reused. */
  readsClock: boolean;
  /**
   * Reads every template of the theme and reports its mistakes, and each template named that the
   * theme does not have: what no page of this build shows (a partial for drafts) is checked too.
   * A theme found sound is remembered (in the cache folder, and by the process), and not read
   * again until its files or mimeo change.
   */
  checkTemplates(): void;
}

const templatePrefix = 'templates/';

// Bounds of one page's render: time in milliseconds, and LiquidJS's count of what filters allocate.
const renderLimitMs = 10_000;
const memoryLimit = 64 * 1024 * 1024;

// LiquidJS is CommonJS (its `main`, which `import` takes too): `require` loads it when first needed.
const load = createRequire(import.meta.url);
const liquid = () => load('liquidjs') as typeof import('liquidjs');

/** What {@link createTheme} needs to know of the build. */
export interface ThemeSettings {
  /** The theme's name, to locate its missing files. */
  name: string;
  /** The languages of the webzine's editions. */
  languages: readonly string[];
  /** The previous build's outputs: a page made from the same inputs is linked from it. */
  memo?: OutputMemo | undefined;
  /**
   * What output `path` of `tree` is made of besides the theme, when the build knows it from the
   * model (`inputsOf` of the dependency graph); a page it does not know is keyed by its context.
   */
  inputsOf?: ((tree: string, path: string) => string | undefined) | undefined;
  /** The first 12 digits of the commit's hash, `build.commit` in templates (default: none, empty). */
  commit?: string | undefined;
  /**
   * Whether a file of the webzine's theme's `assets/` may be published at `output` (reporting why
   * not): checked like the webzine's own copied files (`allowCopiedFile`).
   */
  allowAsset: (source: AssetSource, output: string) => boolean;
  /** Whether a web page may run script: only with `markdown.html: trust`, whose content may hold some (default: `false`). */
  scriptAllowed?: boolean | undefined;
  /** Whether the webzine has a capsule, whose templates' strings every language then needs (default: `true`). */
  capsule?: boolean | undefined;
  /** The persistent cache's folder, where a theme found sound is remembered (default: none). */
  cacheDir?: string | undefined;
}

/**
 * Compiles a theme's templates (reporting errors at the template's file and line). HTML
 * templates escape every output, and have the `text_dir` filter (a language's direction, `rtl`
 * or `ltr`); gemtext templates (`templates/gemini/`) do not escape, and have the `text_line`
 * filter to keep a value on one line that no client misreads.
 */
export function createTheme(files: ThemeFiles, settings: ThemeSettings, report: Report): Theme {
  const readStrings = stringsReader(files, report);
  checkStrings(files, settings, readStrings, report);
  // The engines are made when a first template is needed: a warm build may render no page.
  let engines: { html: Liquid; gemtext: Liquid } | undefined;
  const makeEngines = () => {
    const { Liquid } = liquid();
    // A template that loops for ever, or builds ever longer text, stops at a bound no page comes near.
    const options = { root: ['templates'], extname: '.liquid', fs: memoryFs(files), cache: true, strictFilters: true, jsTruthy: true, ownPropertyOnly: true, renderLimit: renderLimitMs, memoryLimit };
    const gemtext = new Liquid(options);
    gemtext.registerFilter('text_line', (value: unknown) => toTextLine(String(value ?? '')));
    const html = new Liquid({ ...options, outputEscape: 'escape' });
    html.registerFilter('text_dir', (value: unknown) => textDirection(String(value ?? '')));
    return { html, gemtext };
  };
  const compiled = new Map<string, Template[] | undefined>();
  const engineOf = (name: string) => {
    engines ??= makeEngines();
    return name.startsWith('gemini/') ? engines.gemtext : engines.html;
  };
  // A template that fails the same way on every page that uses it is told once, at its first page.
  const told = new Set<string>();
  const suggest = (name: string, reason: string) => suggestName(engineOf(name), reason, templateNames(files));
  const compile = (name: string): Template[] | undefined => {
    if (compiled.has(name)) return compiled.get(name);
    let templates: Template[] | undefined;
    try {
      templates = engineOf(name).parseFileSync(name);
    } catch (error) {
      reportTemplateError(error, files, `${templatePrefix}${name}.liquid`, report, (reason) => ({ rule: 'template/syntax', args: { reason, suggestion: suggest(name, reason) } }), told);
    }
    compiled.set(name, templates);
    return templates;
  };
  const stylesheetFile = files.get('assets/style.css');
  const stylesheet = `style.${createHash('sha256').update(stylesheetFile?.bytes ?? '').digest('hex').slice(0, 10)}.css`;
  // The build's commit is read through a getter: a page that showed it is kept only for the same
  // commit, any other across commits (the default theme shows it on the home pages alone, so a
  // new commit does not make every page again).
  let commitRead = false;
  const commit = settings.commit ?? '';
  const build = {
    get commit() {
      commitRead = true;
      return commit;
    },
  };
  const withCommit = (key: string) => `${key} commit=${commit}`;
  // Templates that ran out of time or memory once: each page would take as long again.
  const exhausted = new Set<string>();
  const render = (name: string, context: object, page: string): string | undefined => {
    const templates = compile(name);
    if (!templates || exhausted.has(name)) return undefined;
    try {
      // Assigned, not spread: spreading would read the getter.
      const scope = materialize(context) as Record<string, unknown>;
      scope['build'] = build;
      const made = engineOf(name).renderSync(templates, scope) as string;
      // The Markdown is sanitized: script on a web page comes from the theme (or `markdown.html: trust`).
      const script = name.startsWith('gemini/') || settings.scriptAllowed ? undefined : scriptIn(made);
      if (script === undefined) return made;
      const file = `${templatePrefix}${name}.liquid`;
      const place = { file: files.get(file)?.displayPath ?? file, line: 1, column: 1 };
      if (!told.has(toldKey(place, 'script'))) reportRule(report, 'template/script', place, { found: script, page });
      told.add(toldKey(place, 'script'));
      return undefined;
    } catch (error) {
      // A partial is parsed when a page first renders it: a mistake in its syntax is one, however many pages it fails.
      const { ParseError, TokenizationError } = liquid();
      const syntax = error instanceof ParseError || error instanceof TokenizationError;
      if (error instanceof Error && /limit exceeded/.test(error.message)) exhausted.add(name);
      reportTemplateError(
        error,
        files,
        `${templatePrefix}${name}.liquid`,
        report,
        (reason) => (syntax ? { rule: 'template/syntax', args: { reason, suggestion: suggest(name, reason) } } : { rule: 'template/render', args: { reason, page, suggestion: suggest(name, reason) } }),
        told,
      );
      return undefined;
    }
  };
  // A template that reads the clock makes another page every day: its pages are never reused.
  const clock = readsClock(files);
  const memo = clock ? undefined : settings.memo;
  const fingerprint = memo ? themeFingerprint(files) : '';
  // A page keyed by its context makes one and drops it: its garbage is collected as it goes.
  const guard = memo ? createHeapGuard() : () => {};
  const strings = stringsOf(readStrings);
  // Read now: what reading them reports must not depend on which pages are rendered again.
  for (const language of settings.languages) strings(language);
  const inputsOf = (place: { tree: string; path: string }) => (memo ? settings.inputsOf?.(place.tree, place.path) : undefined);
  // What `name` (a template, or a file made without one) makes of `inputs`, with this theme and mimeo.
  const inputsKey = (name: string, inputs: string) => hashOnce('sha1', `${fingerprint}\0${name}\0inputs\0${inputs}`, 'base64');
  // The previous build's file when its key is `key`, else one made when it is written.
  const keep = (key: string, place: { tree: string; path: string; source: string }, make: () => string | undefined): OutputFile => {
    const previous = memo?.previous(place.tree, place.path, key) ?? memo?.previous(place.tree, place.path, withCommit(key));
    if (previous !== undefined) return { path: place.path, linkFrom: previous, source: place.source };
    const made = () => {
      commitRead = false;
      const text = make();
      if (text !== undefined) memo?.made(place.tree, place.path, commitRead ? withCommit(key) : key);
      return text;
    };
    return { path: place.path, make: made, source: place.source };
  };
  return {
    renderFile(name, context, place) {
      guard();
      // The key holds everything the output is made of: mimeo and the theme, the template, and
      // the page's inputs in the model or else its whole context.
      const inputs = inputsOf(place);
      const key = !memo ? '' : inputs === undefined ? pageKey(fingerprint, name, context()) : inputsKey(name, inputs);
      return keep(key, place, () => render(name, context(), place.page));
    },
    dataFile(make, place) {
      const inputs = inputsOf(place);
      if (inputs === undefined) return { path: place.path, bytes: make(), source: place.source };
      return keep(inputsKey(`file:${place.path}`, inputs), place, make);
    },
    strings,
    stylesheet,
    assets: themeAssets(files, stylesheet, settings.allowAsset),
    readsClock: clock,
    checkTemplates() {
      // A theme found sound once (the same files, the same mimeo) is not read whole again: by this
      // process (`mimeo dev`), or by any build with the same cache folder.
      const soundAs = hashOnce('sha1', themeFingerprint(files), 'hex');
      const marker = settings.cacheDir === undefined ? undefined : path.join(settings.cacheDir, 'sound-themes', soundAs);
      if (soundThemes.has(soundAs) || (marker !== undefined && existsSync(marker))) return;
      const before = told.size;
      for (const name of templateNames(files)) compile(name);
      for (const mistake of missingTemplates(files)) {
        const reason = `Failed to lookup "${mistake.name}" in "templates"`;
        if (told.has(toldKey(mistake.place, reason))) continue;
        told.add(toldKey(mistake.place, reason));
        reportRule(report, 'template/syntax', mistake.place, { reason, suggestion: suggest(mistake.from, reason) });
      }
      if (told.size !== before) return;
      soundThemes.add(soundAs);
      if (marker !== undefined) writeEntry(marker, new Uint8Array());
    },
  };
}

// What may run script, cheap to look for: a page without it is not read tag by tag. (A browser
// drops tabs and line breaks inside an address, `java<tab>script:`, and reads character
// references, `&#106;avascript:`.)
// Only a reference to a letter, a colon, a tab or a line break can spell an address out: the
// page's own escapes (`&#39;`, `&#x3C;`) are not worth reading it for.
// An address that runs script is an attribute's value: `script:` or `data:` in prose ("a short
// script: …", common in a webzine about computers) is not worth reading a page for.
const maybeScript = /<script|[\s/"'`]on[a-z]+\s*=|=\s*["']?[^"'<>]{0,64}?(s\s*c\s*r\s*i\s*p\s*t\s*(:|&colon;)|data:)|&#(x0*(4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3a|9|a)|0*(6[5-9]|[7-9]\d|1[01]\d|12[0-2]|58|9|10))(?![0-9a-f])|srcdoc|http-equiv|<(iframe|object|embed|base)/i;
// Elements whose text is not markup: what a title or data holds is not taken for tags.
const rawText = /<(script|style|textarea|title|xmp|noscript)\b(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?<\/\1\s*>/gi;
// A start tag: its name, then its attributes up to the `>` that is not inside a quoted value.
const startTag = /<([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
// An attribute, whatever separates it from the one before (a space, a `/`, nothing after a quote).
const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Attributes whose value is an address, or which SVG animation writes into one.
const addressAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values', 'by', 'xlink:href', 'poster', 'background', 'ping', 'cite']);

/** An attribute's value as a browser reads it: character references decoded. */
function decoded(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/**
 * What in a web page would run script, if anything (SPEC §3: no JavaScript in built pages): a
 * `<script>` (but for data, `application/ld+json`), an event handler attribute, a `javascript:`
 * or other active address (also written with character references, or written by an SVG
 * animation), a frame's `srcdoc`, a refresh to such an address. Read tag by tag, so text that
 * only speaks of them (`&lt;script&gt;`, a title holding `<b onclick>` in JSON-LD) is none.
 */
export function scriptIn(html: string): string | undefined {
  if (!maybeScript.test(html)) return undefined;
  for (const script of html.matchAll(/<script\b((?:"[^"]*"|'[^']*'|[^'">])*)>/gi)) {
    const type = [...(script[1] ?? '').matchAll(attribute)].find(([, name]) => name?.toLowerCase() === 'type');
    if (!/^application\/(ld\+)?json$/i.test((type?.[2] ?? type?.[3] ?? type?.[4] ?? '').trim())) return 'a <script> element';
  }
  for (const tag of html.replace(rawText, (element) => element.replace(/>[\s\S]*</, '><')).matchAll(startTag)) {
    const element = tag[1]!.toLowerCase();
    for (const [, name = '', ...values] of (tag[2] ?? '').matchAll(attribute)) {
      const value = decoded(values.find((v) => v !== undefined) ?? '');
      const key = name.toLowerCase();
      if (/^on[a-z]+$/.test(key)) return `an event handler (${key}) on <${element}>`;
      if (key === 'srcdoc') return `a document written in a frame's srcdoc on <${element}>`;
      if (addressAttributes.has(key) && isActiveUrl(value)) return `an address that runs script (${key}) on <${element}>`;
      if (key === 'style' && /(javascript|vbscript):|expression\(/i.test(value.replace(/[\u0000-\u0020]/g, ''))) return `an address that runs script (style) on <${element}>`;
      // A refresh to an address: `<meta http-equiv="refresh" content="0;url=javascript:…">`.
      const refresh = key === 'content' && element === 'meta' ? /url\s*=\s*['"]?(.*)$/i.exec(value)?.[1] : undefined;
      if (refresh !== undefined && isActiveUrl(refresh)) return 'a refresh to an address that runs script on <meta>';
    }
  }
  return undefined;
}

function toldKey(place: { file: string; line: number; column: number }, reason: string): string {
  return `${place.file}:${place.line}:${place.column}:${reason}`;
}

// Themes whose every template was read without a mistake, by the hash of their fingerprint.
const soundThemes = new Set<string>();

/** The names of a theme's templates, as templates name them: `partials/byline`, `gemini/home`. */
function templateNames(files: ThemeFiles): string[] {
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
  // A name in the same folder, `partials/byline` for `partials/bylines`.
  const folder = template.slice(0, template.lastIndexOf('/') + 1);
  return maybeQuoted(didYouMean(template, templates.filter((other) => other.startsWith(folder) && !other.slice(folder.length).includes('/'))));
}

function maybeQuoted(name: string | undefined): string | undefined {
  return name === undefined ? undefined : `"${name}"`;
}

// `{% render 'partials/x' %}`, `{%- include "x", … -%}`, `{% layout 'layouts/base' %}`: a template named as written.
const namedTemplate = /\{%-?\s*(?:render|include|layout)\s+(['"])([^'"]+)\1/g;
// What Liquid does not read as tags: a comment block, a raw block, an inline comment.
const unread = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}|\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*#[\s\S]*?-?%\}/g;

/**
 * A template's text with what Liquid does not read as tags (comments, raw blocks) blanked out,
 * line breaks kept, so what is found in it is where it was written.
 */
function readTags(text: string): string {
  return text.replace(unread, (part) => part.replace(/[^\n]/g, ' '));
}

/** The templates a template names with a name written out (`render`, `include`, `layout`), each with where. */
function namedIn(text: string): Array<{ name: string; index: number }> {
  return [...readTags(text).matchAll(namedTemplate)].map((match) => ({ name: match[2]!.replace(/\.liquid$/, ''), index: match.index }));
}

/**
 * The templates that a theme's templates name and that the theme does not have: found before a
 * page needs them, so a partial only drafts show is not a mistake only `build --drafts` tells.
 */
function missingTemplates(files: ThemeFiles): Array<{ name: string; from: string; place: { file: string; line: number; column: number } }> {
  const names = new Set(templateNames(files));
  const missing: Array<{ name: string; from: string; place: { file: string; line: number; column: number } }> = [];
  for (const from of names) {
    const file = files.get(`${templatePrefix}${from}.liquid`)!;
    const text = file.bytes.toString('utf8');
    for (const { name, index } of namedIn(text)) {
      if (names.has(name)) continue;
      const before = text.slice(0, index);
      missing.push({ name, from, place: { file: file.displayPath, line: before.split('\n').length, column: index - before.lastIndexOf('\n') } });
    }
  }
  return missing;
}

/**
 * The templates pages are made with (those at the top of `templates/` and `templates/gemini/`)
 * and every one they name, however deep: a partial no page can reach shows nothing. A template
 * that names one by a variable (`{% render name %}`) may reach any.
 */
function reachableTemplates(files: ThemeFiles, capsule: boolean): Set<string> {
  const names = templateNames(files);
  const reached = new Set(names.filter((name) => (capsule ? !name.replace(/^gemini\//, '').includes('/') : !name.includes('/'))));
  for (const from of reached) {
    const text = files.get(`${templatePrefix}${from}.liquid`)!.bytes.toString('utf8');
    if (/\{%-?\s*(?:render|include|layout)\s+[^'"\s]/.test(readTags(text))) return new Set(names);
    for (const { name } of namedIn(text)) if (files.has(`${templatePrefix}${name}.liquid`)) reached.add(name);
  }
  return reached;
}

/**
 * The key of a page: the theme, the template and the context as JSON. The UI strings, the same
 * object on every page of a language, enter by their own hash, computed once.
 */
function pageKey(fingerprint: string, name: string, context: object): string {
  const record = context as { strings?: object };
  const { strings } = record;
  let stringsKey = strings ? stringKeys.get(strings) : '';
  if (stringsKey === undefined) {
    stringsKey = hashOnce('sha1', JSON.stringify(strings), 'base64');
    stringKeys.set(strings!, stringsKey);
  }
  // The context is made for this key alone: it can lose its strings (JSON leaves out undefined).
  record.strings = undefined;
  return hashOnce('sha1', `${fingerprint}\0${name}\0${stringsKey}\0${JSON.stringify(context)}`, 'base64');
}

const stringKeys = new WeakMap<object, string>();

function readsClock(files: ThemeFiles): boolean {
  return [...files].some(([name, file]) => name.startsWith(templatePrefix) && /["'](?:now|today)["']/.test(file.bytes.toString('utf8')));
}

function themeFingerprint(files: ThemeFiles): string {
  // The time zone, Node and its ICU are inputs of every page (see `runtimeFacts`).
  const hash = createHash('sha1').update(codeFingerprint()).update(runtimeFacts());
  for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update('\0').update(file.under?.bytes ?? '').update('\0').update(file.bytes);
  return hash.digest('base64');
}

function memoryFs(files: ThemeFiles): FS {
  const read = (file: string): string => {
    const found = files.get(file);
    if (!found) throw new Error(`ENOENT: no template ${file}`);
    // A byte order mark (an editor's, on Windows) would be text on the page, before a capsule's heading.
    return found.bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  };
  return {
    exists: async (file) => files.has(file),
    existsSync: (file) => files.has(file),
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, ext) => `${dir}/${file.endsWith(ext) ? file : file + ext}`,
    contains: async () => true,
    containsSync: () => true,
    dirname: (file) => file.slice(0, file.lastIndexOf('/')),
    sep: '/',
  };
}

/** Turns a template error's reason into the rule to report it under. */
export type Conversion = (reason: string) =>
  | { rule: 'template/syntax'; args: { reason: string; suggestion?: string } }
  | { rule: 'template/render'; args: { reason: string; page: string; suggestion?: string } };

/**
 * Reports a LiquidJS error at the template's file and line, as the rule `convert` picks, unless
 * `told` holds the same mistake at the same place already; any other error is rethrown with the
 * template's path.
 */
export function reportTemplateError(error: unknown, files: ThemeFiles, fallbackFile: string, report: Report, convert: Conversion, told?: Set<string>): void {
  // Fragments torn in the cache are the build's to handle (it starts again), not a template's fault.
  if (corruptEntryIn(error)) throw error;
  if (!(error instanceof liquid().LiquidError)) throw new Error(`the template ${fallbackFile} failed`, { cause: error });
  const file = error.token?.file ?? fallbackFile;
  const [line, column] = error.token ? error.token.getPosition() : [1, 1];
  const reason = (error.originalError?.message ?? error.message).split(/, (?:file|line):/)[0]!.replace(/^ENOENT: /, '');
  const { rule, args } = convert(reason);
  const place = { file: files.get(file)?.displayPath ?? file, line: line ?? 1, column: column ?? 1 };
  // The same mistake, found when a template is read or when a page renders it, is told once.
  const key = toldKey(place, reason);
  if (told?.has(key)) return;
  told?.add(key);
  if (rule === 'template/syntax') reportRule(report, rule, place, args, error);
  else reportRule(report, rule, place, args, error);
}

/** The UI strings of one file, and whether it could be read as a map of names to texts. */
interface StringsFile {
  strings: Record<string, string>;
  readable: boolean;
}

/**
 * Reads the UI strings files of a theme, each once (its mistakes told once): the files of a
 * language (`fr`) are the built-in theme's, then the webzine theme's over it, key by key.
 */
function stringsReader(files: ThemeFiles, report: Report): (code: string) => StringsFile[] {
  const read = new Map<ThemeFile, StringsFile>();
  const readFile = (file: ThemeFile): StringsFile => {
    const known = read.get(file);
    if (known) return known;
    const data = parseYaml(file.bytes.toString('utf8').replace(/^\uFEFF/, ''), { file: file.displayPath }, report);
    const value = data?.value;
    const result: StringsFile = { strings: {}, readable: false };
    if (data && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      result.readable = true;
      for (const [key, text] of Object.entries(value)) {
        if (text === null || typeof text === 'object') reportRule(report, 'theme/string-not-text', { file: file.displayPath, ...data.locate([key]) }, { key, got: text === null ? 'nothing' : Array.isArray(text) ? 'a list' : 'a map' });
        else result.strings[key] = String(text);
      }
    } else if (data) {
      reportRule(report, 'theme/strings-not-map', { file: file.displayPath, line: 1, column: 1 }, {});
    }
    read.set(file, result);
    return result;
  };
  return (code) => {
    const file = files.get(`i18n/${code}.yml`);
    return file ? [...(file.under ? [file.under] : []), file].map(readFile) : [];
  };
}

/**
 * Reports each UI string that a language of the webzine lacks: every key of the theme's
 * English strings must be in the language's (SPEC §6). A language whose strings could not be
 * read is told that once, not once a key.
 */
function checkStrings(files: ThemeFiles, { name, languages, capsule = true }: { name: string; languages: readonly string[]; capsule?: boolean | undefined }, read: (code: string) => StringsFile[], report: Report): void {
  const english = read('en');
  if (english.length === 0 || english.some((file) => !file.readable)) return;
  const expected = requiredStrings(files, english, capsule);
  for (const language of languages) {
    // English needs nothing more, and so does a regional English (`en-GB`), which falls back on it.
    if (language.split('-')[0] === 'en') continue;
    const own = stringChain(language).slice(1);
    const found = own.flatMap(read);
    // A missing string goes in the webzine's own theme (the built-in one is mimeo's): where its
    // file is, or would be, relative to the root.
    const ownFile = own.map((code) => files.get(`i18n/${code}.yml`)).filter((file) => file !== undefined && !path.isAbsolute(file.displayPath)).at(-1);
    const place = { file: ownFile?.displayPath ?? `themes/${name}/i18n/${language}.yml` };
    if (found.length === 0) {
      reportRule(report, 'theme/missing-strings', place, { language });
      continue;
    }
    if (found.some((file) => !file.readable)) continue;
    const present = new Set(found.flatMap((file) => Object.keys(file.strings)));
    for (const key of expected.filter((k) => !present.has(k))) reportRule(report, 'theme/missing-string', place, { key, language });
  }
}

// The strings mimeo's own code reads (feed titles, the language switcher, footnotes, gemtext
// bylines), whatever the templates: a language without them would show English in their place.
const codeStrings = ['and', 'authors', 'back_to_reference', 'by', 'feed_atom', 'feed_rss', 'footnotes', 'home', 'issue', 'issue_number', 'language_name', 'not_found_title'];

/**
 * The English strings every language must have: those of the theme's own English file (its
 * strings), and those of the built-in file that a template a page can reach uses (one the theme
 * does not override, or one of its own). A theme that makes every page itself, in a language the
 * built-in theme has no strings for, is not asked for strings no page shows.
 */
function requiredStrings(files: ThemeFiles, english: readonly StringsFile[], capsule: boolean): string[] {
  const [builtIn, own] = files.get('i18n/en.yml')?.under ? english : [undefined, english[0]];
  const used = new Set<string>();
  for (const name of reachableTemplates(files, capsule)) {
    const text = readTags(files.get(`${templatePrefix}${name}.liquid`)!.bytes.toString('utf8'));
    for (const match of text.matchAll(/strings(?:\.([A-Za-z_][\w-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g)) used.add(match[1] ?? match[2]!);
  }
  for (const key of codeStrings) used.add(key);
  const ownKeys = Object.keys(own?.strings ?? {});
  return [...new Set([...ownKeys, ...Object.keys(builtIn?.strings ?? {}).filter((key) => used.has(key))])];
}

/**
 * The strings files a language's UI strings are layered from, each over the one before:
 * English, then the language (`fr`), then the regional language (`fr-CA`), each once.
 */
function stringChain(language: string): string[] {
  return [...new Set(['en', language.split('-')[0]!, language])];
}

function stringsOf(read: (code: string) => StringsFile[]): (language: string) => Record<string, string> {
  const cache = new Map<string, Record<string, string>>();
  return (language) => {
    let strings = cache.get(language);
    if (!strings) {
      strings = Object.assign({}, ...stringChain(language).flatMap(read).map((file) => file.strings)) as Record<string, string>;
      cache.set(language, strings);
    }
    return strings;
  };
}

/**
 * The files of a theme's `assets/` that are the webzine's (the built-in theme's are mimeo's own),
 * as copied files to check like those of content/, by their path in the theme.
 */
export function themeAssetSources(files: ThemeFiles): Map<string, AssetSource> {
  const sources = new Map<string, AssetSource>();
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/') || file.absolutePath.startsWith(builtInThemeFolder)) continue;
    const markup = markupOf(relative, file.bytes);
    sources.set(relative, { path: file.displayPath, absolutePath: file.absolutePath, ...(markup === undefined ? {} : { markup }) });
  }
  return sources;
}

function themeAssets(files: ThemeFiles, stylesheet: string, allow: (source: AssetSource, output: string) => boolean): OutputFile[] {
  const assets: OutputFile[] = [];
  const sources = themeAssetSources(files);
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/')) continue;
    const output = relative === 'assets/style.css' ? stylesheet : relative.slice('assets/'.length);
    const source = sources.get(relative);
    if (source && !allow(source, output)) continue;
    assets.push({ path: output, copyFrom: file.absolutePath, source: file.displayPath });
  }
  return assets;
}
