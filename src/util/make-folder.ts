import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Makes `folder` and the folders above it that are missing, as `mkdirSync(folder, { recursive:
 * true })` does, and gives the topmost folder it made (`undefined` when `folder` was there).
 * Node's own loops for ever, at full speed, where a folder that exists holds no new one and says
 * ENOENT, as if it were missing (`/proc/foo`: mkdir `/proc/foo` ENOENT, mkdir `/proc` EEXIST, and
 * again); here a folder is tried once more only after its parent was found or made, then its
 * error is thrown. A symbolic link to nothing on the path throws ENOENT (its `stat`).
 */
export function makeFolder(folder: string): string | undefined {
  const target = path.resolve(folder);
  try {
    mkdirSync(target);
    return target;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST') {
      if (statSync(target).isDirectory()) return undefined;
      throw error;
    }
    if (code !== 'ENOENT' || path.dirname(target) === target) throw error;
  }
  const made = makeFolder(path.dirname(target));
  mkdirSync(target);
  return made ?? target;
}
