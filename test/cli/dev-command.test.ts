import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateZine } from '../../bench/generate.js';
import { makeWebzine, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

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

  it('stops on a closed terminal (SIGHUP) once it serves, at once, leaving nothing in the temporary folder', async () => {
    const root = await temporaryFolder();
    generateZine(root, { articles: 3, seed: 3 });
    const temporary = await temporaryFolder();
    const dev = spawnDev(['--root', root, '--port', '0'], { temporary });
    await dev.waitFor(/^built /m);
    expect(await readdir(temporary)).toContainEqual(expect.stringMatching(/^mimeo-dev-/));
    const signalled = performance.now();
    dev.child.kill('SIGHUP');
    const [code] = await dev.exited;
    expect([code, performance.now() - signalled < 1500, dev.output()]).toEqual([0, true, expect.stringMatching(/\nmimeo dev: stopping\n$/)]);
    expect(await readdir(temporary)).toEqual([]);
  });

  // Big enough that the first build takes seconds: a signal at its start must not wait for it.
  const firstBuildArticles = 250;

  it.each(['SIGINT', 'SIGTERM'] as const)('stops the first build on %s at once, telling nothing of it and leaving nothing in the temporary folder', { timeout: 30_000 }, async (signal) => {
    const root = await temporaryFolder();
    generateZine(root, { articles: firstBuildArticles, seed: 3 });
    const temporary = await temporaryFolder();
    const dev = spawnDev(['--root', root, '--port', '0'], { temporary });
    await dev.waitFor(/previewing/);
    expect(await readdir(temporary)).toContainEqual(expect.stringMatching(/^mimeo-dev-/));
    const signalled = performance.now();
    dev.child.kill(signal);
    const [code] = await dev.exited;
    const stopped = performance.now() - signalled;
    expect([code, dev.output().split('\n').slice(1)]).toEqual([0, ['mimeo dev: stopping', '']]);
    expect(stopped).toBeLessThan(1500);
    expect(await readdir(temporary)).toEqual([]);
  });

  it('stops at once on a second Ctrl+C while stopping, leaving nothing in the temporary folder', { timeout: 30_000 }, async () => {
    const root = await temporaryFolder();
    generateZine(root, { articles: firstBuildArticles, seed: 4 });
    const temporary = await temporaryFolder();
    const dev = spawnDev(['--root', root, '--port', '0'], { temporary });
    await dev.waitFor(/previewing/);
    const signalled = performance.now();
    dev.child.kill('SIGINT');
    await dev.waitFor(/stopping/);
    dev.child.kill('SIGINT');
    const [code, killedBy] = await dev.exited;
    const stopped = performance.now() - signalled;
    // The first may have stopped it already (0); the second ends it as a shell tells Ctrl+C (130).
    expect([[0, 130].includes(code ?? -1), killedBy, dev.output().split('\n').slice(1)]).toEqual([true, null, ['mimeo dev: stopping', '']]);
    expect(stopped).toBeLessThan(1500);
    expect(await readdir(temporary)).toEqual([]);
  });

  it('says so when the port asked for is taken, and which it took instead', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const dev = spawnDev(['--root', await makeWebzine(), '--port', String(port)], { temporary: await temporaryFolder() });
      await dev.waitFor(/previewing/);
      dev.child.kill('SIGINT');
      await dev.exited;
      const [, told, used] = /^mimeo dev: port (\d+) is taken, so the preview is on port (\d+) instead\n/m.exec(dev.output()) ?? [];
      expect([told, Number(used) > port, dev.output()]).toEqual([String(port), true, expect.stringContaining(`previewing`)]);
      expect(dev.output()).toContain(`at http://127.0.0.1:${used}/ `);
    } finally {
      taken.close();
    }
  });

  it.runIf(process.platform === 'linux')('tells to open the preview by hand when the browser opener fails (--open)', async () => {
    const bin = await temporaryFolder();
    // As xdg-open does without a desktop to open a browser on.
    await writeFile(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
    const dev = spawnDev(['--root', await makeWebzine(), '--port', '0', '--open'], { temporary: await temporaryFolder(), path: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}` });
    try {
      await dev.waitFor(/could not open/, 10_000);
    } finally {
      dev.child.kill('SIGINT');
      await dev.exited;
    }
    const url = /at (http:\S+) /.exec(dev.output())?.[1];
    expect(dev.output()).toContain(`mimeo dev: could not open a browser (xdg-open exited with code 3); open ${url} yourself\n`);
  });
});

/** `mimeo dev` run as a child process with its own temporary folder, as a user runs it. */
function spawnDev(args: string[], options: { temporary: string; path?: string }) {
  const env = { ...process.env, TMPDIR: options.temporary, ...(options.path === undefined ? {} : { PATH: options.path }) };
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'dev', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  const waiting = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    waiting.forEach((check) => check());
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return {
    child,
    exited,
    output: () => output,
    /** Resolves once the output matches `pattern`; fails after `bound` milliseconds. */
    waitFor(pattern: RegExp, bound = 20_000): Promise<void> {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${bound} ms; the output was:\n${output}`)), bound);
        const check = () => {
          if (!pattern.test(output)) return;
          clearTimeout(timer);
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      });
    },
  };
}
