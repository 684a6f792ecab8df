import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One commit to make: who, when, and which files it writes, moves or removes. */
export interface CommitSpec {
  author: string;
  email: string;
  /** ISO 8601 date, used as author and committer date. */
  date: string;
  /** Files to write (content) or remove (`null`), by path relative to the repository. */
  files?: Record<string, string | null>;
  /** Files to move with `git mv`: old path → new path. */
  moves?: Record<string, string>;
}

/** Runs git in `folder` with a clean, fixed identity and no user or system configuration. */
export async function git(folder: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd: folder,
    env: { PATH: process.env['PATH'] ?? '', HOME: folder, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
  });
  return stdout.trim();
}

/** Makes `folder` a Git repository (if it is not one) and records the commits, in order. */
export async function commitAll(folder: string, commits: readonly CommitSpec[]): Promise<void> {
  await git(folder, ['init', '-q', '-b', 'main']).catch(() => undefined);
  for (const commit of commits) {
    for (const [from, to] of Object.entries(commit.moves ?? {})) {
      await mkdir(path.dirname(path.join(folder, to)), { recursive: true });
      await git(folder, ['mv', from, to]);
    }
    for (const [file, content] of Object.entries(commit.files ?? {})) {
      const target = path.join(folder, file);
      if (content === null) await rm(target, { force: true });
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    }
    await git(folder, ['add', '-A']);
    const env = {
      GIT_AUTHOR_NAME: commit.author,
      GIT_AUTHOR_EMAIL: commit.email,
      GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_NAME: commit.author,
      GIT_COMMITTER_EMAIL: commit.email,
      GIT_COMMITTER_DATE: commit.date,
    };
    await git(folder, ['commit', '-q', '--allow-empty', '-m', `commit by ${commit.author}`], env);
  }
}
