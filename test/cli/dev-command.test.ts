import { describe, expect, it } from 'vitest';
import { runCli } from '../support/webzine.js';

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
    expect([run.code, run.stderr]).toEqual([2, expect.stringMatching(/^mimeo: --root must be a folder, got .*no-such-folder\n/)]);
  });
});
