import { realpathSync } from 'node:fs';
import { access, lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Place, Report } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { reportRule } from '../diagnostics/rules.js';
import { listWords } from '../parse/field-schema.js';
import { isEditorLeftover } from './editor-files.js';
import { isTextAsset, withLfLineEndings } from './line-endings.js';

/** A file of a theme, found in the webzine's theme or in the built-in one. */
export interface ThemeFile {
  bytes: Buffer;
  /** Where it was found, for messages: relative to the root, or absolute for the built-in theme. */
  displayPath: string;
  absolutePath: string;
  /**
   * The built-in theme's file of the same name that this one stands over, for UI strings
   * (`i18n/*.yml`): a webzine's strings file adds to the built-in one, key by key.
   */
  under?: ThemeFile;
}

/** A theme's files by their path inside the theme: `templates/home.liquid`. */
export type ThemeFiles = Map<string, ThemeFile>;

/** The folder of the built-in default theme, inside the mimeo package. */
export const builtInThemeFolder = fileURLToPath(new URL('../../themes/default/', import.meta.url));

/**
 * How a message names the theme file `relative` (`templates/404.liquid`): by its path from the
 * root, or, for a file of the built-in theme, by the theme ("the built-in theme's
 * templates/404.liquid"), not by the folder mimeo happens to be installed in.
 */
export function themeFileName(files: ThemeFiles, relative: string): string {
  const file = files.get(relative);
  if (file === undefined) return relative;
  return file.absolutePath.startsWith(builtInThemeFolder) ? `the built-in theme's ${relative}` : file.displayPath;
}

/**
 * Reads theme `name`: the webzine's `themes/<name>/` first, file by file over the built-in
 * default theme (SPEC §6). A theme that does not exist is reported at `named` (where site.yml names it).
 */
export async function loadTheme(root: string, name: string, report: Report, named: Place = { file: 'content/site.yml' }): Promise<ThemeFiles> {
  const files: ThemeFiles = new Map();
  let own = themeFolderOf(root, name);
  // site.yml is content, which a pull request may change: its theme may not lead out of the
  // repository (SPEC §7), by `..` or by a link, to publish a file from elsewhere as an asset.
  const region = await confinementOf(root);
  const real = await realpath(own).catch(() => undefined);
  const outside = real !== undefined && !isConfined(region, real);
  if (outside) {
    reportRule(report, 'theme/outside', named, { name, region: region === (await realpath(root).catch(() => root)) ? 'folder' : 'repository' });
    own = builtInThemeFolder;
  }
  const ownFiles = await listFiles(own, outside ? undefined : { root, report });
  if (ownFiles.length === 0 && name !== 'default') await reportNoTheme(root, name, own, report, named);
  const layers = path.resolve(own) === path.resolve(builtInThemeFolder) ? [own] : [own, builtInThemeFolder];
  for (const folder of layers) {
    for (const relative of folder === own ? ownFiles : await listFiles(folder)) {
      const over = files.get(relative);
      if (over && !relative.startsWith('i18n/')) continue;
      const absolutePath = path.join(folder, relative);
      const inRoot = path.relative(root, absolutePath);
      const displayPath = inRoot.startsWith('..') || path.isAbsolute(inRoot) ? absolutePath : inRoot.split(path.sep).join('/');
      let bytes: Buffer;
      try {
        bytes = await readBounded(absolutePath, maxThemeFileBytes);
        // A text asset is published, and the stylesheet named by its hash, with LF line endings, whatever the checkout.
        if (isTextAsset(relative)) bytes = withLfLineEndings(bytes);
      } catch (error) {
        // A file the system will not give, or gives without end (a theme named into /proc), told where it is.
        reportRule(report, 'theme/unreadable', { file: displayPath }, { reason: error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error) }, error);
        continue;
      }
      if (over) over.under = { bytes, displayPath, absolutePath };
      else files.set(relative, { bytes, displayPath, absolutePath });
    }
  }
  return files;
}

/**
 * Reports a theme of which nothing was read: a folder without a file in the folders a theme is
 * made of (an empty one, or one laid out for another generator, Hugo's `layouts/`) is told so;
 * no folder at all is told the themes there are.
 */
