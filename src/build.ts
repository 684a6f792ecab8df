import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCollector, hasErrors, type Diagnostic, type Report } from './diagnostics/diagnostic.js';
import { reportRule } from './diagnostics/rules.js';
import { readGitHistory, type GitHistory } from './load/git-history.js';
import { historyNotes } from './load/history-notes.js';
import { reportLinksAsFiles } from './load/links-as-files.js';
import { isInside, loadSources, type AssetSource, type Sources } from './load/load-sources.js';
import { applyHistory } from './model/history.js';
import { warnFarDates } from './model/issue-dates.js';
import { committedCacheFile, committedCacheNote } from './load/committed.js';
import { markStaleTranslations, translationsBehind } from './model/editions.js';
import { warnIgnoredFields } from './model/translation-fields.js';
import { warnTranslationGaps } from './model/translation-gaps.js';
import { translatedTextChanged } from './load/translated-changes.js';
import { loadTheme, themeFolderFromRoot, themeFolderOf } from './load/load-theme.js';
import { configPlace, readAuthorsFile, readSiteConfig, settingsUnknown } from './load/site-files.js';
import { assembleSite } from './model/assemble.js';
import { checkAliases } from './model/aliases.js';
import { allowCopiedFile, prepareAssetChecks } from './model/assets.js';
import type { Site } from './model/types.js';
import { compileAll, type CompileMemory } from './compile/compile-all.js';
import { corruptEntryIn, type FragmentCheck } from './compile/file-cache.js';
import { changeScope, type ChangeScope } from './model/change-scope.js';
import { renderTrees, type OutputSelection } from './render/render-trees.js';
import { inputsOf, toDependencyGraph } from './render/dependency-graph.js';
import { checkStylesheetUrls } from './theme/stylesheet-urls.js';
import { createTheme } from './theme/theme.js';
import { themeAssetSources } from './theme/theme-assets.js';
import { resolveEditionLinks } from './transform/links.js';
import { cacheFolderProblem, unusableCacheNote } from './write/cache-folder.js';
import { openOutputMemo } from './write/output-memo.js';
import { makeOutputs, writeOutputs, type OutputTrees } from './write/write-outputs.js';
import { isBuiltInThemeSource, outputTreeNames } from './write/output-file.js';
import { currentUmask, settleModes, unreadableOutputNote } from './write/output-modes.js';
import { addFolderStates, forgetStamp, saveStamp, takeInputStates, type InputStates, type StampOptions } from './write/build-stamp.js';
import { selectFeedIssues } from './render/feeds/entries.js';

/** Options of {@link build}. */
export interface BuildOptions {
  /** The webzine's folder, the one that holds content/. */
  root: string;
  /** The folder that receives web/ and gemini/ (default: `<root>/dist`). */
  out: string;
  /** Whether drafts are built, and marked (default: `false`). */
  drafts?: boolean;
  /** Overrides site.yml's `baseUrl`. */
  baseUrl?: string;
  /** Whether the outputs are written (default: `true`; `check` does not write). */
  write?: boolean;
  /**
   * Limits the build to a change (`check --changed`): only these files and what may link to them
   * are checked and reported, and nothing is rendered unless the change touches every page.
   */
  changed?: ReadonlySet<string>;
  /** The persistent cache's folder (default: none, every file is compiled). */
  cacheDir?: string;
  /** Worker threads that compile Markdown when many files must be (default: the number of cores). */
  jobs?: number;
  /** Compiled files kept from one build to the next in this process (`mimeo dev`); needs `cacheDir`. */
  remember?: CompileMemory;
  /**
   * The sources (with what reading them reported) and Git history, when the caller read them
   * already: `mimeo dev`, which reads them through its memories (a `SourceMemory`, a `HistoryMemory`).
   */
  read?: { sources: Sources; diagnostics: readonly Diagnostic[]; history: Promise<GitHistory> };
  /** Told how many Markdown files are compiled out of how many, after each (default: nobody). */
  progress?: (parsed: number, total: number) => void;
  /** The state of the inputs, taken before anything was read (by `upToDate`): recorded in the output's stamp. */
  inputStates?: InputStates;
  /** Chooses, once the site is assembled, the outputs to render (default: all); `mimeo dev` renders what a change affects. */
  select?: (site: Site, editions: readonly Site[]) => OutputSelection | undefined;
  /**
   * Abandons the build when aborted (`mimeo dev` stopping, `mimeo build` interrupted): its compile
   * workers stop at once, the output is left as it was unless its swap had begun, which is then
   * finished, and `build` throws the signal's reason before its next step (default: none, the build
   * runs to its end).
   */
  signal?: AbortSignal;
}

