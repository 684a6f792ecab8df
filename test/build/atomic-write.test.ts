import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOutputs } from '../../src/write/write-outputs.js';
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
    await rm(path.join(root, 'content/issues/1/20-second.md'));
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: The first article\n---\nAlone now.\n');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const files = await listTree(path.join(out, 'web'));
    expect(files).not.toContain('stale.html');
    expect(files).not.toContain('issues/1/second/index.html');
    expect(files).toContain('issues/1/first/index.html');
    // The folder the removed article's page stood in goes with it.
    expect(await readdir(path.join(out, 'web/issues/1'))).not.toContain('second');
  });

  it('patches the output in place: only the files a change touches are written, and the output equals a clean build', async () => {
    const { root, out } = await builtWebzine();
    const web = path.join(out, 'web');
    // A server started inside dist/web keeps serving it: the folder is the same one, patched.
    const folder = (await stat(web)).ino;
    const before = new Map<string, { ino: number; mtimeMs: number }>();
    for (const file of await listTree(web)) before.set(file, await stat(path.join(web, file)));
    const source = path.join(root, 'content/issues/1/10-first.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('Some text', 'Some new text'));
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    const untouched = async (file: string) => {
      const now = await stat(path.join(web, file));
      return now.ino === before.get(file)?.ino && now.mtimeMs === before.get(file)?.mtimeMs;
    };
    // The edited article's page is new; a page it does not appear on is the very same file.
    expect(await untouched('issues/1/first/index.html')).toBe(false);
    expect(await untouched('issues/1/second/index.html')).toBe(true);
    expect(await untouched('about/index.html')).toBe(true);
    // So are files whose bytes are known before they are written: a copied image, robots.txt.
    expect(await untouched('issues/1/cover.svg')).toBe(true);
    expect(await untouched('robots.txt')).toBe(true);
    expect((await stat(web)).ino).toBe(folder);
    // A copied file that changed is written again.
    await writeFile(path.join(root, 'content/issues/1/cover.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect(await readFile(path.join(web, 'issues/1/cover.svg'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await untouched('robots.txt')).toBe(true);
    const clean = await temporaryFolder();
    expect((await runCli(['build', '--root', root, '--out', clean, '--no-cache'])).code).toBe(0);
    expect(await readTree(out)).toEqual(await readTree(clean));
    expect(await readdir(out)).toEqual(['web']);
  });

  it('leaves no staging folder behind, and keeps files of the output folder that are not its own', async () => {
    const { root, out } = await builtWebzine();
    await writeFile(path.join(out, 'CNAME'), 'zine.example\n');
    expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['CNAME', 'web']);
  });

  it('writes every output file with the mode the umask gives, copied ones (theme assets, images, static/) too', async () => {
    const root = await makeWebzine();
    await mkdir(path.join(root, 'content/static'));
    await writeFile(path.join(root, 'content/static/run.sh'), 'echo\n', { mode: 0o755 });
    const out = await temporaryFolder();
    const umask = process.umask(0o077);
    try {
      expect((await runCli(['build', '--root', root, '--out', out])).code).toBe(0);
    } finally {
      process.umask(umask);
    }
    const web = path.join(out, 'web');
    const modes = await Promise.all((await listTree(web)).map(async (file) => [file, ((await stat(path.join(web, file))).mode & 0o777).toString(8)]));
    const copied = ['favicon.svg', 'issues/1/cover.svg', 'run.sh', expect.stringMatching(/^style\.\w+\.css$/)];
    expect(modes.filter(([file]) => !file!.endsWith('.html') && !file!.endsWith('.xml') && file !== 'robots.txt')).toEqual(copied.map((file) => [file, '600']));
    expect(new Set(modes.map(([, mode]) => mode))).toEqual(new Set(['600']));
  });
});

describe('writeOutputs', () => {
  // Outputs kept from the previous build name the very file they replace (linkFrom): the rest is written.
  const kept = (out: string, file: string) => ({ path: file, linkFrom: path.join(out, 'web', file), source: 'content/x.md' });
  const fresh = (file: string, bytes: string) => ({ path: file, bytes, source: 'content/x.md' });

  async function writtenOnce(files: Record<string, string>) {
    const out = await temporaryFolder();
    expect(await writeOutputs(out, { web: Object.entries(files).map(([file, bytes]) => fresh(file, bytes)) }, ['web'])).toBe('swapped');
    return out;
  }

  it('patches a tree in place, removing what is no longer made, files added by hand and the folders left empty', async () => {
    const out = await writtenOnce({ 'index.html': 'home', 'a/index.html': 'a', 'b/c/index.html': 'c' });
    await mkdir(path.join(out, 'web/hand'));
    await writeFile(path.join(out, 'web/hand/made.html'), 'by hand');
    const outcome = await writeOutputs(out, { web: [kept(out, 'index.html'), fresh('a/index.html', 'a2'), fresh('d/index.html', 'd')] }, ['web']);
    expect(outcome).toBe('patched');
    expect(Object.fromEntries([...(await readTree(out))].map(([file, bytes]) => [file, bytes.toString()]))).toEqual({ 'web/index.html': 'home', 'web/a/index.html': 'a2', 'web/d/index.html': 'd' });
    expect((await readdir(path.join(out, 'web'))).sort()).toEqual(['a', 'd', 'index.html']);
  });

  it('swaps the whole tree when a file must become a folder, or a folder a file', async () => {
    const out = await writtenOnce({ 'index.html': 'home', about: 'a file', 'notes/index.html': 'a folder' });
    const outcome = await writeOutputs(out, { web: [kept(out, 'index.html'), fresh('about/index.html', 'now a folder'), fresh('notes', 'now a file')] }, ['web']);
    expect(outcome).toBe('swapped');
    expect(Object.fromEntries([...(await readTree(out))].map(([file, bytes]) => [file, bytes.toString()]))).toEqual({ 'web/index.html': 'home', 'web/about/index.html': 'now a folder', 'web/notes': 'now a file' });
    expect(await readdir(out)).toEqual(['web']);
  });

  it('leaves the previous tree untouched when a patch is not ready, and removes a tree no longer made', async () => {
    const out = await writtenOnce({ 'index.html': 'home', 'a/index.html': 'a' });
    await mkdir(path.join(out, 'gemini'));
    await writeFile(path.join(out, 'gemini/index.gmi'), '# Capsule');
    const before = await readTree(out);
    const failing = { path: 'a/index.html', make: () => undefined, source: 'content/a.md' };
    expect(await writeOutputs(out, { web: [kept(out, 'index.html'), failing] }, ['web', 'gemini'], () => false)).toBe(false);
    expect(await readTree(out)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['gemini', 'web']);
    expect(await writeOutputs(out, { web: [kept(out, 'index.html')] }, ['web', 'gemini'])).toBe('patched');
    expect(await listTree(out)).toEqual(['web/index.html']);
  });
});
