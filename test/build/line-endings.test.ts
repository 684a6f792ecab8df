import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWebzine, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** Builds `root` without the cache into a new folder, and gives every output file's bytes. */
async function buildTree(root: string): Promise<Map<string, Buffer>> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', root, '--out', out, '--no-cache']);
  expect(run.stderr).not.toContain('error');
  expect(run.code).toBe(0);
  return readTree(out);
}

/** A webzine whose theme has the built-in stylesheet and an SVG of its own, their lines ended by `eol`. */
async function zineWithThemeAssets(eol: string): Promise<string> {
  const root = await makeWebzine();
  const assets = path.join(root, 'themes/default/assets');
  await mkdir(assets, { recursive: true });
  const stylesheet = await readFile(path.join(repoRoot, 'themes/default/assets/style.css'), 'utf8');
  await writeFile(path.join(assets, 'style.css'), stylesheet.replace(/\n/g, eol));
  await writeFile(path.join(assets, 'mark.svg'), ['<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">', '<rect width="1" height="1"/>', '</svg>', ''].join(eol));
  return root;
}

describe("a theme's text assets", () => {
  it('are published under the same names with the same bytes whether checked out with CRLF or LF line endings', async () => {
    const lf = await buildTree(await zineWithThemeAssets('\n'));
    const crlf = await buildTree(await zineWithThemeAssets('\r\n'));
    expect([...crlf.keys()]).toEqual([...lf.keys()]);
    for (const [file, bytes] of lf) expect(crlf.get(file)?.equals(bytes), file).toBe(true);
    const stylesheet = [...lf.keys()].find((file) => /^web\/style\.[0-9a-f]{10}\.css$/.test(file));
    expect(lf.get(stylesheet ?? '')?.includes('\r')).toBe(false);
    expect(lf.get('web/mark.svg')?.toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">\n<rect width="1" height="1"/>\n</svg>\n');
  });

  it('are published with the stylesheet name of the built-in theme when a checkout gave its copy CRLF line endings', async () => {
    const builtIn = await buildTree(await makeWebzine());
    const crlf = await buildTree(await zineWithThemeAssets('\r\n'));
    const name = (tree: Map<string, Buffer>) => [...tree.keys()].filter((file) => file.endsWith('.css'));
    expect(name(crlf)).toEqual(name(builtIn));
    expect(crlf.get('web/index.html')?.equals(builtIn.get('web/index.html')!)).toBe(true);
  });
});
