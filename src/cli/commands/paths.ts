import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../usage.js';

/** The webzine root and output folder of a command, checked so output never lands in content. */
export function resolveFolders(command: string, root: unknown, out: unknown, cwd: string): { root: string; out: string } {
  const resolvedRoot = resolveRoot(command, root, cwd);
  const resolvedOut = typeof out === 'string' ? path.resolve(cwd, out) : path.join(resolvedRoot, 'dist');
  const relative = path.relative(resolvedOut, resolvedRoot);
  if (relative === '' || !relative.startsWith('..')) {
    throw new UsageError(`--out must not be the webzine's folder or hold it, got ${resolvedOut}`, command);
  }
  const content = path.join(resolvedRoot, 'content');
  const inContent = path.relative(content, resolvedOut);
  if (inContent === '' || (!inContent.startsWith('..') && !path.isAbsolute(inContent))) {
    throw new UsageError(`--out must not be inside content/, got ${resolvedOut}`, command);
  }
  return { root: resolvedRoot, out: resolvedOut };
}

/** The webzine's folder from `--root` (default: the current folder), which must exist. */
export function resolveRoot(command: string, root: unknown, cwd: string): string {
  const resolved = path.resolve(cwd, typeof root === 'string' ? root : '.');
  if (!statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--root must be the webzine's folder, and ${resolved} is not a folder`, command);
  }
  return resolved;
}
