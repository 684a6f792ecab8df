import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The root's folder inside its Git repository, as `git rev-parse --show-prefix` run in the root
 * says it: `zine/` for a webzine in the repository's `zine/` folder, `''` at the repository's top.
 * Outside a repository (or where Git can not be run) it is `''` too: there is no top to be inside.
 */
export async function readRepositoryPrefix(root: string): Promise<string> {
  try {
    const { stdout } = await run('git', ['-c', 'core.quotepath=off', 'rev-parse', '--show-prefix'], { cwd: root });
    return stdout.replace(/\n$/, '');
  } catch {
    // Not a repository: paths relative to the root are all there is.
    return '';
  }
}
