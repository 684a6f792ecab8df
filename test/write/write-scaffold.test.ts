import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeScaffold } from '../../src/write/write-scaffold.js';
import { listTree, removeTemporaryFolders, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

describe('writeScaffold', () => {
  it('writes every file, making the folders they need', async () => {
    const root = await temporaryFolder();
    const files = [
      { path: 'content/issues/2/issue.md', text: 'issue' },
      { path: 'content/issues/2/10-a.md', text: 'a' },
    ];
    expect(await writeScaffold(root, files)).toEqual({ written: ['content/issues/2/issue.md', 'content/issues/2/10-a.md'] });
    expect(await readFile(path.join(root, 'content/issues/2/10-a.md'), 'utf8')).toBe('a');
  });

  it('writes nothing when some of the files exist, and names each of them', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'content/pages'), { recursive: true });
    await writeFile(path.join(root, 'content/pages/about.md'), 'mine');
    await writeFile(path.join(root, 'content/pages/help.md'), 'mine too');
    const files = [
      { path: 'content/issues/2/issue.md', text: 'issue' },
      { path: 'content/pages/about.md', text: 'theirs' },
      { path: 'content/pages/help.md', text: 'theirs' },
    ];
    expect(await writeScaffold(root, files)).toEqual({ existing: ['content/pages/about.md', 'content/pages/help.md'] });
    expect(await listTree(root)).toEqual(['content/pages/about.md', 'content/pages/help.md']);
    expect(await readFile(path.join(root, 'content/pages/about.md'), 'utf8')).toBe('mine');
  });

  it('counts a file standing where a folder of the path should be as taken', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'content/issues'), { recursive: true });
    await writeFile(path.join(root, 'content/issues/2'), 'a file');
    expect(await writeScaffold(root, [{ path: 'content/issues/2/issue.md', text: 'issue' }])).toEqual({ existing: ['content/issues/2/issue.md'] });
  });

  it('writes beside content/, in a folder that exists already, when the region is the root', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, '.github'));
    const files = [{ path: '.github/workflows/check.yml', text: 'on: pull_request' }];
    expect(await writeScaffold(root, files)).toEqual({ outside: ['.github/workflows/check.yml'] });
    expect(await writeScaffold(root, files, 'root')).toEqual({ written: ['.github/workflows/check.yml'] });
  });

  it('writes nothing through a symbolic link that leads out of the root, even when the region is the root', async () => {
    const root = await temporaryFolder();
    const elsewhere = await temporaryFolder();
    await symlink(elsewhere, path.join(root, '.github'));
    expect(await writeScaffold(root, [{ path: '.github/workflows/check.yml', text: 'x' }], 'root')).toEqual({ outside: ['.github/workflows/check.yml'] });
    expect(await listTree(elsewhere)).toEqual([]);
  });
});
