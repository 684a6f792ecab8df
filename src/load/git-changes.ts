import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { refusedRepository, trustCommand } from './git-refusal.js';

const run = promisify(execFile);

/**
 * The files changed since `ref`, relative to the root: what `git diff --name-only ref...HEAD`
 * lists (the changes of this branch since it left `ref`), plus staged, unstaged and untracked files.
 * Throws a {@link ChangeBaseError} when `ref` is not a known revision or has no commit in common with HEAD.
 */
export async function readChangedFiles(root: string, ref: string): Promise<Set<string>> {
  const git = gitIn(root);
  // Where the branch left `ref`, compared with the working tree: commits, staged and unstaged
  // changes alike. Without rename detection a renamed file counts under both its names.
  // A revision is never an option (`--output=…`), whatever Git's version.
  if (ref.startsWith('-')) throw new ChangeBaseError(`--changed needs a Git revision of this repository, like origin/main, got "${ref}"`);
  for (const revision of [ref, 'HEAD']) {
    await git(['rev-parse', '--verify', `${revision}^{commit}`]).catch(async (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ChangeBaseError(`--changed ${ref}: there is no git command here (not installed, or not on the PATH), and --changed asks Git what changed; install Git, or check the webzine without --changed`);
      }
      const refused = refusedRepository(error);
      if (refused !== undefined) throw new ChangeBaseError(`--changed ${ref}: Git refuses to work in this repository, which another user owns ("dubious ownership"); to trust it: ${trustCommand(refused)}`);
      // Outside a work tree, whatever the revision: no repository, rather than no such commit in one.
      if (!(await git(['rev-parse', '--show-toplevel']).then(() => true, () => false))) {
        throw new ChangeBaseError(`--changed ${ref}: the webzine is not in a Git repository, so there are no changes to tell; check it without --changed, or in a clone of its repository`);
      }
      const said = error instanceof Error && 'stderr' in error ? String(error.stderr).trim().split('\n')[0] : String(error);
      if (revision === 'HEAD') throw new ChangeBaseError(`--changed ${ref}: this repository has no commit checked out yet; git said: ${said}`);
      // A CI clone fetched one commit deep holds no HEAD~1, nor a branch it was not told to fetch.
      const shallow = (await isShallow(git)) ? `, and this clone is shallow, so it may lack ${ref}: ${fetchWhole}` : '';
      throw new ChangeBaseError(`--changed needs a Git revision of this repository, like origin/main (git branch -r lists the branches to compare with)${shallow}; git said: ${said}`);
    });
  }
  const base = (
    await git(['merge-base', ref, 'HEAD']).catch(async () => {
      // A CI clone fetched one commit deep holds both tips but not the commit they share.
      const shallow = await isShallow(git);
      throw new ChangeBaseError(`--changed ${ref}: HEAD and ${ref} have no commit in common in this clone${shallow ? `, which is shallow; ${fetchWhole}` : ''}`);
    })
  ).trim();
  // What the webzine is made of, and what says which mimeo makes it (an upgrade may change any check).
  const watched = ['content', 'themes', ...installFiles];
  // mimeo's version may be kept at the repository's top, above a webzine in a folder of it.
  const installed = installFiles.map((file) => `:/${file}`);
  // A theme may live outside the webzine's folder (`theme: ../../shared`): changes there are
  // named from the root too (`../shared/templates/home.liquid`); the build keeps its theme's.
  const outside = [':/', ':(exclude).'];
  const [changed, untracked, upgraded, elsewhere, untrackedElsewhere, prefix] = await Promise.all([
    git(['diff', '--name-only', '--no-renames', '--relative', '-z', base, '--', ...watched]),
    git(['ls-files', '--others', '--exclude-standard', '-z', '--', ...watched]),
    git(['diff', '--name-only', '-z', base, '--', ...installed]),
    git(['diff', '--name-only', '--no-renames', '-z', base, '--', ...outside]),
    git(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...outside]),
    git(['rev-parse', '--show-prefix']),
  ]);
  const files = new Set([...changed.split('\0'), ...untracked.split('\0')].filter(Boolean));
  // Named as the webzine's own: a change to what every check depends on.
  if (upgraded.split('\0').some(Boolean)) files.add('package.json');
  const folder = prefix.trim().replace(/\/$/, '');
  for (const file of [...elsewhere.split('\0'), ...untrackedElsewhere.split('\0')].filter(Boolean)) files.add(path.posix.relative(folder, file));
  return files;
}

/**
 * The text of `file` (relative to the root) in the commit where this branch left `ref`, or
 * `undefined` when it had no such file. Call it after {@link readChangedFiles} found `ref` good.
 */
export async function readFileAtBase(root: string, ref: string, file: string): Promise<string | undefined> {
  const git = gitIn(root);
  try {
    const base = (await git(['merge-base', ref, 'HEAD'])).trim();
    return await git(['show', `${base}:./${file}`]);
  } catch {
    return undefined;
  }
}

/** The files that say which mimeo a webzine is built with: its manifest and any package manager's lock file. */
const installFiles = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock', 'bun.lockb'];

/** What to do in a shallow clone that lacks the history `--changed` needs. */
const fetchWhole = 'fetch the whole history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)';

/** Whether the repository is a shallow clone (`git clone --depth 1`, actions/checkout's default). */
async function isShallow(git: (args: string[]) => Promise<string>): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository']).catch(() => '')).trim() === 'true';
}

/** Runs Git in `root`, resolving to what it printed. */
function gitIn(root: string): (args: string[]) => Promise<string> {
  return (args) => run('git', ['-c', 'core.quotepath=off', ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).then((r) => r.stdout);
}

/** Why the files changed since a revision can not be told, in words for the person who asked. */
export class ChangeBaseError extends Error {
  override name = 'ChangeBaseError';
}