export type { OutputSelection };

/** What a build did: its diagnostics, what it made and how long each step took. */
export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Output files by tree (empty after errors). */
  trees: OutputTrees;
  /** Milliseconds per named step. */
  timings: Record<string, number>;
  site?: Site;
  /** Every edition of the site, the original first (translations, SPEC §2). */
  editions?: Site[];
  /** Things the contributor should know that are not mistakes, said once: `not a Git repository`. */
  notes: string[];
  /** The Git history the build read, once it got that far. */
  history?: GitHistory;
}

/** Builds a webzine: load → parse → assemble → transform → render → write (STYLE §1). */
export async function build(options: BuildOptions): Promise<BuildResult> {
  // Cached fragments are checked when a page first needs them, so a warm build reads none of
  // the pages it does not render again. A torn one found then costs a second build, which checks
  // every entry as it is looked up and makes the torn ones again. `mimeo dev` keeps compiled
  // files from build to build, so it checks at lookup.
  // The entries each attempt could not use, all named in one note.
  const rejected = new Set<string>();
  // A cache that a commit filled (`git add -f node_modules/.cache/mimeo`) is not a cache of this
  // machine's builds. (`mimeo dev`, which remembers, chose its cache folder knowing that.)
  const committed = options.cacheDir === undefined || options.remember ? undefined : committedCacheFile(options.cacheDir);
  if (committed !== undefined) {
    const result = await buildOnce({ ...options, cacheDir: undefined, remember: undefined }, 'at-lookup', rejected);
    result.notes.unshift(committedCacheNote(options.cacheDir!, committed));
    return result;
  }
  if (options.cacheDir === undefined || options.remember) return buildOnce(options, 'at-lookup', rejected);
  const stamp = stampOf(options, options.cacheDir);
  try {
    return await buildOnce(options, 'at-use', rejected, stamp);
  } catch (error) {
    const corrupt = corruptEntryIn(error);
    if (!corrupt) throw error;
    rejected.add(corrupt.entry);
    return buildOnce(options, 'at-lookup', rejected, stamp);
  }
}

/**
 * For a whole build that writes with a cache: forgets the output's stamp (this build may change
 * the output), and takes the state of the inputs, before they are read, for the next stamp.
 */
function stampOf(options: BuildOptions, cacheDir: string): { options: StampOptions; inputs: InputStates } | undefined {
  if (options.write === false || options.select || options.changed || options.read) return undefined;
  const stampOptions = { root: options.root, out: options.out, cacheDir, drafts: options.drafts ?? false, baseUrl: options.baseUrl };
  try {
    forgetStamp(stampOptions);
    return { options: stampOptions, inputs: options.inputStates ?? takeInputStates(stampOptions) };
  } catch {
    // An input that can not even be looked at: this build tells what is wrong, and records nothing.
    return undefined;
  }
}

/** What a build's summary line counts. */
export function countOutputs(trees: OutputTrees, site: Site | undefined): { pages: number; entries: number; gemtext: number } {
  return {
    pages: (trees['web'] ?? []).filter((file) => file.path.endsWith('.html')).length,
    entries: site ? selectFeedIssues(site).length : 0,
    gemtext: (trees['gemini'] ?? []).filter((file) => file.path.endsWith('.gmi')).length,
  };
}

