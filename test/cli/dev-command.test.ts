import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateZine } from '../../bench/generate.js';
import { removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

describe('mimeo dev on the command line', () => {
  it('describes every option in dev --help', async () => {
    const run = await runCli(['dev', '--help']);
    expect(run.code).toBe(0);
    for (const option of ['--root DIR', '--port PORT', '--host HOST', '--open', '--debug', '/_gemini/', '?raw']) expect(run.stdout).toContain(option);
  });

  it('is listed in mimeo --help as available', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}dev {6}preview the webzine with drafts, rebuilt and reloaded as you save$/m);
  });

  it.each([
    [['--port', 'http'], 'mimeo: --port must be a whole number from 0 to 65535, got `http`\nSee `mimeo dev --help`.\n'],
    [['--port', '70000'], 'mimeo: --port must be a whole number from 0 to 65535, got `70000`\nSee `mimeo dev --help`.\n'],
    [['--live'], "mimeo: unknown option '--live'\nSee `mimeo dev --help`.\n"],
  ])('exits 2 on dev %j, before serving anything', async (args, stderr) => {
    expect(await runCli(['dev', ...args])).toEqual({ code: 2, stdout: '', stderr });
  });

  it('exits 2 when --root is not a folder', async () => {
    const run = await runCli(['dev', '--root', 'no-such-folder']);
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/^mimeo: --root must be the webzine's folder, and .*no-such-folder is not a folder\n/)]);
  });

  it.each([
    ['a closed terminal (SIGHUP) once it serves', 'SIGHUP', 'served'],
    ['Ctrl+C during the first build', 'SIGINT', 'building'],
  ] as const)('stops on %s, leaving nothing in the temporary folder', { timeout: 60_000 }, async (_name, signal, when) => {
    const root = await temporaryFolder();
    // Big enough that the first build still runs when the signal comes.
    generateZine(root, { articles: when === 'building' ? 250 : 3, seed: 3 });
    const temporary = await temporaryFolder();
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TMPDIR: temporary } });
    let output = '';
    const seen = new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (when === 'building' ? output.includes('previewing') : /^built /m.test(output)) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    const exited = once(child, 'exit');
    await seen;
    expect(await readdir(temporary)).toContainEqual(expect.stringMatching(/^mimeo-dev-/));
    // During the first build, it must not be over yet.
    if (when === 'building') expect(output).not.toMatch(/^built /m);
    child.kill(signal);
    const [code] = (await exited) as [number | null];
    expect([code, output]).toEqual([0, expect.stringContaining('mimeo dev: stopping')]);
    expect(await readdir(temporary)).toEqual([]);
  });
});
