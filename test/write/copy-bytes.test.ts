import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

// The system refuses to open one file, as it does a file of mode 000 to anyone but root (the
// tests may run as root, which reads every file).
const refused = vi.hoisted(() => ({ file: undefined as string | undefined }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const openSync = ((file: string, ...rest: unknown[]) => {
    if (refused.file !== undefined && String(file) === refused.file) throw Object.assign(new Error(`EACCES: permission denied, open '${String(file)}'`), { code: 'EACCES', syscall: 'open', path: String(file) });
    return (fs.openSync as (...args: unknown[]) => number)(file, ...rest);
  }) as typeof fs.openSync;
  return { ...fs, openSync, default: { ...fs, openSync } };
});

afterAll(removeTemporaryFolders);

describe('copying a file of content/', () => {
  it('says a file of static/ that can not be read can not be read, as it says of any other file of content/', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'));
    await writeFile(path.join(root, 'content/static/secret.txt'), 'x\n');
    refused.file = path.join(root, 'content/static/secret.txt');
    try {
      const run = await runCli(['build', '--root', root, '--out', await temporaryFolder(), '--no-cache']);
      expect(run.code).toBe(3);
      expect(run.stderr.split('\n').filter((line) => !line.startsWith('note: '))).toEqual([
        'mimeo: could not read content/static/secret.txt: permission denied (EACCES)',
        'hint: mimeo must be able to read every file and folder under content/: check their permissions (chmod) and the length of their names, or move what it can not read out of content/',
        '',
      ]);
    } finally {
      refused.file = undefined;
    }
  });
});
