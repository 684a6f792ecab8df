import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { isInside } from './load-sources.js';

// A pull request can commit what a build later writes to or reads as its own: a symbolic link
// where the output goes (`dist` → a folder outside the webzine, which a build would replace), or
// entries in the cache folder (`git add -f node_modules/.cache/mimeo`), which a build would take
// as compiled Markdown, past the sanitizer. Git says which paths came from a commit.

/** The files Git tracks at or under `places` (paths relative to `root`); none outside a repository or without Git. */
function tracked(root: string, places: readonly string[]): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--', ...places.map((place) => `:(literal)${place.split(path.sep).join('/')}`)], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
    });
    return listed.split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * The first symbolic link on the way from `root` to `target` (`target` included) that Git
 * tracks, relative to `root`: where a commit, not the maintainer, decided what the path leads to.
 */
export function committedLink(root: string, target: string): string | undefined {
  if (!isInside(target, root) || target === root) return undefined;
  const parts = path.relative(root, target).split(path.sep);
  for (let length = 1; length <= parts.length; length++) {
    const place = parts.slice(0, length).join(path.sep);
    let link: boolean;
    try {
      link = lstatSync(path.join(root, place)).isSymbolicLink();
    } catch {
      // What does not exist yet leads nowhere.
      return undefined;
    }
    if (link && tracked(root, [place]).length > 0) return place;
  }
  return undefined;
}

/**
 * The first file in the cache folder `cacheDir` that Git tracks, relative to that folder, if
 * any: such a cache could hold anything a commit put there.
 */
export function committedCacheFile(cacheDir: string): string | undefined {
  let exists = false;
  try {
    exists = lstatSync(cacheDir).isDirectory();
  } catch {
    // A cache not made yet holds nothing.
  }
  return exists ? tracked(cacheDir, ['.'])[0] : undefined;
}

/** The note a build gives when it does not use a cache folder that holds committed files. */
export function committedCacheNote(cacheDir: string, file: string): string {
  return `the cache folder ${cacheDir} holds files committed to Git (${file}, …), which could hold anything: it was not used; remove them from the repository (git rm -r --cached ${cacheDir})`;
}
