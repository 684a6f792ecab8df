import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The files changed since `ref`, relative to the root: what `git diff --name-only ref...HEAD`
 * lists (the changes of this branch since it left `ref`), plus uncommitted and untracked files.
 * Throws with Git's own words when `ref` is not a known revision.
 */
export async function readChangedFiles(root: string, ref: string): Promise<Set<string>> {
  const git = (args: string[]) => run('git', ['-c', 'core.quotepath=off', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
  const [committed, uncommitted] = await Promise.all([
    git(['diff', '--name-only', '--relative', '-z', `${ref}...HEAD`, '--', 'content', 'themes']),
    git(['ls-files', '--modified', '--others', '--exclude-standard', '-z', '--', 'content', 'themes']),
  ]);
  return new Set([...committed.split('\0'), ...uncommitted.split('\0')].filter(Boolean));
}
