import { execFile } from 'node:child_process';
import { appendFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWebzine, removeTemporaryFolders, repoRoot, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

const run = promisify(execFile);

/** Runs the built mimeo's `build` in a shell that set `umask` first, as a maintainer's would. */
async function buildUnder(umask: string, args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  const quoted = args.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ');
  return run('sh', ['-c', `umask ${umask} && exec '${process.execPath}' '${path.join(repoRoot, 'bin/mimeo.js')}' build ${quoted}`]);
}

/** Each mode found in the output folder (itself included), with how many files and folders have it: `{ 'file 644': 16, 'folder 755': 9 }`. */
async function modes(out: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = async (file: string) => {
    const stats = await stat(file);
    const key = `${stats.isDirectory() ? 'folder' : 'file'} ${(stats.mode & 0o7777).toString(8)}`;
    counts[key] = (counts[key] ?? 0) + 1;
  };
  await count(out);
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) await count(path.join(entry.parentPath, entry.name));
  return counts;
}

/** A webzine with a capsule, its output folder, and the arguments that build it with a cache. */
async function zine(): Promise<{ root: string; out: string; args: string[] }> {
  const root = await makeWebzine();
  await appendFile(path.join(root, 'content/site.yml'), 'geminiUrl: gemini://zine.example/\n');
  const out = path.join(await temporaryFolder(), 'dist');
  return { root, out, args: ['--root', root, '--out', out, '--cache-dir', path.join(await temporaryFolder(), 'cache')] };
}

/** The modes every output has when built under umask 022 alone. */
async function modesUnder022(): Promise<Record<string, number>> {
  const { out, args } = await zine();
  await buildUnder('022', args);
  return modes(out);
}

describe('the modes of the output', () => {
  it('are those of the umask of the build that changed an article, whatever the umask of the build before', async () => {
    const { root, out, args } = await zine();
    await buildUnder('077', args);
    expect(Object.keys(await modes(out)).sort()).toEqual(['file 600', 'folder 700']);
    await appendFile(path.join(root, 'content/issues/1/10-first.md'), '\nOne more line.\n');
    await buildUnder('022', args);
    const expected = await modesUnder022();
    expect(Object.keys(expected).sort()).toEqual(['file 644', 'folder 755']);
    expect(await modes(out)).toEqual(expected);
  });

  it('are put right by a build under another umask when nothing else changed', async () => {
    const { out, args } = await zine();
    await buildUnder('077', args);
    const again = await buildUnder('022', args);
    expect(again.stdout).toMatch(/^built \d+ pages/);
    expect(await modes(out)).toEqual(await modesUnder022());
  });

  it('open the output folder a build made under umask 077 to a build without the cache under 022', async () => {
    const { out, root } = await zine();
    await buildUnder('077', ['--root', root, '--out', out, '--no-cache']);
    await buildUnder('022', ['--root', root, '--out', out, '--no-cache']);
    expect(await modes(out)).toEqual(await modesUnder022());
  });
});

describe('a build under a umask that keeps others from reading', () => {
  it('says in one note that the files it published are readable only by their owner, and why', async () => {
    const { args } = await zine();
    const { stderr } = await buildUnder('077', args);
    expect(stderr.split('\n').filter((line) => line.includes('umask'))).toEqual([
      'note: the files this build published are readable only by their owner, because the umask is 077: a web server that runs as another user can not read them; run `umask 022` and build again to make them readable by all',
    ]);
  });

  it('says nothing of modes under umask 022', async () => {
    const { args } = await zine();
    const { stderr } = await buildUnder('022', args);
    expect(stderr).not.toContain('umask');
  });
});
