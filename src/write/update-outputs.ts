import { createHash } from 'node:crypto';
import { readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileStamp } from '../load/file-stamp.js';
import { makeFolder } from '../util/make-folder.js';
import type { OutputTrees } from './write-outputs.js';

/**
 * What is in an output folder that {@link updateOutputs} keeps, by `tree/path`: the content's
 * hash, and for a copied file the stamp its source had then (see {@link fileStamp}).
 */
export type WrittenFiles = Map<string, { hash: string; source?: string }>;

/** The files an update wrote and removed, as `tree/path` keys, sorted. */
export interface OutputUpdate {
  written: string[];
  removed: string[];
}

/**
 * Brings an output folder up to date in place, for `mimeo dev`: writes each file whose bytes differ
 * from what was written before (each through a temporary file and a rename, so a server never
 * reads half a page), and removes every file written before that is not in `present`. Unlike
 * {@link writeOutputs}, `trees` may hold only the files that were rendered again. When `signal`
 * is aborted, it throws its reason before the next file, leaving the folder half updated: for a
 * preview that is being removed.
 */
export async function updateOutputs(outDir: string, trees: OutputTrees, present: ReadonlySet<string>, written: WrittenFiles, signal?: AbortSignal): Promise<OutputUpdate> {
  signal?.throwIfAborted();
  const update: OutputUpdate = { written: [], removed: [] };
  // Removals first: a file that is gone may stand where a new folder goes (`about` → `about/index.html`).
  for (const key of [...written.keys()]) {
    if (present.has(key)) continue;
    await rm(path.join(outDir, key), { force: true });
    await removeEmptyFolders(path.dirname(path.join(outDir, key)), path.join(outDir, key.slice(0, key.indexOf('/'))));
    written.delete(key);
    update.removed.push(key);
  }
  for (const [tree, files] of Object.entries(trees)) {
    for (const file of files) {
      const key = `${tree}/${file.path}`;
      const before = written.get(key);
      // A copied file whose source kept its stamp is not read again (hundreds of images).
      const source = file.copyFrom === undefined ? undefined : fileStamp(file.copyFrom);
      if (source !== undefined && before?.source === source) continue;
      const bytes = file.copyFrom === undefined ? file.bytes ?? '' : await readFile(file.copyFrom);
      const hash = createHash('sha1').update(bytes).digest('base64');
      if (before?.hash !== hash) {
        signal?.throwIfAborted();
        await writeAtomically(path.join(outDir, tree, file.path), bytes);
        update.written.push(key);
      }
      written.set(key, { hash, ...(source === undefined ? {} : { source }) });
    }
  }
  update.written.sort();
  update.removed.sort();
  return update;
}

async function writeAtomically(target: string, bytes: string | Uint8Array): Promise<void> {
  makeFolder(path.dirname(target));
  const temporary = `${target}.mimeo-${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}

/**
 * Removes `folder` and its parents up to `top`, the tree's own folder, while they are empty: a
 * tree left with no file (`gemini/` once site.yml has no geminiUrl) is gone, as from a build.
 */
async function removeEmptyFolders(folder: string, top: string): Promise<void> {
  for (let current = folder; current === top || current.startsWith(top + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch (error) {
      // A folder that still holds files stays, and so do its parents.
      if (error instanceof Error && 'code' in error && (error.code === 'ENOTEMPTY' || error.code === 'EEXIST' || error.code === 'ENOENT')) return;
      throw new Error(`could not remove the empty folder ${current}`, { cause: error });
    }
  }
}
