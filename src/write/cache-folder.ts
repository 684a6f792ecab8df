import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { refusalReason } from '../diagnostics/refusal.js';
import { makeFolder } from '../util/make-folder.js';
import { fileOnPath } from './write-outputs.js';

/**
 * Why the cache folder `cacheDir` can not be written (`/tmp/f is a file, not a folder`,
 * `permission denied (EACCES)`), or `undefined` when a file can be made in it. The build goes on
 * without it (its fragments stay in memory), but nothing it compiles is there for the next build:
 * the user is told, once, instead of finding every build as slow as the first.
 */
export function cacheFolderProblem(cacheDir: string): string | undefined {
  // A real file written, not `access(W_OK)`: root passes that check in a read-only folder.
  const probe = path.join(cacheDir, `probe-${process.pid}.tmp`);
  try {
    makeFolder(cacheDir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return undefined;
  } catch (error) {
    const { code, message, path: refused } = error as NodeJS.ErrnoException;
    const file = code === 'ENOTDIR' || code === 'EEXIST' ? fileOnPath(cacheDir) : undefined;
    if (file !== undefined) return `${file} is a file, not a folder`;
    // A folder that takes no new one says ENOENT (procfs: `--cache-dir /proc/foo`).
    if (code === 'ENOENT') return `no folder can be made in ${path.dirname(refused ?? cacheDir)}`;
    return refusalReason(error) ?? (code ?? message);
  }
}

/** The note that tells the user the cache folder can not be used, and what that costs. */
export function unusableCacheNote(cacheDir: string, problem: string): string {
  return `the cache folder ${cacheDir} can not be written (${problem}), so nothing compiled now is kept for the next build or check, which compiles everything again; give --cache-dir a folder mimeo can write to, or --no-cache`;
}
