import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readTree, removeTemporaryFolders, temporaryFolder } from '../support/webzine.js';

// The rename of one new file into place fails, as a file another program holds open would make
// it fail on Windows: a disk error can not be staged for real.
const failing = vi.hoisted(() => ({ target: undefined as string | undefined }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const renameSync: typeof fs.renameSync = (from, to) => {
    if (failing.target !== undefined && String(to) === failing.target && !String(from).includes('.replaced')) throw Object.assign(new Error(`EACCES: permission denied, rename '${String(from)}' -> '${String(to)}'`), { code: 'EACCES' });
    fs.renameSync(from, to);
  };
  return { ...fs, renameSync, default: { ...fs, renameSync } };
});

const { writeOutputs } = await import('../../src/write/write-outputs.js');

afterAll(removeTemporaryFolders);

describe('a patch that fails half-way', () => {
  it('puts back every file it had moved, so the output is as it was', async () => {
    const out = await temporaryFolder();
    const fresh = (file: string, bytes: string) => ({ path: file, bytes, source: 'content/x.md' });
    const kept = (file: string) => ({ path: file, linkFrom: path.join(out, 'web', file), source: 'content/x.md' });
    expect(await writeOutputs(out, { web: [fresh('index.html', 'home'), fresh('a/index.html', 'a'), fresh('b/index.html', 'b'), fresh('c/index.html', 'c')] }, ['web'])).toBe('swapped');
    const before = await readTree(path.join(out, 'web'));
    // a/ is replaced first, then b/ fails; c/ is no longer made and d/ is new.
    failing.target = path.join(out, 'web', 'b', 'index.html');
    const patch = writeOutputs(out, { web: [kept('index.html'), fresh('a/index.html', 'a2'), fresh('b/index.html', 'b2'), fresh('d/index.html', 'd')] }, ['web']);
    await expect(patch).rejects.toThrow('EACCES');
    expect(await readTree(path.join(out, 'web'))).toEqual(before);
    failing.target = undefined;
    expect(await writeOutputs(out, { web: [kept('index.html'), fresh('a/index.html', 'a2'), fresh('b/index.html', 'b2'), fresh('d/index.html', 'd')] }, ['web'])).toBe('patched');
    expect(Object.fromEntries([...(await readTree(path.join(out, 'web')))].map(([file, bytes]) => [file, bytes.toString()]))).toEqual({ 'index.html': 'home', 'a/index.html': 'a2', 'b/index.html': 'b2', 'd/index.html': 'd' });
  });
});
