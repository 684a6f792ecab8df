import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { startHeldDev } from '../support/held-dev.js';
import { makeWebzine, removeTemporaryFolders, repoRoot } from '../support/webzine.js';

afterAll(removeTemporaryFolders);

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

/** Takes the fallback refresh out of the pages `page` is served, so that only the live-reload script can reload them. */
async function withoutRefresh(page: Page): Promise<void> {
  // The event stream is left alone: a routed response is read whole, and a stream never ends.
  await page.route((url) => !url.pathname.startsWith('/_mimeo/'), async (route) => {
    const response = await route.fetch();
    const html = (response.headers()['content-type'] ?? '').startsWith('text/html');
    await route.fulfill(html ? { response, body: (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '') } : { response });
  });
}

/** Runs `body` with a browser, then closes it and stops `mimeo dev`, whatever happened. */
async function withBrowser(child: ChildProcessByStdio<null, Readable, Readable>, body: (browser: Browser) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    await body(browser);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
}

describe('mimeo dev in a real browser', () => {
  it('shows a saved edit without a manual reload, swaps a changed stylesheet in place, and shows an overlay naming the broken file until it is fixed', { timeout: 60_000 }, async () => {
    const root = await makeWebzine();
    const article = path.join(root, 'content/issues/1/10-first.md');
    const { child, url, output } = await startMimeoDev(root);
    await withBrowser(child, async (browser) => {
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
    });
  });

  it('keeps every tab live however many are open (a browser opens six connections to a server), reloading only those whose page changed, and a missing page once it is written', { timeout: 90_000 }, async () => {
    const root = await makeWebzine();
    const { child, url } = await startMimeoDev(root);
    await withBrowser(child, async (browser) => {
      const context = await browser.newContext();
      const paths = ['', 'issues/1/', 'issues/1/first/', 'issues/1/second/', 'authors/', 'about/', 'issues/1/first/', 'about/'];
      const tabs = [];
      for (const at of paths) {
        const tab = await context.newPage();
        await tab.goto(`${url}${at}`, { timeout: 15_000 });
        await tab.evaluate(() => Object.assign(window, { notReloaded: true }));
        tabs.push(tab);
      }
      await appendFile(path.join(root, 'content/pages/about.md'), '\nA line for every open tab.\n');
      for (const [index, at] of paths.entries()) {
        if (at === 'about/') await tabs[index]!.getByText('A line for every open tab.').waitFor({ timeout: 20_000 });
      }
      // A second save: the tabs still listen, whichever of them holds the stream now.
      await appendFile(path.join(root, 'content/issues/1/20-second.md'), '\nAnother line, later.\n');
      // Both tabs that show the article reload; each is read once it has, not while it does.
      for (const index of [1, 3]) await tabs[index]!.getByText('Another line, later.').waitFor({ timeout: 20_000 });
      const untouched = await Promise.all(tabs.map((tab) => tab.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true)));
      // The issue page shows its articles whole: it changed with the second one.
      expect(untouched).toEqual(paths.map((at) => !['about/', 'issues/1/', 'issues/1/second/'].includes(at)));

      // A page not written yet, its address typed without the final slash, appears once it is.
      const waiting = await context.newPage();
      await waiting.goto(`${url}issues/1/new`);
      await writeFile(path.join(root, 'content/issues/1/30-new.md'), '---\ntitle: Brand new\nauthors: [ada]\n---\nJust written.\n');
      await waiting.getByText('Just written.').waitFor({ timeout: 20_000 });
    });
  });

  it('says the preview has no page yet when the first build fails', { timeout: 60_000 }, async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: [unclosed\n---\nBroken.\n');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/mimeo.js'), 'dev', '--root', root, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const url = await new Promise<string>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (found && /build failed/.test(output)) resolve(found[1]!);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
    });
    await withBrowser(child, async (browser) => {
      const page = await browser.newPage();
      await page.goto(url);
      const overlay = page.locator('#mimeo-dev-overlay');
      await overlay.waitFor({ timeout: 20_000 });
      expect(await overlay.textContent()).toContain('there is no page to show until it succeeds');
      expect(await overlay.textContent()).toContain('content/issues/1/10-first.md:2:');
    });
  });

  it('shows a page that waits during the first build, then what was asked for once it is built: the article, or the 404 page', { timeout: 60_000 }, async () => {
    const held = await startHeldDev(await makeWebzine());
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await withoutRefresh(page);
      const response = await page.goto(`${held.url}issues/1/first/`);
      expect([response?.status(), await page.locator('h1').textContent()]).toEqual([503, 'The preview is being built']);
      // An address the build does not make: its page waits too, then says so.
      const mistyped = await context.newPage();
      await withoutRefresh(mistyped);
      await mistyped.goto(`${held.url}issues/1/frist/`);
      held.release();
      await page.locator('h1', { hasText: 'The first article' }).waitFor({ timeout: 20_000 });
      expect(new URL(page.url()).pathname).toBe('/issues/1/first/');
      await mistyped.getByText('This page is not in any issue we know of').waitFor({ timeout: 20_000 });
    } finally {
      await browser.close();
      held.release();
      await (await held.started).close();
    }
  });

  it('turns a page that waits for the first build into the errors when that build fails', { timeout: 60_000 }, async () => {
    const root = await makeWebzine();
    await writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: [unclosed\n---\nBroken.\n');
    const held = await startHeldDev(root);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await withoutRefresh(page);
      await page.goto(`${held.url}issues/1/first/`);
      expect(await page.locator('h1').textContent()).toBe('The preview is being built');
      held.release();
      const overlay = page.locator('#mimeo-dev-overlay');
      await overlay.waitFor({ timeout: 20_000 });
      expect(await overlay.textContent()).toContain('content/issues/1/10-first.md:2:');
      expect(await page.getByText('The preview is being built').count()).toBe(0);
    } finally {
      await browser.close();
      held.release();
      await (await held.started).close();
    }
  });
});
