import { linkSync, lstatSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { RefusalError } from '../diagnostics/refusal.js';
import { makeFolder } from '../util/make-folder.js';
import { copyBytes } from './copy-bytes.js';
import { createHeapGuard } from './heap-guard.js';
import type { OutputFile } from './output-file.js';
import { patchable, patchTrees } from './patch-outputs.js';
import { letSignalsIn } from '../util/let-signals-in.js';

/** The output trees of a build, by folder name: `web`, and `gemini` when there is a capsule. */
export type OutputTrees = Record<string, OutputFile[]>;

/**
 * How the output reached its folder: `swapped` (each tree written whole, then swapped in) or
 * `patched` (only new and changed files written, then moved in), or `false` when nothing was.
 */
export type WriteOutcome = 'swapped' | 'patched' | false;

/** The folder trees are written in before they are swapped in, inside the output folder. */
const stagingName = '.mimeo-staging';
const retiredName = '.mimeo-retired';

/**
 * Writes the output trees into a staging folder inside `outDir` and only then brings them into
 * place, so a build that fails midway leaves the previous output untouched and a good one leaves
 * no stale file (SPEC §4). Trees of `known` that this build does not make are removed. `ready`
 * is asked once everything is staged; when it says no, nothing is brought in.
 *
 * When the build reuses files of the previous output (`linkFrom` naming the same file in place),
 * only the other files are staged; they are then renamed over the old ones and every file the
 * build did not make is removed, so an unchanged file is never touched. Otherwise (a first
 * build, `--no-cache`, a file that must become a folder, a name spelt with other case) each tree
 * is staged whole and swapped.
 *
 * When `signal` is aborted (Ctrl+C) before the swap, the staging folder is removed and its reason
 * thrown: the output is as it was. The swap itself is one synchronous section, which a signal
 * handler waits for: once begun, it is finished (default: no signal, the write runs to its end).
 */
export async function writeOutputs(outDir: string, trees: OutputTrees, known: readonly string[], ready: () => boolean = () => true, signal?: AbortSignal): Promise<WriteOutcome> {
  const staging = path.join(outDir, stagingName);
  const retired = path.join(outDir, retiredName);
  // Left by a build that stopped midway, if any; a path through a file holds none (and is told by makeOutputFolder).
  for (const leftover of [staging, retired]) await rm(leftover, { recursive: true, force: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOTDIR') throw error;
  });
  makeOutputFolder(outDir, staging);
  // Per tree, the files to write: all of them, or for a patch those not kept in place.
  const fresh = Object.fromEntries(Object.entries(trees).map(([name, files]) => [name, files.filter((file) => !keptInPlace(outDir, name, file))]));
  const patching = Object.entries(trees).some(([name, files]) => fresh[name]!.length < files.length);
  const staged: Record<string, OutputFile[]> = {};
  const giveWay = givingWay(signal);
  let patch = false;
  try {
    for (const [name, files] of Object.entries(trees)) staged[name] = await writeTree(path.join(staging, name), patching ? fresh[name]! : files, giveWay);
    // Pages made while they were written may have failed (a template error): then nothing is brought in.
    if (!ready()) {
      rmSync(staging, { recursive: true, force: true });
      return false;
    }
    patch = patching && Object.keys(trees).every((name) => patchable(path.join(outDir, name), fresh[name]!));
    // A tree that can not be patched is staged whole: the files kept in place join it by link.
    if (patching && !patch) {
      for (const [name, files] of Object.entries(trees)) await writeTree(path.join(staging, name), files.filter((file) => keptInPlace(outDir, name, file)), giveWay);
    }
    // The last chance to stop with the output untouched: a signal that came while the files were
    // staged is handled now (the event loop runs its handler), before the swap begins.
    await giveWay(true);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // From here on, no `await`: the swap is one synchronous section, so a signal's handler (SIGINT,
  // SIGTERM, SIGHUP: see `runBuild`) runs only once it is over, and the output is never half swapped.
  if (patch) {
    patchTrees(outDir, staging, trees, staged, known);
    rmSync(staging, { recursive: true, force: true });
    return 'patched';
  }
  makeFolder(retired);
  for (const name of known) {
    const current = path.join(outDir, name);
    moveIfThere(current, path.join(retired, name));
    if (name in trees) renameSync(path.join(staging, name), current);
  }
  // The previous output is gone from view: removing it (thousands of files) need not wait on the loop either.
  rmSync(retired, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  return 'swapped';
}

/**
 * Makes the output folder when it is missing, and the staging folder in it, saying which symbolic
 * link on the way leads nowhere, or which folder holds no new one (`--out /proc/foo`), when that is
 * why they can not be.
 */
function makeOutputFolder(outDir: string, staging: string): void {
  const existed = statOf(outDir)?.isDirectory() ?? false;
  try {
    makeFolder(staging);
  } catch (error) {
    const { code, path: refused } = error as NodeJS.ErrnoException;
    const file = code === 'ENOTDIR' || code === 'EEXIST' ? fileOnPath(outDir) : undefined;
    if (file !== undefined) {
      const message = `could not make the output folder ${outDir}: ${file} is a file, not a folder`;
      throw new RefusalError(message, 'give --out a folder, or a path where one can be made', { cause: error });
    }
    if (code !== 'ENOENT') throw error;
    // ENOENT comes from a link on the way that leads to nothing (`dist -> /gone/site`), or from a
    // folder that exists but takes no new folder and says it is missing (procfs, sysfs).
    const link = danglingLink(outDir);
    if (link !== undefined) {
      const message = `could not make the output folder ${outDir}: ${link} is a symbolic link to ${readlinkSync(link)}, which does not exist`;
      throw new RefusalError(message, 'make the folder the link leads to, or remove the link and mimeo makes the output folder (--out) itself', { cause: error });
    }
    const message = `could not ${existed ? 'write in' : 'make'} the output folder ${outDir}: no folder can be made in ${path.dirname(refused ?? staging)} (ENOENT)`;
    throw new RefusalError(message, 'give --out a folder on a disk you can write to, such as one in your home folder', { cause: error });
  }
}

/** The first of `folder` and its parents that is there and no folder (a file, or a link to one). */
export function fileOnPath(folder: string): string | undefined {
  return firstOnPath(folder, (at) => {
    const stats = statOf(at);
    return stats !== undefined && !stats.isDirectory();
  });
}

/** What stat says of a file, or `undefined` when it is not there or a file further up makes the path wrong (ENOTDIR). */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** The first of `file` and its parents that is a symbolic link to nothing. */
function danglingLink(file: string): string | undefined {
  return firstOnPath(file, (at) => lstatSync(at, { throwIfNoEntry: false })?.isSymbolicLink() === true && statSync(at, { throwIfNoEntry: false }) === undefined);
}

/** The first of `file` and its parents, from `file` up, that `test` accepts. */
function firstOnPath(file: string, test: (at: string) => boolean): string | undefined {
  for (let at = path.resolve(file); ; at = path.dirname(at)) {
    if (test(at)) return at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Makes the content of every output made on demand, dropping those that failed (reported): for builds that do not write. */
export function makeOutputs(trees: OutputTrees): OutputTrees {
  const made: OutputTrees = {};
  // The pages are kept, the garbage of making them is not (`mimeo dev`'s first build makes every page).
  const guard = createHeapGuard();
  for (const [name, files] of Object.entries(trees)) {
    made[name] = files.flatMap((file) => {
      if (!file.make) return [file];
      guard();
      const bytes = file.make();
      const { make: _make, ...rest } = file;
      return bytes === undefined ? [] : [{ ...rest, bytes }];
    });
  }
  return made;
}

/** Whether `file` is the previous build's file at the same place, which a patch leaves alone. */
function keptInPlace(outDir: string, tree: string, file: OutputFile): boolean {
  return file.linkFrom !== undefined && file.linkFrom === path.join(outDir, tree, file.path);
}

/** Writes `files` below `folder`, giving way now and then; returns those written (a page whose template failed is not). */
async function writeTree(folder: string, files: readonly OutputFile[], giveWay: (now?: boolean) => Promise<void>): Promise<OutputFile[]> {
  const written: OutputFile[] = [];
  // Each page is made here and dropped once written: its garbage is collected as it goes, at
  // half the guard's usual slack (a 10 000-article build peaked at 414 MiB with 48 MiB, 389 MiB
  // with 24 MiB, in the same time).
  const guard = createHeapGuard({ slackMb: 24 });
  const folders = new Set(files.map((file) => path.dirname(path.join(folder, file.path))));
  folders.add(folder);
  // One small file after another, without waiting on the event loop between them: a site is
  // thousands of small files, and a round trip through the loop costs more than each call.
  for (const dir of [...folders].sort()) makeFolder(dir);
  for (const file of files) {
    await giveWay();
    const target = path.join(folder, file.path);
    if (file.linkFrom !== undefined) linkOrCopy(file.linkFrom, target);
    else if (file.copyFrom !== undefined) copyBytes(file.copyFrom, target, file.source);
    else if (file.make) {
      guard();
      const text = file.make();
      if (text === undefined) continue;
      writeFileSync(target, text);
    } else writeFileSync(target, file.bytes ?? '');
    written.push(file);
  }
  return written;
}

/** A hard link to the previous build's file, or a copy where the file system has no links. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyBytes(from, to);
  }
}

/** Renames `from` to `to`, when there is a `from` (a tree the previous build did not make has none). */
function moveIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
}

// Long enough that giving way costs nothing measurable, short enough that Ctrl+C is heard at once.
const givesWayEvery = 50;

/**
 * Gives a function to await between files written: every {@link givesWayEvery} ms (or `now`) it
 * lets the event loop run, so a signal's handler can abort `signal`, then throws if it was.
 * Without a signal it does nothing: writing one file after another without a round trip through
 * the loop is what makes thousands of small files quick.
 */
function givingWay(signal: AbortSignal | undefined): (now?: boolean) => Promise<void> {
  let since = performance.now();
  return async (now = false) => {
    if (!signal) return;
    signal.throwIfAborted();
    if (!now && performance.now() - since < givesWayEvery) return;
    await letSignalsIn();
    since = performance.now();
    signal.throwIfAborted();
  };
}
