import { renderTrees } from '../render/render-trees.js';
import { compileAll } from '../compile/compile-all.js';
import type { CompiledFile, LoadedFile } from '../compile/compiled.js';
import { createCollector, type Diagnostic, type Report } from '../diagnostics/diagnostic.js';
import { isChangedSinceCommit, type GitHistory } from '../load/git-history.js';
import type { TextSource } from '../load/load-sources.js';
import { loadTheme } from '../load/load-theme.js';
import { configPlace } from '../load/site-files.js';
import type { Asset, Site } from '../model/types.js';
import { withBodies, type DependencyGraph } from '../render/dependency-graph.js';
import { createTheme, type Theme } from '../theme/theme.js';
import { resolveDocumentLinks } from '../transform/links.js';
import { makeOutputs, type OutputTrees } from '../write/write-outputs.js';
import { affected, type RebuildPlan } from './affected.js';
import type { DevCompileMemory } from './compile-memory.js';

/** What the last good rebuild of `mimeo dev` left for the next one to patch. */
export interface LastBuild {
  /** Its site model: patched in place by {@link rebuildBodies}. */
  editions: Site[];
  graph: DependencyGraph;
  diagnostics: Diagnostic[];
  notes: string[];
  history: GitHistory;
  /** Every output the preview folder holds, as `tree/path` keys. */
  present: ReadonlySet<string>;
  /**
   * The theme, made by the first patch and kept until a full rebuild (theme files change only
   * through one), with where it reports: into the patch under way.
   */
  theme?: { theme: Theme; sink: { report: Report } };
}

/** What a save changed, as far as the watcher saw. */
export interface SavedFiles {
  /** The paths the watcher saw since the last good build, relative to the root. */
  seen: readonly string[];
  /** Reads them again: their texts and which changed (with what reading reported), or `undefined` when one is not a text read before. */
  reread: (paths: readonly string[], report: Report) => { texts: TextSource[]; changed: ReadonlySet<string> } | undefined;
  /** The Git history now. */
  history: () => Promise<GitHistory>;
  /**
   * Whether the files of `content/` that are copied are where and as the last load found them,
   * and none is reached through a symbolic link (those are read by every full load only): the
   * patch copies them without checking them again.
   */
  assetsAsLoaded: (assets: readonly Asset[]) => boolean;
}

/** Where and how the preview is built. */
export interface PatchOptions {
  root: string;
  baseUrl: string;
  cacheDir: string;
  cache: DevCompileMemory;
  /** Abandons the patch when aborted (`mimeo dev` stopping): it then throws the signal's reason (default: none). */
  signal?: AbortSignal | undefined;
}

/** A patch that went through: what to write, and the graph of the patched model. */
export interface Patched {
  trees: OutputTrees;
  graph: DependencyGraph;
  plan: RebuildPlan;
}

/**
 * Rebuilds after the commonest save of all: Markdown bodies edited, their front matter and
 * anchors the same, in a file that had and has nothing to report. Then nothing but those bodies
 * changed in the model, so the last build's model is patched (the bodies swapped, their links
 * resolved again) and its graph tells which outputs to render, without loading, assembling or
 * resolving the whole site again. It takes the watcher's word for what changed: the dev session
 * looks for missed changes once saves pause (`IncrementalBuild.verify`). Any other change is
 * declined, for the full rebuild; so is one that brings something to report, whose diagnostics
 * only a full rebuild gets right.
 */
