import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The files changed since `ref`, relative to the root: what `git diff --name-only ref...HEAD`
 * lists (the changes of this branch since it left `ref`), plus staged, unstaged and untracked files.
 * Throws with Git's own words when `ref` is not a known revision.
 */
export async function readChangedFiles(root: string, ref: string): Promise<Set<string>> {
  const git = (args: string[]) => run('git', ['-c', 'core.quotepath=off', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
  // Where the branch left `ref`, compared with the working tree: commits, staged and unstaged
  // changes alike. Without rename detection a renamed file counts under both its names.
  const base = (await git(['merge-base', ref, 'HEAD'])).trim();
  const [changed, untracked] = await Promise.all([
    git(['diff', '--name-only', '--no-renames', '--relative', '-z', base, '--', 'content', 'themes']),
    git(['ls-files', '--others', '--exclude-standard', '-z', '--', 'content', 'themes']),
  ]);
  return new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean));
}
