import { cp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures, listTree, makeWebzine, readTree, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

async function builtWebzine() {
  const root = await makeWebzine();
  const out = await temporaryFolder();
  expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
  return { root, out };
}

describe('writing the output', () => {
  it('leaves the previous output byte for byte as it was when a build fails', async () => {
    const { root, out } = await builtWebzine();
    const before = await readTree(out);
    await writeFile(path.join(root, 'content/issues/1/20-second.md'), '---\ntitle: [unclosed\n---\n');
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.code).toBe(1);
    expect(await readTree(out)).toEqual(before);
  });

  it('leaves the previous output as it was when a template fails while the pages are written', async () => {
    const { root, out } = await builtWebzine();
    const before = await readTree(out);
    // Pages are rendered as they are written: a template that fails at render time stops the swap.
    await cp(path.join(fixtures, 'errors/template-render'), root, { recursive: true, filter: (source) => !source.endsWith('diagnostics.txt') });
    const run = await runCli(['build', '--root', root, '--out', out]);
    expect(run.stderr).toContain('[template/render]');
    expect(run.code).toBe(1);
    expect(await readTree(out)).toEqual(before);
    // No staging folder is left behind either.
    expect(await readdir(out)).toEqual(['web']);
  });

  it('removes a file that the new build no longer makes', async () => {
    const { root, out } = await builtWebzine();
    await writeFile(path.join(out, 'web/stale.html'), 'old');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(root, 'content/issues/1/20-second.md'));
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: The first article\n---\nAlone now.\n');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const files = await listTree(path.join(out, 'web'));
    expect(files).not.toContain('stale.html');
    expect(files).not.toContain('issues/1/second/index.html');
    expect(files).toContain('issues/1/first/index.html');
  });

  it('leaves no staging folder behind, and keeps files of the output folder that are not its own', async () => {
    const { root, out } = await builtWebzine();
    await writeFile(path.join(out, 'CNAME'), 'zine.example\n');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['CNAME', 'web']);
  });
});
