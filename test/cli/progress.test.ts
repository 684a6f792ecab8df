import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createProgress } from '../../src/cli/commands/progress.js';
import { makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

describe('the progress of a build', () => {
  it('is one updating line on a terminal, cleared before the notes and the summary', async () => {
    let stderr = '';
    let stdout = '';
    const terminal = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t), isInteractive: true };
    const code = await main(['build', '--root', await makeWebzine(), '--out', await temporaryFolder()], terminal);
    expect(code).toBe(0);
    expect(stderr.startsWith('\r\x1b[Kparsing ')).toBe(true);
    expect(stderr).toContain('\r\x1b[Kparsing 4/4 files\r\x1b[Knote: ');
    expect(stdout).toMatch(/^built 9 pages/);
  });

  it('is cleared before the message of a build that could not write its output', async () => {
    let stderr = '';
    const terminal = { out: () => {}, err: (t: string) => (stderr += t), isInteractive: true };
    const file = path.join(await temporaryFolder(), 'a-file');
    await writeFile(file, 'not a folder');
    const code = await main(['build', '--root', await makeWebzine(), '--out', path.join(file, 'dist')], terminal);
    expect(code).toBe(3);
    expect(stderr).toContain('\r\x1b[Kparsing 4/4 files\r\x1b[Kmimeo: could not ');
  });

  it('is not shown when the output is not a terminal (a pipe, a CI log)', async () => {
    const run = await runCli(['build', '--root', await makeWebzine(), '--out', await temporaryFolder()]);
    expect(run.stderr).not.toContain('parsing');
  });

  it('is redrawn at most every 100 ms, and always at the last file', () => {
    let stderr = '';
    let clock = 0;
    const progress = createProgress({ out: () => {}, err: (t) => (stderr += t), isInteractive: true }, () => clock);
    progress.update(1, 3);
    clock = 50;
    progress.update(2, 3);
    progress.update(3, 3);
    expect(stderr).toBe('\r\x1b[Kparsing 1/3 files\r\x1b[Kparsing 3/3 files');
  });
});
