import { readdirSync } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import { contentReadHint, refusalReason, RefusalError } from '../diagnostics/refusal.js';
import { reportRule } from '../diagnostics/rules.js';
import { isEditorLeftover } from './editor-files.js';

/** A file found in content/; `linked` when a symbolic link leads to it. */
export interface Found {
  absolutePath: string;
  linked: boolean;
}

/**
 * The files below `folder` of content/ (`realContent` its real path), reporting names that can not
 * be published, dangling links, links out of content/ and loops of links; special files are left out.
 */
export async function walkContent(folder: string, realContent: string, root: string, report: Report, seen = new Set<string>(), linked = false): Promise<Found[]> {
  const found: Found[] = [];
  // Symbolic links can lead back into a folder being read; each real folder is read once. Below
  // content/ and no link, a folder's real path is known without asking.
  const real = linked ? await realpath(folder).catch(() => folder) : path.join(realContent, path.relative(path.join(root, 'content'), folder));
  if (seen.has(real)) {
    const file = toPosix(path.relative(root, folder));
    reportRule(report, 'path/link-loop', { file }, { folder: ['content', toPosix(path.relative(realContent, real))].filter(Boolean).join('/') });
    return found;
  }
  seen.add(real);
  let entries;
  try {
    // Folder after folder without waiting on the event loop, as files are read.
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return found;
    throw refusedRead(error, `list the folder ${toPosix(path.relative(root, folder))}`);
  }
  for (const entry of entries) {
    if (isEditorLeftover(entry.name)) continue;
    const flaw = nameFlaw(entry.name);
    if (flaw) {
      // Located at its folder: the name itself could break the report's lines.
      // The file itself is related: `check --changed` keeps what a changed file is part of.
      const file = toPosix(path.relative(root, path.join(folder, entry.name)));
      reportRule(report, 'path/invalid-name', { file: toPosix(path.relative(root, folder)), related: [file] }, { name: JSON.stringify(entry.name), flaw });
      continue;
    }
    const absolute = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const target = await resolveLink(absolute);
      const file = toPosix(path.relative(root, absolute));
      if (target === undefined) {
        reportRule(report, 'path/dangling-link', { file }, { target: await readlink(absolute) });
        continue;
      }
      if (!isInside(target, realContent)) {
        reportRule(report, 'path/outside-root', { file }, { url: file, symlink: await readlink(absolute) });
        continue;
      }
      const stats = await stat(target);
      isDirectory = stats.isDirectory();
      // Left out like the special file itself: a FIFO with no writer would block the read for ever.
      if (!isDirectory && !stats.isFile()) continue;
    } else if (!entry.isFile() && !isDirectory) {
      continue;
    }
    const throughLink = linked || entry.isSymbolicLink();
    if (isDirectory) found.push(...(await walkContent(absolute, realContent, root, report, seen, throughLink)));
    else found.push({ absolutePath: absolute, linked: throughLink });
  }
  return found;
}

/**
 * What keeps a file name from being read and published: bytes that are not UTF-8 (the system
 * gives the name with U+FFFD, under which the file can not be opened), a backslash (a folder
 * separator to Windows and to some servers) or a control character (a line break in a name
 * would break the lines of every report).
 */
function nameFlaw(name: string): string | undefined {
  if (name.includes('\uFFFD')) return 'bytes that are not UTF-8';
  if (name.includes('\\')) return 'a backslash';
  if (/[\u0000-\u001F\u007F]/.test(name)) return 'a control character';
  return undefined;
}

/** Where the symbolic link `absolute` leads, all links followed; `undefined` when it leads nowhere (to nothing, or round a loop of links). */
async function resolveLink(absolute: string): Promise<string | undefined> {
  try {
    return await realpath(absolute);
  } catch {
    return (await lstat(absolute)).isSymbolicLink() ? undefined : absolute;
  }
}

/** Whether `target` is `folder` or inside it (paths compared as written). */
export function isInside(target: string, folder: string): boolean {
  const relative = path.relative(folder, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');
}

/** `file`, a path relative to the root, with `/` between its parts on every system, as diagnostics and outputs name files. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `error` told as what mimeo could not do (`read content/x.md`) when the system refused it, else kept as the cause of a located error. */
export function refusedRead(error: unknown, what: string): Error {
  const reason = refusalReason(error);
  return reason === undefined ? new Error(`could not ${what}`, { cause: error }) : new RefusalError(`could not ${what}: ${reason}`, contentReadHint, { cause: error });
}
