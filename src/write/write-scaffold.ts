import { lstat, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PlannedFile } from '../scaffold/types.js';

/** What {@link writeScaffold} did: the paths it wrote, or those already taken (then it wrote nothing). */
export type ScaffoldWrite = { written: string[] } | { existing: string[] };

/**
 * Writes the planned files below `root`, all or none: when any of them exists already, nothing is
 * written and the existing ones are given back. Never overwrites a file.
 */
export async function writeScaffold(root: string, files: readonly PlannedFile[]): Promise<ScaffoldWrite> {
  const toAbsolute = (file: PlannedFile) => path.join(root, ...file.path.split('/'));
  const taken = await Promise.all(files.map(async (file) => ((await isTaken(toAbsolute(file))) ? [file.path] : [])));
  const existing = taken.flat();
  if (existing.length > 0) return { existing };
  const written: string[] = [];
  const createdFolders: string[] = [];
  for (const file of files) {
    const absolute = toAbsolute(file);
    try {
      const created = await mkdir(path.dirname(absolute), { recursive: true });
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
