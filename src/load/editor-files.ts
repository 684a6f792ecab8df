/**
 * Whether a file or folder name is one no build reads and the watcher ignores: hidden files (vim
 * swap files, `.#` Emacs locks, `.DS_Store`), backups ending in `~`, Emacs autosaves `#name#`,
 * vim's `4913` write test, JetBrains' safe-write copies and the temporary file of `sed -i`.
 * Editors make them beside the real file while saving; a backup of an article is not published,
 * whatever it holds.
 */
export function isEditorLeftover(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || name === '4913' || name.includes('___jb_') || sedTemporary.test(name);
}

// GNU sed -i writes `sed` and mkstemp's six random letters and digits, then renames it over the file.
const sedTemporary = /^sed[A-Za-z0-9]{6}$/;
