import { once } from 'node:events';
import path from 'node:path';
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
 * early when a watched path does not exist yet).
 */
export async function watchWebzine(root: string, onChange: (path: string) => void, onError: (error: Error) => void): Promise<Watcher> {
  const relative = (absolute: string) => path.relative(root, absolute).split(path.sep).join('/');
  const ignored = (absolute: string) => {
    const file = relative(absolute);
    if (file === '') return false;
    const [top] = file.split('/');
    return !watchedFolders.includes(top ?? '') || isEditorLeftover(path.basename(absolute));
  };
  const watcher = watch(root, { ignoreInitial: true, ignored, persistent: true });
  // Folder events are left out: chokidar also reports every file of a folder added, moved or removed.
  watcher.on('all', (event, absolute) => {
    if (event === 'add' || event === 'change' || event === 'unlink') onChange(relative(absolute));
  });
  watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
  await once(watcher, 'ready');
  return { close: () => watcher.close() };
}
