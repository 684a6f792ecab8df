import { lstat, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from '../scaffold/types.js';
import { makeFolder } from '../util/make-folder.js';

/**
 * What {@link writeScaffold} did: the paths it wrote, those already taken, or those whose folder
 * leads outside the region it may write in through a symbolic link (then it wrote nothing).
 */
export type ScaffoldWrite = { written: string[] } | { existing: string[] } | { outside: string[] };

/** Where {@link writeScaffold} may write: only inside content/, or anywhere in the webzine's folder. */
export type ScaffoldRegion = 'content' | 'root';

/**
 * Writes the planned files below `root`, all or none: when any of them exists already, nothing is
 * written and the existing ones are given back. Never overwrites a file, and never writes outside
 * `region` (default: `content`) through a symbolic link.
 */
export async function writeScaffold(root: string, files: readonly PlannedFile[], region: ScaffoldRegion = 'content'): Promise<ScaffoldWrite> {
  const toAbsolute = (file: PlannedFile) => path.join(root, ...file.path.split('/'));
  const taken = await Promise.all(files.map(async (file) => ((await isTaken(toAbsolute(file))) ? [file.path] : [])));
  const existing = taken.flat();
  if (existing.length > 0) return { existing };
  // A folder on the way may be a symbolic link that a pull request slipped in (SPEC §7).
  const realRoot = await realpath(root);
  const allowed = region === 'root' ? realRoot : await realpath(path.join(root, 'content')).catch(() => path.join(realRoot, 'content'));
  const outside = (await Promise.all(files.map(async (file) => ((await isInside(toAbsolute(file), allowed, realRoot)) ? [] : [file.path])))).flat();
  if (outside.length > 0) return { outside };
  const written: string[] = [];
  const createdFolders: string[] = [];
  for (const file of files) {
    const absolute = toAbsolute(file);
    try {
      const created = makeFolder(path.dirname(absolute));
      if (created !== undefined) createdFolders.push(created);
      // `wx` fails if the file appeared since the check, so even a race never overwrites.
      await writeFile(absolute, file.text, { flag: 'wx' });
      written.push(absolute);
    } catch (error) {
      await undo(written, createdFolders);
      if (hasCode(error, 'EEXIST')) return { existing: [file.path] };
      throw new Error(`could not write ${absolute}`, { cause: error });
    }
  }
  return { written: files.map((file) => file.path) };
}

/**
 * Whether the nearest existing folder of `absolute` is, once links are followed, inside
 * `folder`, or is the root itself (content/ does not exist yet).
 */
async function isInside(absolute: string, folder: string, realRoot: string): Promise<boolean> {
  let existing = path.dirname(absolute);
  for (;;) {
    try {
      const real = await realpath(existing);
      if (real === realRoot) return true;
      const relative = path.relative(folder, real);
      return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
    } catch (error) {
      if (!hasCode(error, 'ENOENT')) throw new Error(`could not look for ${existing}`, { cause: error });
      const parent = path.dirname(existing);
      if (parent === existing) return false;
      existing = parent;
    }
  }
}

async function isTaken(absolute: string): Promise<boolean> {
  try {
    await lstat(absolute);
    return true;
  } catch (error) {
    if (hasCode(error, 'ENOENT')) return false;
    // A file where a folder of the path should be blocks the path as much as the file itself.
    if (hasCode(error, 'ENOTDIR')) return true;
    throw new Error(`could not look for ${absolute}`, { cause: error });
  }
}

async function undo(written: readonly string[], createdFolders: readonly string[]): Promise<void> {
  for (const file of written) await rm(file);
  // Each entry is the topmost folder one mkdir made; the deeper ones it made are empty again.
  for (const folder of [...createdFolders].reverse()) await rm(folder, { recursive: true });
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
