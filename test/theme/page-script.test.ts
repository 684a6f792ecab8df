import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptIn } from '../../src/theme/page-script.js';
import { listTree, makeWebzine, removeTemporaryFolders, repoRoot, temporaryFolder } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

// Built in another process: the check's HTML parser is never loaded in this one, so checking a
// page that needed it would throw.
async function pagesOf(root: string): Promise<Map<string, string>> {
  const out = await temporaryFolder();
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'build', '--root', root, '--out', out, '--no-cache'], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const files = (await listTree(path.join(out, 'web'))).filter((file) => file.endsWith('.html'));
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(out, 'web', file), 'utf8')] as const)));
}

describe('the script check of a web page', () => {
  it('clears every page of the sample webzine, its articles among them, without parsing it', async () => {
    const pages = await pagesOf(repoRoot);
    expect(pages.has('issues/1/serial-console/index.html')).toBe(true);
    for (const [file, html] of pages) expect(scriptIn(html), file).toBeUndefined();
  });

  it('clears prose that speaks of a script: or of data:, and anchors that hold script:, without parsing the page (the bench\'s articles do)', async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/30-prose.md'), '---\ntitle: "A short script: notes"\nsummary: "Raw data: counts, and x = 1 before a script: y"\n---\nA short script: it reads the data: all of it. Set `x = "javascript:"` in a [link](https://example.org/a?b=c) first.\n');
    // An article whose slug ends in "script": its headings' ids in the issue page begin `…-script:`.
    await writeFile(path.join(root, 'content/issues/1/40-mends-the-script.md'), '---\ntitle: Mends the script\n---\n## The tiny modem\n\nText.\n');
    const pages = await pagesOf(root);
    expect(pages.get('issues/1/prose/index.html')).toContain('A short script: it reads the data: all of it.');
    expect(pages.get('issues/1/index.html')).toContain('href="#mends-the-script:the-tiny-modem"');
    for (const [file, html] of pages) expect(scriptIn(html), file).toBeUndefined();
  });

  it('clears a typical article page without parsing it', async () => {
    const pages = await pagesOf(await makeWebzine());
    const article = pages.get('issues/1/first/index.html');
    expect(article).toContain('<article');
    expect(scriptIn(article!)).toBeUndefined();
  });
});
