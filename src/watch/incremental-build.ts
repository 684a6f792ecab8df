import path from 'node:path';
import { build, type OutputSelection } from '../build.js';
import { createCollector, hasErrors, InternalError, type Diagnostic, type Report } from '../diagnostics/diagnostic.js';
import type { Asset, EditionPlace, Site } from '../model/types.js';
import { updateOutputs, type OutputUpdate, type WrittenFiles } from '../write/update-outputs.js';
import type { OutputFile } from '../write/output-file.js';
import type { OutputTrees } from '../write/write-outputs.js';
import { affected, type RebuildPlan } from './affected.js';
import { toDependencyGraph, type DependencyGraph } from '../render/dependency-graph.js';
import { createCompileMemory } from './compile-memory.js';
import { createSourceMemory, loadSources } from '../load/load-sources.js';
import { giveMemoryBack } from '../write/heap-guard.js';
import { makeTemporaryFolder } from '../write/temporary-folder.js';
import { readGitHistory, type GitHistory, type HistoryMemory } from '../load/git-history.js';
import { rebuildBodies, type LastBuild } from './body-edits.js';
import { committedCacheFile, committedCacheNote, committedLink } from '../load/committed.js';

/** Options of {@link createIncrementalBuild}. */
export interface IncrementalOptions {
  /** The webzine's folder, the one that holds content/. */
  root: string;
  /** The preview's own folder, which receives web/ and gemini/; never the webzine's dist/. */
  outDir: string;
  /** The address the preview is served at, used as the site's base URL. */
  baseUrl: string;
  /** Where compiled files are kept (default: `build`'s, `<root>/node_modules/.cache/mimeo`: a preview warms it and starts warm from it). */
  cacheDir?: string;
  /** Abandons the rebuild under way, and any later one, when aborted: `rebuild` then throws its reason (default: none). */
  signal?: AbortSignal;
  /** Told how many Markdown files a rebuild that reads everything compiled out of how many, after each (default: nobody). */
  progress?: (parsed: number, total: number) => void;
}

/** A rebuild that went through: what it changed in the output folder. */
export interface GoodRebuild {
  ok: true;
  /** Whether every output was rendered (the first good build). */
  full: boolean;
  /** The paths the watcher reported since the last good build, sorted. */
  changes: string[];
  /** How many outputs were rendered (copied files left out). */
  rendered: number;
  /** The files written and removed. */
  update: OutputUpdate;
  /** Every output the folder holds now, as `tree/path` keys. */
  present: ReadonlySet<string>;
  /** The webzine's editions, the original first: their languages and where their outputs are. */
  editions: readonly EditionPlace[];
  /** Warnings, if any. */
  diagnostics: Diagnostic[];
  notes: string[];
}

/** A rebuild with errors: nothing was written, the last good output stays. */
export interface FailedRebuild {
  ok: false;
  changes: string[];
  diagnostics: Diagnostic[];
  notes: string[];
}

/** What one rebuild did. */
export type RebuildOutcome = GoodRebuild | FailedRebuild;

/** Builds a webzine again and again, each time rendering and writing only what changed. */
export interface IncrementalBuild {
  /** Rebuilds after the watcher saw `changes` (paths relative to the root); never run two at once. */
  rebuild(changes: readonly string[]): Promise<RebuildOutcome>;
  /**
   * Looks at every source for changes the watcher did not report (an overflowing event queue, a
   * mount that sends no events) since a rebuild took its word; `true` when there are, and the
   * next rebuild, which must follow, then looks at everything. Never run with a rebuild.
   */
  verify(): Promise<boolean>;
}

/**
 * Makes the incremental build of `mimeo dev`: the whole pipeline of `build --drafts` with a parse
 * cache, rendering only the outputs {@link affected} picks against the last good build and
 * writing only files whose bytes changed. Its output always equals a clean build's (tested).
 */
