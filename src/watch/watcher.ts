import { execFile } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { promisify } from 'node:util';
import { watch } from 'chokidar';
import { isEditorLeftover } from '../load/editor-files.js';

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
 * early when a watched path does not exist yet). Symbolic links are not followed: a link out of
 * content/ (which builds refuse) would have it watch a whole other tree. In a Git repository it
 * also watches HEAD's log, which every commit, checkout or reset writes to: dates, contributors
 * and stale translations come from the history, so it calls `onChange` with that log's path too.
 */
export async function watchWebzine(root: string, onChange: (path: string) => void, onError: (error: Error) => void): Promise<Watcher> {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const headLog = await headLogOf(root);
  const ignored = (absolute: string) => {
    const file = relative(absolute);
    if (file === '' || absolute === headLog) return false;
    const [top] = file.split('/');
    return !watchedFolders.includes(top ?? '') || isEditorLeftover(path.basename(absolute));
  };
  const watcher = watch(headLog === undefined ? [root] : [root, headLog], { ignoreInitial: true, ignored, persistent: true, followSymlinks: false });
  // Folder events are left out: chokidar also reports every file of a folder added, moved or removed.
  watcher.on('all', (event, absolute) => {
    if (event === 'add' || event === 'change' || event === 'unlink') onChange(relative(absolute));
  });
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await once(watcher, 'ready');
  return { close: () => watcher.close() };
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
