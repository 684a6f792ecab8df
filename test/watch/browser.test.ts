import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWebzine, removeTemporaryFolders, repoRoot } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

/** Debian's chromium, which .ci/run installs; playwright-core drives it without a browser download. */
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};

/** Starts `mimeo dev` as a contributor does, and gives its output so far and its URL once the first build is done. */
async function startMimeoDev(root: string): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string; output: () => string }> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (found && /^built /m.test(output)) resolve(found[1]!);
    });
    child.on('exit', (code) => reject(new Error(`mimeo dev exited with ${String(code)}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

describe('mimeo dev in a real browser', () => {
  it('shows a saved edit without a manual reload, swaps a changed stylesheet in place, and shows an overlay naming the broken file until it is fixed', { timeout: 60_000 }, async () => {
    const root = await makeWebzine();
    const article = path.join(root, 'content/issues/1/10-first.md');
    const { child, url, output } = await startMimeoDev(root);
    const browser = await chromium.launch(launchOptions);
    try {
      const page = await browser.newPage();
      await page.goto(`${url}issues/1/first/`);
      expect(await page.locator('h1').textContent()).toBe('The first article');

      const edited = `${await readFile(article, 'utf8')}\nA sentence saved a moment ago.\n`;
      await writeFile(article, edited);
      await page.getByText('A sentence saved a moment ago.').waitFor({ timeout: 20_000 });

      // A stylesheet of the webzine's own theme: the page takes it without reloading.
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      await mkdir(path.join(root, 'themes/default/assets'), { recursive: true });
      await writeFile(path.join(root, 'themes/default/assets/style.css'), 'body { background: rgb(1, 2, 3); }\n');
      await page.waitForFunction(() => getComputedStyle(document.body).backgroundColor === 'rgb(1, 2, 3)', undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

      await writeFile(article, '---\ntitle: [unclosed\n---\nBroken.\n');
      const overlay = page.locator('#mimeo-dev-overlay');
      await overlay.waitFor({ timeout: 20_000 });
      expect(await overlay.textContent()).toContain('content/issues/1/10-first.md:2:');
      expect(await page.getByText('A sentence saved a moment ago.').count()).toBe(1);

      await writeFile(article, edited);
      await overlay.waitFor({ state: 'detached', timeout: 20_000 });
      expect(output()).toMatch(/^fixed: /m);
    } finally {
      await browser.close();
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });
});
