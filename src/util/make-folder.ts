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
  const first = tryToMake(target, path.dirname(target) !== target);
  if (first !== 'no parent') return first === 'made' ? target : undefined;
  const made = makeFolder(path.dirname(target));
  return tryToMake(target, false) === 'made' ? (made ?? target) : made;
}

/**
 * Makes one folder: `made`, or `there` when it is a folder already (another build or thread may
 * have made it a moment before), or `no parent` when `parentMayLack` and mkdir said ENOENT.
 */
function tryToMake(folder: string, parentMayLack: boolean): 'made' | 'there' | 'no parent' {
  try {
    mkdirSync(folder);
    return 'made';
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EEXIST' && statSync(folder).isDirectory()) return 'there';
    if (code === 'ENOENT' && parentMayLack) return 'no parent';
    throw error;
  }
}