async function buildOnce(options: BuildOptions, check: FragmentCheck, rejected: Set<string>, stamp?: { options: StampOptions; inputs: InputStates }): Promise<BuildResult> {
  const { report, diagnostics } = createCollector();
  const timings: Record<string, number> = {};
  const step = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
    options.signal?.throwIfAborted();
    const start = performance.now();
    try {
      return await run();
    } finally {
      timings[name] = performance.now() - start;
    }
  };
  const notes: string[] = [];
  let editions: Site[] = [];
  let gitHistory: GitHistory | undefined;
  const result = (trees: OutputTrees = {}, site?: Site): BuildResult => ({ diagnostics, trees, timings, notes, ...(site ? { site, editions } : {}), ...(gitHistory ? { history: gitHistory } : {}) });

  const history = options.read?.history ?? step('git', () => readGitHistory(options.root));
  options.read?.diagnostics.forEach(report);
  const sources = options.read?.sources ?? (await step('load', () => loadSources(options.root, report)));
  const config = readSiteConfig(sources.texts, report, sources.unreadable);
  const authorsFile = readAuthorsFile(sources.texts, report);
  if (!config) return result();
  const baseUrl = requireBaseUrl(options.baseUrl ?? config.baseUrl, report);
  const scope = options.changed ? changeScope(sources.texts, options.changed, themeFolderFromRoot(options.root, config.theme)) : undefined;
  const compile = { html: config.markdown.html, links: config.gemini.links };
  // With site.yml unreadable, what raw HTML keeps and mends (`markdown.html`) is not known: not told about.
  const compileReport: Report = !settingsUnknown(config) ? report : (diagnostic) => {
    if (diagnostic.ruleId !== 'html/removed' && diagnostic.ruleId !== 'html/misplaced' && diagnostic.ruleId !== 'html/invalid-value' && diagnostic.ruleId !== 'html/misplaced-attribute') report(diagnostic);
  };
  const compiled = await step('compile', () =>
    compileAll(sources.texts, { compile, cacheDir: options.cacheDir, jobs: options.jobs, bodies: scope?.parse, remember: options.remember, progress: options.progress, check, consume: true, signal: options.signal }, compileReport),
  );
  // Pages read compiled fragments from the store until the last one is rendered.
  try {
    for (const entry of compiled.rejected) rejected.add(entry);
    if (rejected.size > 0) notes.push(cacheNote([...rejected].sort(), options.cacheDir ?? ''));
    // Compiling went on without a cache it can not write (`mimeo dev` keeps its files in memory anyway).
    const unusable = options.cacheDir === undefined || options.remember ? undefined : cacheFolderProblem(options.cacheDir);
    if (unusable !== undefined) notes.push(unusableCacheNote(options.cacheDir!, unusable));
    editions = await step('assemble', async () => {
      await prepareAssetChecks(sources.assets);
      return assembleSite({ config, files: compiled.files, assets: sources.assets, unreadable: sources.unreadable, ...(authorsFile ? { authorsFile } : {}) }, { drafts: options.drafts ?? false }, report);
    });
    // Front matter is checked: the texts (which the files keep to locate its errors) are not needed any more.
    sources.texts.length = 0;
    compiled.files.length = 0;
    const site = editions[0]!;
    // `check` (which writes nothing) checks the links of drafts it leaves out too.
    await step('links', () => resolveEditionLinks(editions, report, { checkDrafts: options.write === false }));
    gitHistory = await history;
    reportLinksAsFiles(options.root, gitHistory, report);
    for (const edition of editions) applyHistory(edition, gitHistory);
    warnFarDates(site, gitHistory, report);
    const behind = translationsBehind(editions);
    const files = gitHistory.files;
    const changed = await step('translations', () =>
      translatedTextChanged(options.root, behind.map(({ original, translation }) => ({ path: original.path, since: files.get(translation.path)?.commit ?? '', now: files.get(original.path)?.commit ?? '' }))),
    );
    markStaleTranslations(behind.filter((_, index) => changed[index]), report, (file) => files.get(file)?.commit);
    warnIgnoredFields(editions, behind, gitHistory.uncommitted, report);
    warnTranslationGaps(editions, report);
    notes.push(...historyNotes(gitHistory));
    // Pages made from the same inputs as in the last build are linked from it, not rendered again.
    const memo = options.cacheDir !== undefined && (options.write ?? true) && !options.select ? openOutputMemo(options.cacheDir, options.out) : undefined;
    // With a memo, a page of the original edition is keyed by its inputs in the model, not by its whole context.
    const inputs = memo ? await step('graph', () => pageInputs(site, editions, baseUrl)) : undefined;
    // A theme outside themes/ (`theme: ../shared`) is an input too, its state taken before it is read.
    const themeFolder = themeFolderOf(options.root, config.theme);
    if (stamp && !isInside(path.resolve(themeFolder), path.join(options.root, 'themes'))) addFolderStates(stamp.inputs, themeFolder);
    const theme = await step('theme', async () => {
      const files = await loadTheme(options.root, config.theme, report, configPlace(config, ['theme']));
      await prepareAssetChecks([...themeAssetSources(files).values()]);
      const hostFiles = new Set(config.hostFiles);
      const allowAsset = (source: AssetSource, output: string) => allowCopiedFile(source, output, report, hostFiles);
      const theme = createTheme(files, { name: config.theme, languages: editions.map((e) => e.language), memo, inputsOf: inputs, baseUrl, commit: site.commit, committed: site.committed, allowAsset, cacheDir: options.cacheDir, capsule: config.geminiUrl !== undefined, scriptAllowed: config.markdown.html === 'trust', checkDrafts: options.write === false && !(options.drafts ?? false) }, report);
      // A font or image the theme's CSS names is published beside it, or the stylesheet points at nothing.
      checkStylesheetUrls(files, theme.stylesheet, site.assets.map((asset) => asset.output), report);
      return theme;
    });
    // Once the theme is read, as an alias may not be written where one of its files is (`favicon.svg`).
    await step('aliases', () => checkAliases(editions, theme.assets.map((asset) => ({ output: asset.path, name: asset.source, own: !isBuiltInThemeSource(asset.source) })), report));
    // Every template, not only those this build's pages use: `check` tells what `build --drafts` would.
    await step('templates', () => theme.checkTemplates());
    if (scope && !scope.whole) {
      // A check limited to a change makes no page, but lists where each would be written: files
      // that would be written to the same place are found as a whole check finds them.
      renderTrees(editions, theme, baseUrl, report);
      return limitTo(scope, result({}, site));
    }
    const write = options.write ?? true;
    // A build that writes makes each page as it writes it; one that does not makes them all now.
    const trees = await step('render', async () => {
      const lazy = renderTrees(editions, theme, baseUrl, report, options.select?.(site, editions));
      await theme.prepareToRender();
      return write ? (memo?.reuseWritten(lazy) ?? lazy) : makeOutputs(lazy);
    });
    if (scope) return limitTo(scope, result({}, site));
    options.signal?.throwIfAborted();
    if (hasErrors(diagnostics)) return result({}, site);
    if (write) {
      const written = await step('write', () => writeOutputs(options.out, trees, outputTreeNames, () => !hasErrors(diagnostics), options.signal));
      if (!written) return result({}, site);
      // A signal heard once the output is in place stops the build at the next step: no stamp (the
      // old one was forgotten when the build began) then claims an output it did not record.
      const umask = currentUmask();
      const chmodded = await step('modes', () => settleModes(options.out, trees, memo?.umask, umask));
      await step('memo', () => memo?.save(trees, { how: written, umask, chmodded }));
      const unreadable = unreadableOutputNote(umask);
      if (unreadable !== undefined) notes.push(unreadable);
      // A rejected entry's note is not told again.
      if (stamp && rejected.size === 0) {
        const git = gitHistory;
        await step('stamp', () => saveStamp(stamp.options, stamp.inputs, git, { notes, diagnostics, ...countOutputs(trees, site) }));
      }
    }
    return result(trees, site);
  } finally {
    compiled.dispose();
  }
}

