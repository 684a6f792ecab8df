import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { committedLink } from '../../load/committed.js';
import { isInside } from '../../load/load-sources.js';
import { UsageError } from '../usage.js';

/**
 * The webzine root and output folder of a command, checked so output never lands in content:
 * as written, and once symbolic links are followed (an output folder that is a link into content/).
 */
export function resolveFolders(command: string, root: unknown, out: unknown, cwd: string): { root: string; out: string } {
  const resolvedRoot = resolveRoot(command, root, cwd);
  const resolvedOut = typeof out === 'string' ? path.resolve(cwd, out) : path.join(resolvedRoot, 'dist');
  const content = path.join(resolvedRoot, 'content');
  // As written, then with links followed (content/ itself may be one).
  const triples = [
    [resolvedRoot, content, resolvedOut],
    [linksFollowed(resolvedRoot), linksFollowed(content), linksFollowed(resolvedOut)],
  ] as const;
  const shown = (real: string) => (real === resolvedOut ? resolvedOut : `${resolvedOut} (${real})`);
  for (const [rootPath, contentPath, outPath] of triples) {
    if (isInside(rootPath, outPath)) throw new UsageError(`--out must not be the webzine's folder or hold it, got ${shown(outPath)}`, command);
    if (isInside(outPath, contentPath)) throw new UsageError(`--out must not be inside content/, got ${shown(outPath)}`, command);
  }
  // `check` writes no output.
  if (out !== undefined || command !== 'check') refuseCommittedLink('--out', out === undefined ? 'dist' : undefined, resolvedRoot, resolvedOut, command);
  return { root: resolvedRoot, out: resolvedOut };
}

/** `target` with the symbolic links among its existing folders followed; the part that does not exist yet is kept as written. */
function linksFollowed(target: string): string {
  const rest: string[] = [];
  for (let existing = target; ; existing = path.dirname(existing)) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      if (path.dirname(existing) === existing) return target;
      rest.push(path.basename(existing));
    }
  }
}

/** Where compiled files are cached between runs, and how many threads compile: from `--no-cache`, `--cache-dir`, `--jobs`. */
export function resolveCompiling(command: string, values: Record<string, string | boolean | undefined>, folders: { root: string; out?: string }, cwd: string): { cacheDir?: string; jobs?: number } {
  const { 'no-cache': noCache, 'cache-dir': cacheDir, jobs } = values;
  if (noCache === true && typeof cacheDir === 'string') throw new UsageError('--no-cache and --cache-dir can not be used together', command);
  const result: { cacheDir?: string; jobs?: number } = {};
  if (typeof jobs === 'string') {
    if (!/^[1-9]\d{0,2}$/.test(jobs)) throw new UsageError(`--jobs must be a whole number from 1 to 999, got "${jobs}"`, command);
    result.jobs = Number(jobs);
  }
  if (noCache === true) return result;
  // Where build tools keep their caches, so it is ignored by Git and dropped with node_modules.
  const folder = typeof cacheDir === 'string' ? path.resolve(cwd, cacheDir) : path.join(folders.root, 'node_modules', '.cache', 'mimeo');
  for (const [inside, name] of [[path.join(folders.root, 'content'), 'content/'], ...(folders.out ? [[folders.out, '--out']] : [])] as Array<[string, string]>) {
    if (isInside(folder, inside) || isInside(linksFollowed(folder), linksFollowed(inside))) throw new UsageError(`--cache-dir must not be inside ${name}, got ${folder}`, command);
  }
  refuseCommittedLink('--cache-dir', typeof cacheDir === 'string' ? undefined : 'node_modules/.cache/mimeo', folders.root, folder, command);
  result.cacheDir = folder;
  return result;
}

/**
 * Refuses a folder that a symbolic link committed to Git leads to: a pull request that adds
 * `dist` → `../../elsewhere` must not make the build replace another folder. `byDefault` is the
 * folder `option` stands for when it was not given, named so (the user gave no such option).
 */
function refuseCommittedLink(option: '--out' | '--cache-dir', byDefault: string | undefined, root: string, folder: string, command: string): void {
  const link = committedLink(root, folder);
  if (link === undefined) return;
  const shown = link.split(path.sep).join('/');
  const what = byDefault === undefined ? option : `the ${option === '--out' ? 'output' : 'cache'} folder (${byDefault}, the default of ${option})`;
  throw new UsageError(`${what} goes through ${shown}, a symbolic link committed to Git: mimeo does not write where a commit points it; remove it (git rm ${shown}) or choose another ${option}`, command);
}

