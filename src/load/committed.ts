import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';

// A pull request can commit what a build later writes to or reads as its own: a symbolic link
// where the output goes (`dist` → a folder outside the webzine, which a build would replace), or
// entries in the cache folder (`git add -f node_modules/.cache/mimeo`), which a build would take
// as compiled Markdown, past the sanitizer. Git says which paths came from a commit.

/**
 * The files Git tracks at or under `places` (relative to `cwd`, or absolute), asked from `cwd`;
 * `[]` outside a repository, `undefined` when Git could not answer. The caller's `GIT_DIR` and
 * `GIT_WORK_TREE` are left out: with them, Git would take `cwd` for the top of another tree.
 */
function tracked(cwd: string, places: readonly string[]): string[] | undefined {
  const env = { ...process.env };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR']) delete env[name];
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--', ...places.map((place) => `:(literal)${place.split(path.sep).join('/')}`)], {
      cwd,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return listed.split('\0').filter(Boolean);
  } catch (error) {
    // Outside any repository (or a path outside this one) nothing is tracked; any other failure is no answer.
    const said = String((error as { stderr?: unknown }).stderr ?? '');
    return /not a git repository|outside repository|is outside/i.test(said) ? [] : undefined;
  }
}

/**
 * The first symbolic link that Git tracks on the way to `target` (`target` included), from the
 * top of the file system: where a commit, not the maintainer, decided what the path leads to.
 * Git is asked only about links (a maintainer's own `dist` link costs one question a build).
 */
export function committedLink(root: string, target: string): string | undefined {
  const parts = path.resolve(target).split(path.sep);
  for (let length = 2; length <= parts.length; length++) {
    const place = parts.slice(0, length).join(path.sep) || path.sep;
    let link: boolean;
    try {
      link = lstatSync(place).isSymbolicLink();
    } catch {
      // What does not exist yet leads nowhere.
      return undefined;
    }
    if (link && (tracked(root, [path.relative(root, place)])?.length ?? 0) > 0) return path.relative(root, place) || place;
  }
  return undefined;
}

// What the last look at each cache folder found, by the state of the Git index then: a checkout,
// `git add` or a pull changes the index, so `mimeo dev` asks Git again only after one.
const looked = new Map<string, { index: string; found: string | undefined }>();

/**
 * The first file in the cache folder `cacheDir` (a link followed) that Git tracks, relative to
 * that folder, if any: such a cache could hold anything a commit put there. Where Git can not
 * answer inside a repository, the cache counts as committed.
 */
export function committedCacheFile(cacheDir: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(cacheDir);
    if (!statSync(real).isDirectory()) return undefined;
  } catch {
    // A cache not made yet holds nothing.
    return undefined;
  }
  const index = indexOf(real);
  // No repository around it: nothing in it came from a commit.
  if (index === undefined) return undefined;
  const known = looked.get(real);
  if (known && known.index === index) return known.found;
  const files = tracked(real, ['.']);
  const found = files === undefined ? '(Git could not say which files are committed)' : files[0];
  looked.set(real, { index, found });
  return found;
}

/** The state of the index of the Git repository holding `folder` (`.git` a folder or, in a worktree or submodule, a file), or `undefined` outside any. */
function indexOf(folder: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const dotGit = path.join(current, '.git');
    let gitDir: string | undefined;
    try {
      const stats = statSync(dotGit);
      gitDir = stats.isDirectory() ? dotGit : path.resolve(current, /^gitdir:\s*(.*)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim() ?? '.git');
    } catch {
      gitDir = undefined;
    }
    if (gitDir !== undefined) {
      try {
        const stats = statSync(path.join(gitDir, 'index'));
        return `${gitDir}:${stats.size}:${stats.mtimeMs}:${stats.ino}`;
      } catch {
        // A repository with no index yet: nothing staged or committed is checked out.
        return `${gitDir}:none`;
      }
    }
    if (path.dirname(current) === current) return undefined;
  }
}

/** The note a build gives when it does not use a cache folder that holds committed files. */
export function committedCacheNote(cacheDir: string, file: string): string {
  return `the cache folder ${cacheDir} holds files committed to Git (${file}, …), which could hold anything: it was not used; remove it from the repository and the disk (git rm -r ${cacheDir}, or delete the folder)`;
}
