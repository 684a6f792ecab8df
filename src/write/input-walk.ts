import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEditorLeftover } from '../load/editor-files.js';
import { isInside } from '../load/load-sources.js';
import { installedListFile, markdownPackages, packageManifest } from '../compile/packages.js';

// mimeo's own files: its compiled code and its themes.
const mimeoFolder = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Calls `found` with the state of every file a build may read, in a fixed order: content/ (links
 * followed where the build follows them, inside content/), themes/ (each theme's folder may be a
 * link), mimeo's code and themes, the manifests of the packages that change its output and npm's
 * list of what is installed. A link records where it leads; a missing folder, that it is missing.
 * Editors' leftovers (`.swp`, `~`), which no build reads, are left out.
 */
export function walkInputs(root: string, found: (file: string, stats: Stats) => void): void {
  const content = path.join(root, 'content');
  walkFolder(content, realOf(content), found);
  const themes = path.join(root, 'themes');
  for (const { name } of entriesOf(themes, found)) {
    if (isEditorLeftover(name)) continue;
    const theme = path.join(themes, name);
    walkFolder(theme, realOf(theme), found);
  }
  walkFolder(path.join(mimeoFolder, 'lib'), realOf(path.join(mimeoFolder, 'lib')), found);
  walkFolder(path.join(mimeoFolder, 'themes'), realOf(path.join(mimeoFolder, 'themes')), found);
  for (const file of [path.join(mimeoFolder, 'package.json'), installedListFile()]) {
    if (file !== undefined) found(file, statSync(file, { throwIfNoEntry: false }) ?? missingStats);
  }
  // A package mimeo can not reach from here (another package manager's layout) is recorded as such.
  for (const name of markdownPackages) {
    const manifest = packageManifest(name)?.file;
    if (manifest === undefined) found(`${name}\0not found`, missingStats);
    else found(manifest, statSync(manifest, { throwIfNoEntry: false }) ?? missingStats);
  }
}

/** Calls `found` with the state of every file of `folder` (a theme outside `themes/`), as {@link walkInputs} does. */
export function walkFolderInputs(folder: string, found: (file: string, stats: Stats) => void): void {
  walkFolder(folder, realOf(folder), found);
}

function realOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** The entries of `folder`, sorted by name; a folder that can not be listed is recorded as such. */
function entriesOf(folder: string, found: (file: string, stats: Stats) => void): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    found(`${folder}\0missing`, missingStats);
    return [];
  }
}

const missingStats = { size: -1, mtimeMs: 0, ctimeMs: 0, ino: 0 } as Stats;

function walkFolder(folder: string, bound: string, found: (file: string, stats: Stats) => void, seen = new Set<string>()): void {
  const real = realOf(folder);
  if (seen.has(real)) return found(`${folder}\0loop`, missingStats);
  seen.add(real);
  for (const entry of entriesOf(folder, found)) {
    if (isEditorLeftover(entry.name)) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walkFolder(file, bound, found, seen);
    else if (entry.isSymbolicLink()) {
      const target = realOf(file);
      found(`${file}\0link:${target}`, missingStats);
      const stats = statSync(file, { throwIfNoEntry: false });
      if (stats?.isFile()) found(target, stats);
      else if (stats?.isDirectory() && isInside(target, bound)) walkFolder(file, bound, found, seen);
    } else {
      const stats = lstatSync(file, { throwIfNoEntry: false });
      if (stats) found(file, stats);
    }
  }
}
