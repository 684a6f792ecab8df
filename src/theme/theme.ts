import { createHash } from 'node:crypto';
import type { Template } from 'liquidjs';
import type { Report } from '../diagnostics/diagnostic.js';
import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import type { AssetSource } from '../load/load-sources.js';
import type { OutputFile } from '../write/output-file.js';
import { tidyGemtext } from '../render/gemtext/lines.js';
import { materialize } from '../render/lazy-text.js';
import type { OutputMemo } from '../write/output-memo.js';
import { createHeapGuard } from '../write/heap-guard.js';

import { loadHtmlParser } from '../model/active-content.js';
import { createEngines, type Engines } from './liquid-engines.js';
import { inputsKey, pageKey, themeFingerprint, withCommit } from './page-keys.js';
import { scriptIn } from './page-script.js';
import { templateAdvice, templateNames, templatePrefix, writtenNames } from './template-names.js';
import { themeAssets } from './theme-assets.js';
import { checkLanguageNames, checkStringNames, checkStrings, englishStringsOf, stringsOf, stringsReader } from './theme-strings.js';
import { liquid, reportTemplateError, reportTemplateScript } from './template-errors.js';
import { checkTemplates } from './template-check.js';
import { loopReporter } from './template-loops.js';
import { isStackOverflow } from '../diagnostics/diagnostic.js';

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
  /** The UI strings `language` takes from English, lacking its own: English words on its pages (none for English). */
  englishStrings(language: string): ReadonlySet<string>;
  /** The stylesheet's output path, with a content hash: `style.3f2a9c1b0d.css`. */
  stylesheet: string;
  /** The theme's files for the web root: the hashed stylesheet and every other asset. */
  assets: OutputFile[];
  /**
   * Loads what checking the web pages handed out to be made needs (an HTML parser), when some
   * are: call it after the pages are listed, before they are made. A build that links every page
   * from the previous one loads nothing.
   */
  prepareToRender(): Promise<void>;
  /**
   * Reads every template and scaffold of the theme and reports its mistakes, and each template
   * named that the theme does not have: what no page of this build shows (a partial for drafts)
   * is checked too, and so are the scaffolds `mimeo new` renders.
   * A theme found sound is remembered (in the cache folder, and by the process), and not read
   * again until its files or mimeo change.
   */
  checkTemplates(): void;
}

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
  /**
   * The site's address (`baseUrl`), from which `absolute_url` makes the 404 page's addresses
   * absolute, that page having none of its own (default: none, which leaves them as they are).
   */
  baseUrl?: string | undefined;
  /** The first 12 digits of the commit's hash, `build.commit` in templates (default: none, empty). */
  commit?: string | undefined;
  /** When the commit was made (ISO 8601), `"now"` and `"today"` in date filters (default: none, which they print empty). */
  committed?: string | undefined;
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
  /**
   * Whether the first page made with each web template is made a second time as a draft's (every
   * `draft` of its context `true`), for the script check alone: what only `build --drafts` and
   * `mimeo dev` show, such as `{% if page.draft %}<script>`, is found by a build that shows no
   * drafts (default: `false`; `check` does).
   */
  checkDrafts?: boolean | undefined;
}

/**
 * Compiles a theme's templates (reporting errors at the template's file and line). HTML
 * templates escape every output but one whose last filter escaped it already (`escape`,
 * `escape_once`, `xml_escape`), and have the `text_dir` filter (a language's direction, `rtl`
 * or `ltr`); gemtext templates (`templates/gemini/`) do not escape, and have the `text_line`
 * filter to keep a value on one line that no client misreads. Both write dates in UTC with
 * English names (`registerDateFilters`), whatever the machine's time zone and locale.
 */