async function reportNoTheme(root: string, name: string, folder: string, report: Report, named: Place): Promise<void> {
  if (await stat(folder).then((stats) => stats.isDirectory(), () => false)) {
    reportRule(report, 'theme/empty', named, { folder: path.relative(root, folder).split(path.sep).join('/'), parts: listWords(themeParts.map((part) => `${part}/`)) });
    return;
  }
  const available = ['default', ...(await listFolders(path.join(root, 'themes'))).filter((n) => n !== 'default')];
  // A theme named by its path from the webzine's folder (`themes/zine`, `./themes/zine/`) instead of its folder's name.
  const inThemes = /^(?:\.\/)?themes\/([^/]+)\/?$/.exec(name)?.[1];
  const byPath = inThemes !== undefined && available.includes(inThemes);
  reportRule(report, 'theme/missing', named, { name, available: available.map((n) => `"${n}"`).join(', '), suggestion: byPath ? inThemes : didYouMean(name, available), ...(byPath ? { byPath } : {}) });
}

// More than any template, string file or stylesheet needs; a file of the system (/proc) may never end.
const maxThemeFileBytes = 32 * 1024 * 1024;

/** A file's bytes, read up to `max`: a file longer than that is an error, however long it goes on. */
async function readBounded(file: string, max: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    // A file's size, when the system knows it (a file of /proc says 0), is read in one go.
    const size = (await handle.stat()).size;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(size > 0 ? size + 1 : 64 * 1024, max + 1 - total)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > max) throw new Error(`larger than ${max / 1024 / 1024} MB`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** The folder of the webzine's theme `name`: `themes/<name>` below the root (which `name` may lead out of, `../shared`, within the repository). */
export function themeFolderOf(root: string, name: string): string {
  return path.join(root, 'themes', name);
}

/**
 * The folder of theme `name` from the root, as Git names the files of it (`themes/mine`, or
 * `../shared` for a theme beside the webzine, also one reached through a link in themes/).
 */
export function themeFolderFromRoot(root: string, name: string): string {
  const real = (folder: string) => {
    try {
      return realpathSync(folder);
    } catch {
      return path.resolve(folder);
    }
  };
  return path.relative(real(root), real(themeFolderOf(root, name))).split(path.sep).join('/');
}

/**
 * Where a webzine's theme may be: inside the Git repository that holds the root (a theme shared
 * by several webzines of one repository, `../shared`), or inside the root when there is none; by
 * its real path, links followed.
 */
async function confinementOf(root: string): Promise<string> {
  const real = await realpath(root).catch(() => path.resolve(root));
  for (let folder = real; ; folder = path.dirname(folder)) {
    // A work tree's `.git` is a folder, or a file naming it (a linked work tree, a submodule).
    if (await access(path.join(folder, '.git')).then(() => true, () => false)) return folder;
    if (path.dirname(folder) === folder) return real;
  }
}

/** Whether `file` is inside `folder` but not in a `.git` folder (whose config may hold a CI's credentials). */
function isConfined(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
  return !relative.split(path.sep).some((part) => part.toLowerCase() === '.git');
}

// A theme's files are in these folders; nothing else of its folder is read (a theme named by
// mistake as a large folder is not read whole).
const themeParts = ['assets', 'i18n', 'scaffolds', 'templates'];

/**
 * The files of a theme's folders, by their path in the theme. Links are not followed, in them (see
 * `listFilesIn`) nor, for a webzine's theme (`own`, where it is told), as one of these folders: a
 * theme may be a link to a folder of the repository, but its `assets/` no link to anywhere else.
 */
async function listFiles(folder: string, own?: { root: string; report: Report }): Promise<string[]> {
  const found: string[] = [];
  for (const part of themeParts) {
    const partFolder = path.join(folder, part);
    if (own && (await lstat(partFolder).then((stats) => stats.isSymbolicLink(), () => false))) {
      reportRule(own.report, 'theme/linked-folder', { file: path.relative(own.root, partFolder).split(path.sep).join('/') }, { part });
      continue;
    }
    found.push(...(await listFilesIn(partFolder, `${part}/`)));
  }
  return found;
}

async function listFilesIn(folder: string, prefix = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (isEditorLeftover(entry.name) || entry.name === 'README.md') continue;
    const relative = prefix + entry.name;
    if (entry.isDirectory()) found.push(...(await listFilesIn(path.join(folder, entry.name), relative + '/')));
    else if (entry.isFile()) found.push(relative);
  }
  return found;
}

async function listFolders(folder: string): Promise<string[]> {
  try {
    return (await readdir(folder, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}
