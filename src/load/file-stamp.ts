import { statSync } from 'node:fs';

/**
 * What the file system says of a file's state: its size, modification and change times and
 * inode. Any write or replacement changes it (a file's change time can not be set back, unlike
 * its modification time), so an unchanged stamp means unchanged bytes without reading them.
 * `undefined` when there is no such file.
 */
export function fileStamp(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats?.isFile() ? `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}` : undefined;
}
