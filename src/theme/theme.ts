import { createHash, hash as hashOnce } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FS, Liquid, Template } from 'liquidjs';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { ThemeFile, ThemeFiles } from '../load/load-theme.js';
import { parseYaml } from '../parse/yaml-data.js';
import type { OutputFile } from '../write/output-file.js';
import { codeFingerprint, corruptEntryIn } from '../compile/file-cache.js';
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
}

/**
 * Compiles a theme's templates (reporting errors at the template's file and line). HTML
 * templates escape every output, and have the `text_dir` filter (a language's direction, `rtl`
 * or `ltr`); gemtext templates (`templates/gemini/`) do not escape, and have the `text_line`
 * filter to keep a value on one line that no client misreads.
 */
export function createTheme(files: ThemeFiles, settings: ThemeSettings, report: Report): Theme {
  checkStrings(files, settings, report);
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
  const compile = (name: string): Template[] | undefined => {
    if (compiled.has(name)) return compiled.get(name);
    let templates: Template[] | undefined;
    try {
      templates = engineOf(name).parseFileSync(name);
    } catch (error) {
      reportTemplateError(error, files, `${templatePrefix}${name}.liquid`, report, (reason) => ({ rule: 'template/syntax', args: { reason } }));
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
  // A template that fails the same way on every page that uses it is told once, at its first page.
  const told = new Set<string>();
  // Templates that ran out of time or memory once: each page would take as long again.
  const exhausted = new Set<string>();
  const render = (name: string, context: object, page: string): string | undefined => {
    const templates = compile(name);
    if (!templates || exhausted.has(name)) return undefined;
    try {
      // Assigned, not spread: spreading would read the getter.
      const scope = materialize(context) as Record<string, unknown>;
      scope['build'] = build;
      return engineOf(name).renderSync(templates, scope) as string;
    } catch (error) {
      // A partial is parsed when a page first renders it: a mistake in its syntax is one, however many pages it fails.
      const { ParseError, TokenizationError } = liquid();
      const syntax = error instanceof ParseError || error instanceof TokenizationError;
      if (error instanceof Error && /limit exceeded/.test(error.message)) exhausted.add(name);
      reportTemplateError(error, files, `${templatePrefix}${name}.liquid`, report, (reason) => (syntax ? { rule: 'template/syntax', args: { reason } } : { rule: 'template/render', args: { reason, page } }), told);
      return undefined;
    }
  };
  // A template that reads the clock makes another page every day: its pages are never reused.
  const clock = readsClock(files);
  const memo = clock ? undefined : settings.memo;
  const fingerprint = memo ? themeFingerprint(files) : '';
  // A page keyed by its context makes one and drops it: its garbage is collected as it goes.
  const guard = memo ? createHeapGuard() : () => {};
  const strings = stringsOf(files, report);
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
    assets: themeAssets(files, stylesheet),
    readsClock: clock,
  };
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
  for (const [name, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(name).update('\0').update(file.bytes);
  return hash.digest('base64');
}

function memoryFs(files: ThemeFiles): FS {
  const read = (file: string): string => {
    const found = files.get(file);
    if (!found) throw new Error(`ENOENT: no template ${file}`);
    return found.bytes.toString('utf8').replace(/\r\n?/g, '\n');
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
  | { rule: 'template/syntax'; args: { reason: string } }
  | { rule: 'template/render'; args: { reason: string; page: string } };

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
  const key = `${place.file}:${place.line}:${place.column}:${rule}:${reason}`;
  if (told?.has(key)) return;
  told?.add(key);
  if (rule === 'template/syntax') reportRule(report, rule, place, args, error);
  else reportRule(report, rule, place, args, error);
}

/**
 * Reports each UI string that a language of the webzine lacks: every key of the theme's
 * `i18n/en.yml` must be in `i18n/<lang>.yml` (SPEC §6).
 */
function checkStrings(files: ThemeFiles, { name, languages }: { name: string; languages: readonly string[] }, report: Report): void {
  const reference = files.get('i18n/en.yml');
  if (!reference) return;
  const keysOf = (file: ThemeFile) => {
    const value = parseYaml(file.bytes.toString('utf8'), { file: file.displayPath }, () => undefined)?.value;
    return value && typeof value === 'object' ? Object.keys(value) : [];
  };
  const expected = keysOf(reference);
  for (const language of languages) {
    // English needs nothing more, and so does a regional English (`en-GB`), which falls back on it.
    if (language.split('-')[0] === 'en') continue;
    const own = stringChain(language).slice(1);
    const found = own.map((code) => files.get(`i18n/${code}.yml`)).filter((file) => file !== undefined);
    // A missing file is reported where the webzine's theme would hold it, relative to the root.
    const place = { file: found.at(-1)?.displayPath ?? `themes/${name}/i18n/${language}.yml` };
    if (found.length === 0) {
      reportRule(report, 'theme/missing-strings', place, { language });
      continue;
    }
    const present = new Set(found.flatMap(keysOf));
    for (const key of expected.filter((k) => !present.has(k))) reportRule(report, 'theme/missing-string', place, { key, language });
  }
}

/**
 * The strings files a language's UI strings are layered from, each over the one before:
 * English, then the language (`fr`), then the regional language (`fr-CA`), each once.
 */
function stringChain(language: string): string[] {
  return [...new Set(['en', language.split('-')[0]!, language])];
}

function stringsOf(files: ThemeFiles, report: Report): (language: string) => Record<string, string> {
  const cache = new Map<string, Record<string, string>>();
  // Each file read once: English, under every other language, is reported once.
  const readFiles = new Map<string, Record<string, string>>();
  const read = (language: string): Record<string, string> => {
    const known = readFiles.get(language);
    if (known) return known;
    const file = files.get(`i18n/${language}.yml`);
    const value = file ? parseYaml(file.bytes.toString('utf8'), { file: file.displayPath }, report)?.value : undefined;
    const strings = value && typeof value === 'object' ? (Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) as Record<string, string>) : {};
    readFiles.set(language, strings);
    return strings;
  };
  return (language) => {
    let strings = cache.get(language);
    if (!strings) {
      strings = Object.assign({}, ...stringChain(language).map(read)) as Record<string, string>;
      cache.set(language, strings);
    }
    return strings;
  };
}

function themeAssets(files: ThemeFiles, stylesheet: string): OutputFile[] {
  const assets: OutputFile[] = [];
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/')) continue;
    const output = relative === 'assets/style.css' ? stylesheet : relative.slice('assets/'.length);
    assets.push({ path: output, copyFrom: file.absolutePath, source: file.displayPath });
  }
  return assets;
}
