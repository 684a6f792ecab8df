import { chmodSync, lstatSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { OutputTrees } from './write-outputs.js';

/**
 * The process's umask. Node reads it by setting it and back (DEP0139 warns of a race between
 * threads doing so), which is harmless here: only the main thread asks, and no thread sets it.
 */
export function currentUmask(): number {
  return process.umask();
}

/**
 * Gives every folder and file below each of `trees` of `outDir` (`web`, `gemini`), the trees
 * included, the mode the umask gives a new one: 0777 or 0666 without the umask's bits. A file a
 * build keeps from the previous one (linked or left in place) keeps the mode that build's umask
 * gave it; this puts it right once the umask changed, so fixing the umask and building again
 * fixes the site. Gives whether any mode was changed. Links are not followed.
 */
export function applyUmask(outDir: string, trees: readonly string[], umask: number): boolean {
  let changed = false;
  const visit = (file: string) => {
    const stats = lstatSync(file, { throwIfNoEntry: false });
    if (!stats || stats.isSymbolicLink()) return;
    const wanted = (stats.isDirectory() ? 0o777 : 0o666) & ~umask;
    if ((stats.mode & 0o7777) !== wanted) {
      chmodSync(file, wanted);
      changed = true;
    }
    if (stats.isDirectory()) for (const name of readdirSync(file)) visit(path.join(file, name));
  };
  for (const tree of trees) visit(path.join(outDir, tree));
  return changed;
}

/**
 * Adds to the output folder itself the read and search permissions the umask gives a new folder
 * and it lacks (a folder made under umask 077, built into again under 022), never taking one away:
 * the folder may be the maintainer's (`--out /srv/www`, shared with a group), whose other bits are
 * left as they are. A folder mimeo may not change (another user's) is left as it is too.
 */
export function openOutputFolder(outDir: string, umask: number): void {
  const stats = statSync(outDir, { throwIfNoEntry: false });
  if (!stats?.isDirectory()) return;
  const lacking = 0o555 & ~umask & ~stats.mode;
  if (lacking === 0) return;
  try {
    chmodSync(outDir, (stats.mode & 0o7777) | lacking);
  } catch {
    // Not the owner: the maintainer chose this folder's mode, and a server reads it as it is.
  }
}

/**
 * The note a build writes under a umask that keeps others from reading what it publishes (077,
 * 027): a web server that runs as another user answers 403. None under 022 or 002.
 */
export function unreadableOutputNote(umask: number): string | undefined {
  if ((umask & 0o004) === 0) return undefined;
  const readers = (umask & 0o040) === 0 ? 'their owner and group' : 'their owner';
  const mask = umask.toString(8).padStart(3, '0');
  return `the files this build published are readable only by ${readers}, because the umask is ${mask}: a web server that runs as another user can not read them; run \`umask 022\` and build again to make them readable by all`;
}

/**
 * Puts the modes of the output right after a write under `umask`: the output folder is opened to
 * what the umask lets others read ({@link openOutputFolder}), and, when the write kept files of
 * the previous build (linked or left in place) and that build's umask (`previous`, unknown when
 * it recorded none) was another, every mode of the trees is set ({@link applyUmask}). A write
 * that kept nothing made every file anew, with the umask's mode. Gives whether a mode of the
 * trees was changed.
 */
export function settleModes(outDir: string, trees: OutputTrees, previous: number | undefined, umask: number): boolean {
  openOutputFolder(outDir, umask);
  const kept = Object.values(trees).some((files) => files.some((file) => file.linkFrom !== undefined));
  if (!kept || previous === umask) return false;
  return applyUmask(outDir, Object.keys(trees), umask);
}
