import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Where a request path leads inside a served folder. */
export type Resolution =
  /** A file of the folder: its absolute path, and its path relative to the folder. */
  | { kind: 'file'; absolute: string; relative: string }
  /** A folder asked for without its trailing slash (relative links need one): its path, relative. */
  | { kind: 'redirect'; relative: string }
  /** Nothing there; `relative` is the file a page at this path would be. */
  | { kind: 'missing'; relative: string }
  /** A path that tries to leave the folder (`..`, encoded or not, or a symbolic link out). */
  | { kind: 'forbidden' }
  /** A path that is not valid percent-encoding. */
  | { kind: 'bad' };

/**
 * Resolves the path of a URL (`/issues/3/`, still percent-encoded) inside `folder`, serving only
 * what is really inside it (SPEC §7): every segment is decoded on its own and `.`/`..` segments,
 * slashes, backslashes and NUL bytes inside one are refused rather than normalised away; the real
 * path of what is found, symbolic links followed, must still be inside the folder's real path. A
 * folder gives its `index` file, never a listing.
 */
export async function resolveRequest(folder: string, urlPath: string, index: string): Promise<Resolution> {
  const segments: string[] = [];
  for (const raw of urlPath.split('/').slice(1)) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'bad' };
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return { kind: 'forbidden' };
    segments.push(segment);
  }
  const isFolderPath = segments.length === 0 || segments[segments.length - 1] === '';
  const relative = segments.filter(Boolean).join('/');
  const wanted = isFolderPath ? (relative ? `${relative}/${index}` : index) : relative;
  const realFolder = await realpath(folder).catch(() => undefined);
  if (!realFolder) return { kind: 'missing', relative: wanted };
  const found = await inspect(path.join(realFolder, relative));
  if (!found) return { kind: 'missing', relative: wanted };
  if (!isInside(found.real, realFolder)) return { kind: 'forbidden' };
  if (found.isFolder && !isFolderPath) return { kind: 'redirect', relative };
  // A file asked for as a folder (`notes.txt/`) is not there: served, it would take the type of an `index.html`.
  if (!found.isFolder) return isFolderPath ? { kind: 'missing', relative: wanted } : { kind: 'file', absolute: found.real, relative: wanted };
  const file = await inspect(path.join(found.real, index));
  if (!file || file.isFolder) return { kind: 'missing', relative: wanted };
  if (!isInside(file.real, realFolder)) return { kind: 'forbidden' };
  return { kind: 'file', absolute: file.real, relative: wanted };
}

async function inspect(absolute: string): Promise<{ real: string; isFolder: boolean } | undefined> {
  try {
    const real = await realpath(absolute);
    return { real, isFolder: (await stat(real)).isDirectory() };
  } catch {
    return undefined;
  }
}

function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
