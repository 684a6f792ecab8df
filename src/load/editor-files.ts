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

// GNU sed -i writes `sed` and mkstemp's six random letters and digits, then renames it over the
// file. Only a name with a capital or a digit among the six is taken for one: `sedentary` and
// `sediments` are words a webzine may name a page or a file by (a sed file of six small letters,
// one time in two hundred, is only taken for content for the moment it lives).
const sedTemporary = /^sed(?=[a-z]*[A-Z0-9])[A-Za-z0-9]{6}$/;
