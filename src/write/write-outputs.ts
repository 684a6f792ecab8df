import { copyFileSync, linkSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from './output-file.js';

/** The output trees of a build, by folder name: `web`, and `gemini` when there is a capsule. */
export type OutputTrees = Record<string, OutputFile[]>;

/** The folder trees are written in before they are swapped in, inside the output folder. */
const stagingName = '.mimeo-staging';
const retiredName = '.mimeo-retired';

/**
 * Writes the output trees into a staging folder inside `outDir`, then swaps each into place, so
 * a build that fails midway leaves the previous output untouched and a good one leaves no stale
 * file (SPEC §4). Trees of `known` that this build does not make are removed. `ready` is asked
 * once everything is staged; when it says no, nothing is swapped in and `false` is returned.
 */
export async function writeOutputs(outDir: string, trees: OutputTrees, known: readonly string[], ready: () => boolean = () => true): Promise<boolean> {
  const staging = path.join(outDir, stagingName);
  const retired = path.join(outDir, retiredName);
  await rm(staging, { recursive: true, force: true });
  await rm(retired, { recursive: true, force: true });
  try {
    for (const [name, files] of Object.entries(trees)) writeTree(path.join(staging, name), files);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // Pages made while they were written may have failed (a template error): then nothing is swapped in.
  if (!ready()) {
    await rm(staging, { recursive: true, force: true });
    return false;
  }
  await mkdir(retired, { recursive: true });
  for (const name of known) {
    const current = path.join(outDir, name);
    await rename(current, path.join(retired, name)).catch(ignoreMissing);
    if (name in trees) await rename(path.join(staging, name), current);
  }
  // The previous output is gone from view: removing it (thousands of files) need not wait on the loop either.
  rmSync(retired, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  return true;
}

/** Makes the content of every output made on demand, dropping those that failed (reported): for builds that do not write. */
export function makeOutputs(trees: OutputTrees): OutputTrees {
  const made: OutputTrees = {};
  for (const [name, files] of Object.entries(trees)) {
    made[name] = files.flatMap((file) => {
      if (!file.make) return [file];
      const bytes = file.make();
      const { make: _make, ...rest } = file;
      return bytes === undefined ? [] : [{ ...rest, bytes }];
    });
  }
  return made;
}

function writeTree(folder: string, files: readonly OutputFile[]): void {
  const folders = new Set(files.map((file) => path.dirname(path.join(folder, file.path))));
  folders.add(folder);
  // One small file after another, without waiting on the event loop between them: a site is
  // thousands of small files, and a round trip through the loop costs more than each call.
  for (const dir of [...folders].sort()) mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = path.join(folder, file.path);
    if (file.linkFrom !== undefined) linkOrCopy(file.linkFrom, target);
    else if (file.copyFrom !== undefined) copyFileSync(file.copyFrom, target);
    else if (file.make) {
      const text = file.make();
      if (text !== undefined) writeFileSync(target, text);
    } else writeFileSync(target, file.bytes ?? '');
  }
}

/** A hard link to the previous build's file, or a copy where the file system has no links. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function ignoreMissing(error: unknown): void {
  if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
}
