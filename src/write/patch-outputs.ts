import { lstatSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { makeFolder } from '../util/make-folder.js';
import type { OutputFile } from './output-file.js';
import type { OutputTrees } from './write-outputs.js';

/**
 * Whether the staged `files` can be renamed into `folder`: no file of theirs stands where a folder
 * is now, and no folder of theirs where a file is (a page that moved from `about` to `about/`),
 * and every name already there is spelt the same (a folder renamed from `Photos` to `photos`
 * is the same folder where case does not count, and a patch would put its new files in the old).
 */
export function patchable(folder: string, files: readonly OutputFile[]): boolean {
  if (!isFolder(folder)) return false;
  const listings = new Map<string, Set<string>>();
  const spelt = (file: string) => {
    const parent = path.dirname(file);
    let names = listings.get(parent);
    if (!names) listings.set(parent, (names = new Set(readdirSync(parent))));
    return names.has(path.basename(file));
  };
  const checked = new Set<string>();
  try {
    for (const file of files) {
      const target = path.join(folder, file.path);
      for (let dir = path.dirname(target); dir.length > folder.length && !checked.has(dir); dir = path.dirname(dir)) {
        checked.add(dir);
        const kind = lstatSync(dir, { throwIfNoEntry: false });
        if (kind && (!kind.isDirectory() || !spelt(dir))) return false;
      }
      const stats = lstatSync(target, { throwIfNoEntry: false });
      if (stats && (!stats.isFile() || !spelt(target))) return false;
    }
  } catch (error) {
    // A file where a folder of the path was (`web/issues` made a file by hand): the tree is swapped whole.
    if (error instanceof Error && 'code' in error && error.code === 'ENOTDIR') return false;
    throw error;
  }
  return true;
}

/**
 * Moves the staged files into the output trees, each over its old version, then moves away what
 * the build did not make (trees of `known` it no longer makes included). Every step is a rename
 * written down: if one fails (a file that can not be replaced), the steps taken are undone in
 * reverse, so the output is as it was, and the error is thrown. Folders left empty go last.
 */
export function patchTrees(outDir: string, staging: string, trees: OutputTrees, staged: Record<string, OutputFile[]>, known: readonly string[]): void {
  const aside = path.join(staging, '.replaced');
  const undo: Array<() => void> = [];
  let count = 0;
  // Moves `file` out of the way, into the staging folder (removed with it), keeping how to bring it back.
  const moveAside = (file: string) => {
    const to = path.join(aside, String(count++));
    renameSync(file, to);
    undo.push(() => renameSync(to, file));
  };
  const emptied: string[] = [];
  try {
    makeFolder(aside);
    for (const name of known) {
      const folder = path.join(outDir, name);
      const files = trees[name];
      if (!files) {
        if (lstatSync(folder, { throwIfNoEntry: false })) moveAside(folder);
        continue;
      }
      const parents = new Set<string>();
      for (const file of staged[name] ?? []) {
        const to = path.join(folder, file.path);
        const parent = path.dirname(to);
        if (!parents.has(parent)) makeFolder(parent);
        parents.add(parent);
        if (lstatSync(to, { throwIfNoEntry: false })) moveAside(to);
        renameSync(path.join(staging, name, file.path), to);
        undo.push(() => rmSync(to, { force: true }));
      }
      const stale: string[] = [];
      listStale(folder, '', new Set(files.map((file) => file.path)), stale, emptied);
      stale.forEach(moveAside);
    }
  } catch (error) {
    for (const step of undo.reverse()) {
      try {
        step();
      } catch {
        // Best effort: the first error is the one to tell.
      }
    }
    throw error;
  }
  // Deepest first; a folder that can not go stays, empty and harmless.
  for (const folder of emptied) {
    try {
      rmdirSync(folder);
    } catch {
      // Kept.
    }
  }
}

/**
 * Lists in `stale` the files under `folder` whose path (after `prefix`) is not `present`, and in
 * `emptied` the folders they leave empty, deepest first; says whether `folder` is left empty.
 */
function listStale(folder: string, prefix: string, present: ReadonlySet<string>, stale: string[], emptied: string[]): boolean {
  let empty = true;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (listStale(full, `${prefix}${entry.name}/`, present, stale, emptied)) emptied.push(full);
      else empty = false;
    } else if (present.has(prefix + entry.name)) empty = false;
    else stale.push(full);
  }
  return empty;
}

function isFolder(folder: string): boolean {
  return lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