/**
 * The webzine's folder from `--root`, which must exist and must not be its `content/` folder or
 * one inside it; without it, the current folder, or (run from inside a webzine,
 * `content/issues/3/`) the nearest folder above it that holds `content/site.yml`, as Git finds
 * its repository.
 */
export function resolveRoot(command: string, root: unknown, cwd: string): string {
  const resolved = typeof root === 'string' ? path.resolve(cwd, root) : enclosingWebzine(path.resolve(cwd));
  if (!statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--root must be the webzine's folder, and ${resolved} is not a folder`, command);
  }
  if (typeof root === 'string' && !hasContent(resolved)) refuseContentFolder(command, root, resolved, cwd);
  // Run where site.yml lies beside the rest, with no content/ here or above: a webzine laid out flat.
  if (typeof root !== 'string') refuseFlatFolder(command, resolved);
  return resolved;
}

/** Refuses to run in `folder`, the current one, when it holds site.yml itself and no content/: a webzine laid out flat. */
function refuseFlatFolder(command: string, folder: string): void {
  if (!hasContent(folder) && holdsSiteFile(folder)) {
    throw new UsageError(`the current folder ${folder} holds site.yml itself, and mimeo looks for it in the webzine's content/ folder; move site.yml and the rest of the webzine into ${path.join(folder, 'content')}/`, command);
  }
}

function holdsSiteFile(folder: string): boolean {
  return statSync(path.join(folder, 'site.yml'), { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The folder `mimeo new webzine` starts a webzine in: `--root`, or the current folder (never one
 * above it, as there is no webzine yet). It must exist, must not be a webzine's `content/` or
 * a folder inside it, and must not hold site.yml itself (a webzine laid out flat).
 */
export function resolveNewRoot(command: string, root: unknown, cwd: string): string {
  const resolved = path.resolve(cwd, typeof root === 'string' ? root : '.');
  if (!statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--root must be the folder to start the webzine in, and ${resolved} is not a folder; make it first (mkdir)`, command);
  }
  if (typeof root === 'string') {
    if (!hasContent(resolved)) refuseContentFolder(command, root, resolved, cwd);
    return resolved;
  }
  const webzine = webzineAbove(resolved);
  if (webzine !== undefined && isInside(resolved, path.join(webzine, 'content'))) {
    throw new UsageError(`the current folder is inside the content/ of the webzine in ${webzine}; start a new webzine in a folder of its own, or pass --root with it`, command);
  }
  // A webzine laid out flat is there already: a new content/site.yml beside its site.yml would be read instead.
  refuseFlatFolder(command, resolved);
  return resolved;
}

/**
 * Refuses a `--root` that is content/ or inside it (`zine/content`, whose site.yml would be looked
 * for in `zine/content/content/`), or that holds site.yml itself, naming the folder to give instead.
 */
function refuseContentFolder(command: string, root: string, resolved: string, cwd: string): void {
  const expected = "--root must be the webzine's folder, the one that holds content/";
  const webzine = webzineAbove(resolved);
  if (webzine !== undefined && isInside(resolved, path.join(webzine, 'content'))) {
    const which = resolved === path.join(webzine, 'content') ? 'content/ itself' : 'a folder inside content/';
    // Given as the user gave --root: relative to the current folder, or absolute.
    const shown = path.isAbsolute(root) ? webzine : path.relative(cwd, webzine) || '.';
    throw new UsageError(`${expected}, not ${which}, got ${root}; pass --root ${shown}`, command);
  }
  if (holdsSiteFile(resolved)) {
    throw new UsageError(`${expected}, got ${root}, which holds site.yml itself; move site.yml and the rest of the webzine into ${path.join(root, 'content')}/`, command);
  }
}

/** `folder`, unless it has no `content/` and a folder above it holds `content/site.yml`. */
function enclosingWebzine(folder: string): string {
  if (hasContent(folder)) return folder;
  return webzineAbove(folder) ?? folder;
}

function hasContent(folder: string): boolean {
  return statSync(path.join(folder, 'content'), { throwIfNoEntry: false }) !== undefined;
}

/** The nearest folder above `folder` that holds `content/site.yml`, if any. */
function webzineAbove(folder: string): string | undefined {
  for (let above = path.dirname(folder), below = folder; above !== below; below = above, above = path.dirname(above)) {
    if (statSync(path.join(above, 'content', 'site.yml'), { throwIfNoEntry: false })?.isFile()) return above;
  }
  return undefined;
}