export function createTheme(files: ThemeFiles, settings: ThemeSettings, report: Report): Theme {
  const readStrings = stringsReader(files, report);
  // A theme named but not found (theme/missing, theme/empty, theme/outside, told by loadTheme)
  // leaves the built-in one in its place: what that lacks is not for the webzine to add at
  // themes/<name>/, a folder that is not the theme, or not there.
  if (isFound(files, settings.name)) checkStrings(files, settings, readStrings, report);
  checkLanguageNames(settings.languages, readStrings, report);
  checkStringNames(files, readStrings, report);
  // The engines are made when a first template is needed: a warm build may render no page.
  let engines: Engines | undefined;
  const compiled = new Map<string, Template[] | undefined>();
  const engineOf = (name: string) => {
    engines ??= createEngines(files, now, settings.baseUrl);
    return name.startsWith('gemini/') ? engines.gemtext : engines.html;
  };
  // A template that fails the same way on every page that uses it is told once, at its first page.
  const told = new Set<string>();
  // A template named by a variable is not looked up for a name like it: what the variable held is not what was written.
  let written: Set<string> | undefined;
  const lookedUp = (reason: string) => /^Failed to lookup "([^"]+)"/.exec(reason)?.[1];
  const suggest = (name: string, reason: string) => {
    const missing = lookedUp(reason);
    const candidates = missing === undefined || (written ??= writtenNames(files)).has(missing) ? templateNames(files) : [];
    return templateAdvice(engineOf(name), reason, name.startsWith('gemini/') ? 'gemtext' : 'html', candidates);
  };
  const compile = (name: string): Template[] | undefined => {
    if (compiled.has(name)) return compiled.get(name);
    let templates: Template[] | undefined;
    try {
      templates = engineOf(name).parseFileSync(name);
    } catch (error) {
      reportTemplateError(error, files, `${templatePrefix}${name}.liquid`, report, (reason) => ({ rule: 'template/syntax', args: { reason, ...suggest(name, reason) } }), told);
    }
    compiled.set(name, templates);
    return templates;
  };
  const stylesheetFile = files.get('assets/style.css');
  const stylesheet = `style.${createHash('sha256').update(stylesheetFile?.bytes ?? '').digest('hex').slice(0, 10)}.css`;
  // The build's commit is read through a getter, and its date as "now" in a date filter: a page
  // that showed either is kept only for the same commit, any other across commits (the default
  // theme shows the commit on the home pages alone, so a new commit does not make every page again).
  let commitRead = false;
  const commit = settings.commit ?? '';
  const build = {
    get commit() {
      commitRead = true;
      return commit;
    },
  };
  const committed = settings.committed === undefined ? undefined : Date.parse(settings.committed);
  const now = () => {
    commitRead = true;
    return committed;
  };
  const committedKey = (key: string) => withCommit(key, commit, settings.committed);
  // Templates that ran out of time or memory once: each page would take as long again.
  const exhausted = new Set<string>();
  // The web templates rendered once as a draft's page already (see `checkDrafts`).
  const checkedAsDraft = new Set<string>();
  const render = (name: string, context: object, page: string): string | undefined => {
    const scope = materialize(context) as Record<string, unknown>;
    const checksDraft = settings.checkDrafts && !settings.scriptAllowed && !name.startsWith('gemini/') && !checkedAsDraft.has(name);
    // Copied before the page is made: the copy of `build` would read its getter.
    const draft = checksDraft ? (asDraft(scope) as Record<string, unknown>) : undefined;
    const made = renderScope(name, scope, page);
    if (draft && made !== undefined) {
      checkedAsDraft.add(name);
      renderScope(name, draft, `${page}, shown as a draft (by build --drafts and mimeo dev),`);
    }
    return made;
  };
  const loops = loopReporter(files, report, told);
  const renderScope = (name: string, scope: Record<string, unknown>, page: string): string | undefined => {
    const templates = compile(name);
    if (!templates || exhausted.has(name) || loops.inLoop(name)) return undefined;
    try {
      // Assigned, not spread: spreading would read the getter.
      scope['build'] = build;
      const made = engineOf(name).renderSync(templates, scope) as string;
      if (name.startsWith('gemini/')) return tidyGemtext(made);
      // The Markdown is sanitized: script on a web page comes from the theme (or `markdown.html: trust`).
      const script = settings.scriptAllowed ? undefined : scriptIn(made);
      if (script === undefined) return made;
      reportTemplateScript(files, name, script, page, report, told);
      return undefined;
    } catch (error) {
      // A partial is parsed when a page first renders it: a mistake in its syntax is one, however many pages it fails.
      const { ParseError, TokenizationError } = liquid();
      const syntax = error instanceof ParseError || error instanceof TokenizationError;
      if (isStackOverflow(error) || (error instanceof liquid().LiquidError && isStackOverflow(error.originalError))) {
        exhausted.add(name);
        loops.tellEndlessRender(name);
        return undefined;
      }
      if (error instanceof Error && /limit exceeded/.test(error.message)) exhausted.add(name);
      reportTemplateError(
        error,
        files,
        `${templatePrefix}${name}.liquid`,
        report,
        (reason) => (syntax ? { rule: 'template/syntax', args: { reason, ...suggest(name, reason) } } : { rule: 'template/render', args: { reason, page, ...suggest(name, reason) } }),
        told,
      );
      return undefined;
    }
  };
  const memo = settings.memo;
  // The theme's fingerprint, hashed once: pages are keyed by it, and a sound theme is known by it.
  let hashed: string | undefined;
  const fingerprintOf = () => (hashed ??= themeFingerprint(files));
  const fingerprint = memo ? fingerprintOf() : '';
  // A page keyed by its context makes one and drops it: its garbage is collected as it goes.
  const guard = memo ? createHeapGuard() : () => {};
  const strings = stringsOf(readStrings);
  // Read now: what reading them reports must not depend on which pages are rendered again.
  for (const language of settings.languages) strings(language);
  const inputsOf = (place: { tree: string; path: string }) => (memo ? settings.inputsOf?.(place.tree, place.path) : undefined);
  // The previous build's file when its key is `key`, else one made when it is written.
  const keep = (key: string, place: { tree: string; path: string; source: string }, make: () => string | undefined): OutputFile => {
    const previous = memo?.previous(place.tree, place.path, key) ?? memo?.previous(place.tree, place.path, committedKey(key));
    if (previous !== undefined) return { path: place.path, linkFrom: previous, source: place.source };
    const made = () => {
      commitRead = false;
      const text = make();
      if (text !== undefined) memo?.made(place.tree, place.path, commitRead ? committedKey(key) : key);
      return text;
    };
    return { path: place.path, make: made, source: place.source };
  };
  // Whether a web page whose script is to be checked was handed out to be made.
  let checksPages = false;
  return {
    renderFile(name, context, place) {
      guard();
      // The key holds everything the output is made of: mimeo and the theme, the template, and
      // the page's inputs in the model or else its whole context.
      const inputs = inputsOf(place);
      const key = !memo ? '' : inputs === undefined ? pageKey(fingerprint, name, context()) : inputsKey(fingerprint, name, inputs);
      const file = keep(key, place, () => render(name, context(), place.page));
      if (file.make && !name.startsWith('gemini/') && !settings.scriptAllowed) checksPages = true;
      return file;
    },
    prepareToRender: () => (checksPages ? loadHtmlParser() : Promise.resolve()),
    dataFile(make, place) {
      const inputs = inputsOf(place);
      if (inputs === undefined) return { path: place.path, bytes: make(), source: place.source };
      return keep(inputsKey(fingerprint, `file:${place.path}`, inputs), place, make);
    },
    strings,
    englishStrings: englishStringsOf(readStrings),
    stylesheet,
    assets: themeAssets(files, stylesheet, settings.allowAsset),
    checkTemplates: () => checkTemplates({ name: settings.name, files, report, told, loops, compile, suggest, fingerprint: fingerprintOf, cacheDir: settings.cacheDir }),
  };
}

/** Whether the theme `name` was found: it is the built-in one, or some of its files are not. */
function isFound(files: ThemeFiles, name: string): boolean {
  return name === 'default' || [...files.values()].some((file) => !file.absolutePath.startsWith(builtInThemeFolder));
}

/** A copy of a template context in which everything is a draft: each `draft: false` is `true`. */
function asDraft(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asDraft);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === 'draft' && item === false ? true : asDraft(item)]));
}