export async function rebuildBodies(last: LastBuild, saved: SavedFiles, options: PatchOptions): Promise<Patched | undefined> {
  const [site] = last.editions;
  const { seen } = saved;
  if (!site || seen.length === 0 || !seen.every((path) => path.endsWith('.md') && site.documents.get(path)?.path === path)) return undefined;
  const reported = new Set(last.diagnostics.map((diagnostic) => diagnostic.file));
  if (seen.some((path) => reported.has(path)) || !saved.assetsAsLoaded(site.assets)) return undefined;
  // Started now, awaited once the files are compiled: `git status` runs meanwhile.
  const history = saved.history();
  const { report, diagnostics } = createCollector();
  const read = saved.reread(seen, report);
  if (!read || diagnostics.length > 0) return undefined;
  const texts = read.texts.filter((text) => read.changed.has(text.path));
  const before = new Map(texts.map((text) => [text.path, options.cache.fileOf(text.path)]));
  const config = site.config;
  const compiled = await compileAll(texts, { compile: { html: config.markdown.html, links: config.gemini.links }, cacheDir: options.cacheDir, remember: options.cache, check: 'at-lookup', signal: options.signal }, report);
  try {
    if (compiled.rejected.length > 0 || diagnostics.length > 0) return undefined;
    if (!sameHistory(last.history, await history)) return undefined;
    if (!compiled.files.every((file) => sameOutside(before.get(file.path), file))) return undefined;
    if (!last.theme) {
      // A theme that reports something (strings missing) has its say in full rebuilds.
      const sink = { report };
      // Only pages are made again here: the theme's copied files are the full rebuild's, which checks them.
      const settings = { name: config.theme, languages: last.editions.map((edition) => edition.language), commit: site.commit, allowAsset: () => false, capsule: config.geminiUrl !== undefined, scriptAllowed: config.markdown.html === 'trust' };
      const theme = createTheme(await loadTheme(options.root, config.theme, report, configPlace(config, ['theme'])), settings, (diagnostic) => sink.report(diagnostic));
      if (diagnostics.length > 0) return undefined;
      last.theme = { theme, sink };
    }
    last.theme.sink.report = report;
    // From here the model changes: a patch that gives up leaves it to the full rebuild that
    // follows, which makes a model of its own.
    const hashes = new Map<string, string>();
    for (const file of compiled.files) {
      const document = site.documents.get(file.path)!;
      // Other editions show an untranslated document with the original's body (links resolved in the original).
      const body = document.body;
      for (const edition of last.editions) for (const other of edition.documents.values()) if (other.body === body) other.body = file.body;
      resolveDocumentLinks(site, document, report);
      hashes.set(file.path, options.cache.textHash(file.path) ?? '');
    }
    if (diagnostics.length > 0) return undefined;
    const graph = withBodies(last.graph, hashes, last.editions);
    const plan = affected(seen, { before: last.graph, after: graph });
    if (plan.remove.length > 0) return undefined;
    const selection = { web: new Set<string>(), gemini: new Set<string>() };
    for (const key of plan.render) selection[key.startsWith('web/') ? 'web' : 'gemini'].add(key.slice(key.indexOf('/') + 1));
    // Rendering does not give way: a stop during compiling is heard before it starts.
    options.signal?.throwIfAborted();
    const lazy = renderTrees(last.editions, last.theme.theme, options.baseUrl, report, selection);
    await last.theme.theme.prepareToRender();
    const trees = makeOutputs(lazy);
    if (diagnostics.length > 0) return undefined;
    return { trees, graph, plan };
  } finally {
    compiled.dispose();
  }
}

/** Whether two histories tell the model the same: the same commit, log and uncommitted files. */
function sameHistory(before: GitHistory, now: GitHistory): boolean {
  if (before.missing !== now.missing || before.commit !== now.commit) return false;
  // The dev build's history memory gives the very same log while HEAD stays.
  if (before.files !== now.files && (before.files.size > 0 || now.files.size > 0)) return false;
  // A change staged or not dates a file alike: what counts is whether the commit holds a version of it.
  const alike = (was: string | undefined, is: string) => was !== undefined && isChangedSinceCommit(was) === isChangedSinceCommit(is);
  return before.uncommitted.size === now.uncommitted.size && [...now.uncommitted].every(([path, letters]) => alike(before.uncommitted.get(path), letters));
}

/** Whether a file compiled again differs from what it compiled to before in its body alone (front matter, its places, anchors, the order of its headings, blankness). */
function sameOutside(before: CompiledFile | undefined, now: LoadedFile): boolean {
  if (!before || before.partial || now.partial) return false;
  // Whether a body is blank is the model's too: a published article with no text is warned of.
  // The order of headings matters to link diagnostics: a translation's n-th heading is suggested for its original's n-th.
  const outside = (frontMatter: unknown, fields: unknown, anchors: unknown, headings: unknown, blank: unknown) => JSON.stringify([frontMatter, fields, anchors, headings, blank ?? false]);
  return (
    outside(before.frontMatter?.value, before.frontMatter?.fields ?? {}, before.body.anchors, before.body.headings, before.body.blank) ===
    outside(now.frontMatter?.value, now.fields, now.body.anchors, now.body.headings, now.body.blank)
  );
}
