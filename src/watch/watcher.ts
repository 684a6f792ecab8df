import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, lstatSync, realpathSync, watch as watchFolder } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { watch } from 'chokidar';
import { isEditorLeftover } from '../load/editor-files.js';
import { isInside } from '../load/load-sources.js';

/** A running watch of a webzine's files. */
export interface Watcher {
  close(): Promise<void>;
}

/** The folders of a webzine that builds read: content/ (site.yml included) and themes/. */
const watchedFolders = ['content', 'themes'];

/**
 * Watches content/ and themes/ below `root` with chokidar and calls `onChange` with the path,
 * relative to the root with forward slashes, of every file added, changed or removed.
 * It watches the root itself, ignoring everything else at its top, so a themes/ folder made
 * later is seen, and gives `ready` only once every watched folder is (chokidar reports ready too
 * early when a watched path does not exist yet). A symbolic link in content/ that leads out of
 * it (which builds refuse) is not followed, lest it watch a whole other tree, but its path is
 * named when it is made, removed or pointed elsewhere; content/ itself and themes may be links.
 * In a Git repository it also watches HEAD's log, which every commit, checkout or reset writes
 * to: dates, contributors and stale translations come from the history, so it then calls
 * `onChange` with {@link historyMoved}.
 */
export async function watchWebzine(root: string, onChange: (path: string) => void, onError: (error: Error) => void): Promise<Watcher> {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const headLog = await headLogOf(root);
  const content = path.join(root, 'content');
  const realContent = realPath(content) ?? content;
  // The links out of content/ chokidar is told to ignore, so it reports neither their coming nor their going.
  const linksOut = new Set<string>();
  let ready = false;
  const ignored = (absolute: string) => {
    const file = relative(absolute);
    if (file === '' || absolute === headLog) return false;
    const [top] = file.split('/');
    if (!watchedFolders.includes(top ?? '') || isEditorLeftover(path.basename(absolute))) return true;
    if (top !== 'content' || !leadsOut(absolute, realContent)) return false;
    // One found in a folder made since (no event of its folder named it yet) is new.
    if (!linksOut.has(absolute) && ready) onChange(file);
    linksOut.add(absolute);
    return true;
  };
  const watcher = watch(headLog === undefined ? [root] : [root, headLog], { ignoreInitial: true, ignored, persistent: true });
  // Folder events are left out: chokidar also reports every file of a folder added, moved or removed.
  watcher.on('all', (event, absolute) => {
    if (event === 'add' || event === 'change' || event === 'unlink') onChange(absolute === headLog ? historyMoved : relative(absolute));
  });
  // A build refuses a link out of content/ (path/outside-root), so one made, removed or pointed
  // elsewhere is a change; the folder's own events say so, and nothing behind the link is looked at.
  watcher.on('raw', (_event, name, details) => {
    const folder = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
    if (typeof name !== 'string' || name === '' || typeof folder !== 'string') return;
    const absolute = path.resolve(folder, name);
    const file = relative(absolute);
    if (!file.startsWith('content/') || isEditorLeftover(path.basename(absolute))) return;
    const known = linksOut.delete(absolute);
    if (leadsOut(absolute, realContent)) linksOut.add(absolute);
    else if (!known) return;
    onChange(file);
  });
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await once(watcher, 'ready');
  ready = true;
  // In a repository without a commit yet, HEAD's log appears with the first one.
  const awaitingLog = headLog === undefined || existsSync(headLog) ? undefined : watchFolder(path.dirname(path.dirname(headLog)), () => {
    if (!existsSync(headLog!)) return;
    awaitingLog?.close();
    watcher.add(headLog!);
    onChange(historyMoved);
  });
  // A Git folder that goes away (the repository deleted) only ends this wait.
  awaitingLog?.on('error', () => awaitingLog.close());
  return {
    close: async () => {
      awaitingLog?.close();
      const throttles = pendingThrottles(watcher);
      await watcher.close();
      throttles.forEach((throttle) => throttle.clear());
    },
  };
}

/**
 * The throttles of chokidar's watcher under way: reading a folder again after an event in it
 * sets one for a second, cleared when the read ends. A read that closing cuts short never ends,
 * and chokidar's `close` forgets its timer without clearing it (chokidar 5.0), which then held
 * `mimeo dev` a second after it stopped (a save, or the cache folder made in the webzine's folder,
 * just before). Read from chokidar's internals, so a version without them gives none.
 */
function pendingThrottles(watcher: object): Array<{ clear: () => unknown }> {
  const throttled = (watcher as { _throttled?: unknown })._throttled;
  if (!(throttled instanceof Map)) return [];
  return [...throttled.values()].flatMap((paths: unknown) => (paths instanceof Map ? [...paths.values()] : [])).filter((throttle): throttle is { clear: () => unknown } => typeof throttle?.clear === 'function');
}

/** What the watcher names for a move of HEAD (a commit, a checkout, a reset): not a path, and never a file's. */
export const historyMoved = 'a Git commit, checkout or reset';

/** Whether `absolute` is a symbolic link that leads out of `folder` (a real path). */
function leadsOut(absolute: string, folder: string): boolean {
  if (!isSymbolicLink(absolute)) return false;
  const real = realPath(absolute);
  return real !== undefined && !isInside(real, folder);
}

// A path that is not there, or runs through a file (a file's own watcher names it with its name
// added: `a.md/a.md`), is no link; nor is one in a folder this user may not read (EACCES, EPERM),
// which is not followed either: thrown from the watcher's filter, it would stop `mimeo dev`, and
// the build tells what it can not read.
function isSymbolicLink(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return false;
    throw error;
  }
}

function realPath(file: string): string | undefined {
  try {
    return realpathSync(file);
  } catch {
    return undefined;
  }
}

/** The absolute path of the log of HEAD of the Git repository `root` is in, or `undefined` outside one. */
async function headLogOf(root: string): Promise<string | undefined> {
  try {
    const { stdout } = await promisify(execFile)('git', ['rev-parse', '--absolute-git-dir'], { cwd: root });
    return path.join(stdout.trim(), 'logs', 'HEAD');
  } catch {
    return undefined;
  }
}
