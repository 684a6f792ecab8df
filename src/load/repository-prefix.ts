import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The root's folder inside its Git repository, as `git rev-parse --show-prefix` run in the root
 * says it: `zine/` for a webzine in the repository's `zine/` folder, `''` at the repository's top.
 * Outside a repository (or where Git can not be run) it is `''` too: there is no top to be inside.
 * With it, the repository's top, which an absolute path (a theme outside the root) is made relative to.
 */
export async function readRepositoryPrefix(root: string): Promise<{ prefix: string; top?: string }> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', 'rev-parse', '--show-prefix', '--show-toplevel'], { cwd: root });
    const [prefix = '', top] = stdout.split('\n');
    return { prefix, ...(top ? { top } : {}) };
  } catch {
    // Not a repository: paths relative to the root are all there is.
    return { prefix: '' };
  }
}
