import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { commitAll } from '../support/git.js';
import { makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const preload = pathToFileURL(path.join(repoRoot, 'test/support/interrupt-at.mjs')).href;

/** Runs the mimeo command in a process of its own that signals itself at `point` (see test/support/interrupt-at.mjs). */
function buildInterrupted(args: string[], point: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', preload, path.join(repoRoot, 'bin/mimeo.js'), 'build', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MIMEO_TEST_INTERRUPT: point },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

/** A webzine in Git, built once into `out`, whose site.yml then changes its title, so a build changes most outputs. */
async function builtThenRetitled(args: string[] = []): Promise<{ root: string; out: string; before: Map<string, Buffer> }> {
  const root = await makeWebzine();
  await commitAll(root, [{ author: 'Ada Quill', email: 'ada@secret.example', date: '2026-03-01T09:00:00Z' }]);
  const out = path.join(root, 'dist');
  expect((await runCli(['build', '--root', root, ...args])).code).toBe(0);
  const before = await readTree(out);
  const site = path.join(root, 'content/site.yml');
  await writeFile(site, (await readFile(site, 'utf8')).replace(/^title: .*$/m, 'title: A New Title'));
  return { root, out, before };
}

/** What a build of the webzine as it is now writes, into a folder of its own. */
async function builtNow(root: string): Promise<Map<string, Buffer>> {
  const out = await temporaryFolder();
  expect((await runCli(['build', '--root', root, '--out', out, '--no-cache'])).code).toBe(0);
  return readTree(out);
}

describe('a build stopped by a signal', () => {
  it('stops before the swap with the output as it was and no staging folder, exit code 130', async () => {
    const { root, out, before } = await builtThenRetitled();
    const run = await buildInterrupted(['--root', root], 'staging:SIGINT');
    expect([run.code, run.signal]).toEqual([130, null]);
    expect(run.stderr).toBe(`mimeo build: stopped by SIGINT; ${out} holds whole trees, the previous build's, or this one's if they were being put in place\n`);
    expect(await readdir(out)).toEqual(['web']);
    expect(await readTree(out)).toEqual(before);
    // The exit code is the one mimeo --help gives for a build stopped so.
    expect((await runCli(['--help'])).stdout).toContain('exits 128 + the signal (130 for SIGINT, 143 for SIGTERM');
  });

  it('finishes a patch it was in the middle of, so that every output is the new one, and leaves no stamp: the next build builds', async () => {
    const { root, out, before } = await builtThenRetitled();
    const run = await buildInterrupted(['--root', root], 'patch:SIGINT');
    expect([run.code, run.signal]).toEqual([130, null]);
    expect(await readdir(out)).toEqual(['web']);
    const after = await readTree(out);
    expect(after).not.toEqual(before);
    expect(after).toEqual(await builtNow(root));
    const next = await runCli(['build', '--root', root]);
    expect(next.stdout).toMatch(/^built /);
  });

  it('finishes a whole swap it was in the middle of (--no-cache), exit code 143 for SIGTERM', async () => {
    const { root, out } = await builtThenRetitled(['--no-cache']);
    const run = await buildInterrupted(['--root', root, '--no-cache'], 'swap:SIGTERM');
    expect([run.code, run.signal]).toEqual([143, null]);
    expect(await readdir(out)).toEqual(['web']);
    expect(await readTree(out)).toEqual(await builtNow(root));
  });
});
