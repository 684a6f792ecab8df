import type { DependencyGraph } from '../render/dependency-graph.js';

/** The dependency graphs of the last good build and of the build being made. */
export interface GraphPair {
  /** The last good build's graph. */
  before: DependencyGraph;
  /** The graph of the site as it is now. */
  after: DependencyGraph;
}

/** What a rebuild does to the outputs: keys like `web/issues/3/index.html`, sorted. */
export interface RebuildPlan {
  /** Outputs to render again: changed, or new. */
  render: string[];
  /** Outputs the site no longer makes. */
  remove: string[];
}

/**
 * Decides which outputs a change affects. `changes` are the paths the watcher saw, relative to the
 * root; they matter only for theme files, which the model does not describe. Everything else is
 * found by comparing the two graphs' fingerprints, so an edit, a rename or an undone edit gives the
 * same answer whichever way the editor saved it. An output is rendered again when an input it
 * reads (before or now) changed, or when it is new.
 */
export function affected(changes: readonly string[], graph: GraphPair): RebuildPlan {
  const changed = changedInputs(graph.before, graph.after);
  for (const path of changes) for (const key of themeInputsOf(path)) changed.add(key);
  const readsChange = (keys: readonly string[] | undefined) => keys !== undefined && keys.some((key) => changed.has(key));
  const render: string[] = [];
  for (const [output, keys] of graph.after.outputs) {
    const before = graph.before.outputs.get(output);
    if (before === undefined || readsChange(keys) || readsChange(before)) render.push(output);
  }
  const remove = [...graph.before.outputs.keys()].filter((output) => !graph.after.outputs.has(output));
  return { render: render.sort(), remove: remove.sort() };
}

/** The keys of the inputs whose fingerprints differ between two graphs, or that only one has. */
export function changedInputs(before: DependencyGraph, after: DependencyGraph): Set<string> {
  const changed = new Set<string>();
  for (const [key, value] of after.inputs) if (before.inputs.get(key) !== value) changed.add(key);
  for (const key of before.inputs.keys()) if (!after.inputs.has(key)) changed.add(key);
  return changed;
}

/**
 * The theme inputs a changed path stands for (SPEC §6: `themes/<name>/`): gemtext templates,
 * HTML templates, UI strings (read by both and by the feeds), and the stylesheet, whose hashed
 * name is in every web page. Other theme assets are copied as they are, and scaffolds are not
 * built; content files are compared through the model instead.
 */
export function themeInputsOf(path: string): string[] {
  const parts = path.split('/');
  if (parts[0] !== 'themes') return [];
  if (parts.length < 3) return ['theme:web', 'theme:gemini', 'theme:strings'];
  const [area, next] = [parts[2], parts[3]];
  if (area === 'templates') return next === 'gemini' ? ['theme:gemini'] : ['theme:web'];
  if (area === 'i18n') return ['theme:strings'];
  if (area === 'assets') return parts.slice(3).join('/') === 'style.css' ? ['theme:web'] : [];
  if (area === 'scaffolds' || (parts.length === 3 && area === 'README.md')) return [];
  return ['theme:web', 'theme:gemini', 'theme:strings'];
}
