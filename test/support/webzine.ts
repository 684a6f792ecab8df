import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository's root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The fixtures folder. */
export const fixtures = path.join(repoRoot, 'test/fixtures');

const made: string[] = [];

/** A fresh temporary folder, removed by {@link removeTemporaryFolders}. */
export async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'mimeo-test-'));
  made.push(folder);
  return folder;
}

/** Removes every folder {@link temporaryFolder} made. */
export async function removeTemporaryFolders(): Promise<void> {
  await Promise.all(made.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}

/**
 * Copies a fixture webzine into a temporary folder: the base webzine of test/fixtures/base, then
 * the case's own files over it; the paths listed in the case's `remove.txt` are removed.
 */
export async function makeWebzine(caseFolder?: string, options: { base?: boolean } = {}): Promise<string> {
  const root = await temporaryFolder();
  if (options.base ?? true) await cp(path.join(fixtures, 'base'), root, { recursive: true });
  if (caseFolder) {
    await cp(caseFolder, root, { recursive: true, filter: (source) => !/(diagnostics\.txt|remove\.txt|expected[^/]*)$/.test(source) });
    const removals = await readFile(path.join(caseFolder, 'remove.txt'), 'utf8').catch(() => '');
    for (const line of removals.split('\n').filter(Boolean)) await rm(path.join(root, line), { recursive: true, force: true });
  }
  return root;
}

/** What a run of the command line printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mimeo <args>` in this process, as the bin would, from `cwd`. */
export async function runCli(args: string[], cwd = repoRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t), isInteractive: false }, cwd);
  return { code, stdout, stderr };
}

/** Every file below `folder`, as sorted relative paths with forward slashes. */
export async function listTree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** Every file below `folder` with its bytes, for byte-for-byte comparisons. */
export async function readTree(folder: string): Promise<Map<string, Buffer>> {
  const tree = new Map<string, Buffer>();
  for (const file of await listTree(folder)) tree.set(file, await readFile(path.join(folder, file)));
  return tree;
}

/** Whether expected files are being regenerated (`UPDATE_FIXTURES=1`). */
export const updatingFixtures = process.env['UPDATE_FIXTURES'] === '1';