export function createIncrementalBuild(options: IncrementalOptions): IncrementalBuild {
  let cache = createCompileMemory();
  const sources = createSourceMemory();
  const history: HistoryMemory = {};
  const written: WrittenFiles = new Map();
  // A cache folder that holds committed files, or that a committed link leads to, is not read:
  // looked at before every rebuild (a checkout can bring one), after which the preview keeps a
  // cache of its own and forgets what it compiled into the other.
  const wanted = options.cacheDir ?? path.join(options.root, 'node_modules', '.cache', 'mimeo');
  let cacheDir = wanted;
  let cacheNotes: string[] = [];
  const chooseCache = () => {
    if (cacheDir !== wanted) return;
    const link = committedLink(options.root, wanted);
    const committed = link === undefined ? committedCacheFile(wanted) : `${link}, a committed symbolic link`;
    if (committed === undefined) return;
    cacheNotes = [committedCacheNote(wanted, committed)];
    cacheDir = privateCacheDir();
    cache = createCompileMemory();
    patchable = undefined;
  };
  // Theme paths count until a build goes through: a failed build renders nothing.
  const pending = new Set<string>();
  let last: DependencyGraph | undefined;
  // What the last good build left for a save that changes bodies alone; none after a patch gave up half-way.
  let patchable: LastBuild | undefined;
  // Whether a patch took the watcher's word since the sources were last all looked at.
  let unverified = false;
  return {
    async verify() {
      if (!unverified) return false;
      await loadSources(options.root, () => {}, sources);
      unverified = false;
      const { listChanged, changed } = sources.lastChanges();
      if (!listChanged && changed.size === 0) return false;
      // Changed behind the watcher's back: the next rebuild looks at everything.
      patchable = undefined;
      return true;
    },
    async rebuild(changes) {
      chooseCache();
      for (const path of changes) pending.add(path);
      const seen = [...pending].sort();
      // What the watcher names is read again even when its stamp did not change (a coarse clock).
      sources.forget(seen);
      let historyRun: Promise<GitHistory> | undefined;
      const historyNow = () => (historyRun ??= readGitHistory(options.root, history));
      // Taken while a patch runs, and given back only by one that goes through: a full rebuild
      // (the one below, or the next after a throw) makes the next model to patch.
      const base = patchable;
      patchable = undefined;
      if (base) {
        const saved = {
          seen,
          reread: (paths: readonly string[], report: Report) => sources.reread(options.root, paths, report),
          history: historyNow,
          assetsAsLoaded: (assets: readonly Asset[]) => sources.asLoaded(assets.map((asset) => ({ path: asset.path, absolutePath: asset.absolutePath }))),
        };
        const patched = await rebuildBodies(base, saved, { root: options.root, baseUrl: options.baseUrl, cacheDir, cache, signal: options.signal });
        if (patched) {
          const made = keysOf(patched.trees, isRendered);
          checkRendered(patched.graph, made, patched.plan);
          const update = await updateOutputs(options.outDir, patched.trees, base.present, written, options.signal);
          last = base.graph = patched.graph;
          patchable = base;
          pending.clear();
          unverified = true;
          const { present, diagnostics, notes } = base;
          const editions = base.editions[0]?.editions ?? [];
          return { ok: true, full: false, changes: seen, rendered: made.length, update, present, editions, diagnostics, notes: [...cacheNotes, ...notes] };
        }
      }
      const loading = createCollector();
      const read = { history: historyNow(), sources: await loadSources(options.root, loading.report, sources), diagnostics: loading.diagnostics };
      unverified = false;
      let graph: DependencyGraph | undefined;
      let plan: RebuildPlan | undefined;
      const select = (site: Site, editions: readonly Site[]): OutputSelection | undefined => {
        graph = toDependencyGraph(site, { baseUrl: options.baseUrl, textHash: cache.textHash, editions, everyEdition: true });
        if (!last) return undefined;
        plan = affected(seen, { before: last, after: graph });
        return toSelection(plan.render);
      };
      const result = await build({ root: options.root, out: options.outDir, drafts: true, baseUrl: options.baseUrl, write: false, remember: cache, read, cacheDir, select, ...(options.signal ? { signal: options.signal } : {}), ...(options.progress ? { progress: options.progress } : {}) });
      cache.sweep();
      if (hasErrors(result.diagnostics) || !graph) return { ok: false, changes: seen, diagnostics: result.diagnostics, notes: [...cacheNotes, ...result.notes] };
      const made = keysOf(result.trees, isRendered);
      checkRendered(graph, made, plan);
      // Copied files, and the theme's, are in every build.
      const present = new Set([...graph.outputs.keys(), ...made, ...keysOf(result.trees, (file) => !isRendered(file))]);
      const update = await updateOutputs(options.outDir, result.trees, present, written, options.signal);
      // A rebuild of everything (the first) leaves hundreds of MiB of garbage, pages included once
      // this returns, that V8 would keep for a long while in a process that then waits for saves.
      if (!plan || plan.render.length > manyOutputs) setImmediate(giveMemoryBack);
      last = graph;
      pending.clear();
      if (result.editions && result.history) patchable = { editions: result.editions, graph, diagnostics: result.diagnostics, notes: result.notes, history: result.history, present };
      const editions = result.site?.editions ?? [];
      return { ok: true, full: plan === undefined, changes: seen, rendered: made.length, update, present, editions, diagnostics: result.diagnostics, notes: [...cacheNotes, ...result.notes] };
    },
  };
}

// Outputs rendered again above which a rebuild gives its garbage back at once.
const manyOutputs = 500;

function toSelection(keys: readonly string[]): OutputSelection {
  const selection: Record<string, Set<string>> = { web: new Set(), gemini: new Set() };
  for (const key of keys) {
    const slash = key.indexOf('/');
    (selection[key.slice(0, slash)] ??= new Set()).add(key.slice(slash + 1));
  }
  return selection;
}

/** Whether a build rendered `file` from the model: not a copied file, nor one of the theme's. */
function isRendered(file: OutputFile): boolean {
  return file.copyFrom === undefined && file.themeAsset !== true;
}

function keysOf(trees: OutputTrees, test: (file: OutputFile) => boolean): string[] {
  return Object.entries(trees).flatMap(([tree, files]) => files.filter(test).map((file) => `${tree}/${file.path}`));
}

/**
 * Every output the graph names and the plan picks must have been rendered: one the renderers no
 * longer make under that name would stay in the preview for ever. And every output a build of
 * everything renders must be named: one the graph does not know of (a new kind of page, an
 * edition left out) would never be rendered again, whatever changed. Either is a bug in mimeo.
 */
function checkRendered(graph: DependencyGraph, rendered: readonly string[], plan: RebuildPlan | undefined): void {
  const made = new Set(rendered);
  const missing = (plan?.render ?? [...graph.outputs.keys()]).filter((key) => !made.has(key));
  if (missing.length > 0) throw new InternalError(`the dependency graph of mimeo dev names outputs the build did not render: ${missing.join(', ')}`);
  const unnamed = plan ? [] : rendered.filter((key) => !graph.outputs.has(key));
  if (unnamed.length > 0) throw new InternalError(`the dependency graph of mimeo dev does not name outputs the build rendered: ${unnamed.join(', ')}`);
}

/** A cache folder of the preview's own in the system's temporary folder, removed when the process ends. */
function privateCacheDir(): string {
  const folder = makeTemporaryFolder('mimeo-dev-cache');
  if (folder === undefined) throw new Error('could not make a cache folder in the system\'s temporary folder');
  return folder;
}