/** What each output of the original edition is made of, from its dependency graph. */
function pageInputs(site: Site, editions: readonly Site[], baseUrl: string): (tree: string, path: string) => string | undefined {
  // A body enters by its cache key: its text, the compile options and mimeo's code. The commit
  // does not: the theme keys the pages that show it by it (see `createTheme`).
  const graph = toDependencyGraph(site, { baseUrl, textHash: (path) => site.documents.get(path)?.body.hash, editions });
  return (tree, path) => inputsOf(graph, `${tree}/${path}`, 'commit');
}

function cacheNote(rejected: readonly string[], folder: string): string {
  const count = rejected.length;
  return `${count === 1 ? 'a cache entry' : `${count} cache entries`} in ${folder} could not be read (${rejected[0]}${count > 1 ? ', …' : ''}) and ${count === 1 ? 'was' : 'were'} made again; delete the folder if this keeps happening`;
}

/** Keeps the diagnostics of the files a change-limited check reports on, and those their files are involved in (all of them when it checks the whole). */
function limitTo(scope: ChangeScope, result: BuildResult): BuildResult {
  if (scope.whole) return result;
  const involved = (diagnostic: Diagnostic) => scope.report.has(diagnostic.file) || (diagnostic.related ?? []).some((file) => scope.report.has(file));
  return { ...result, diagnostics: result.diagnostics.filter(involved) };
}

function requireBaseUrl(baseUrl: string | undefined, report: Report): string {
  if (baseUrl === undefined) {
    reportRule(report, 'site-config/base-url', { file: 'content/site.yml' }, {});
    return 'https://example.invalid/';
  }
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}
