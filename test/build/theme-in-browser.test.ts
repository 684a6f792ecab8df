import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.js';
import { fixtures, makeWebzine, removeTemporaryFolders, runCli, temporaryFolder } from '../support/webzine.js';

// The default theme as a reader's browser lays it out: one Chromium for the whole file, pages
// opened from the built folder as files.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await removeTemporaryFolders();
});

/** Builds a fixture webzine and gives its web folder. */
async function buildWeb(caseFolder: string): Promise<string> {
  const out = await temporaryFolder();
  const run = await runCli(['build', '--root', await makeWebzine(path.join(fixtures, caseFolder)), '--out', out]);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return path.join(out, 'web');
}

/** A new tab of `width` CSS pixels showing `file` of the web folder. */
async function open(web: string, file: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 740 } });
  await page.goto(pathToFileURL(path.join(web, file)).href);
  return page;
}

/** How wide each page's content is, in CSS pixels, in a window `width` wide. */
async function pageWidths(web: string, files: string[], width: number): Promise<Record<string, number>> {
  const widths: Record<string, number> = {};
  for (const file of files) {
    const page = await open(web, file, width);
    widths[file] = await page.evaluate(() => document.documentElement.scrollWidth);
    await page.close();
  }
  return widths;
}

describe('the default theme on a phone 360 pixels wide', () => {
  it('never scrolls sideways, whatever long word or URL an editorial, a title in the contents or the pager, or a link holds', async () => {
    const web = await buildWeb('theme/long-words');
    const files = ['index.html', 'issues/1/index.html', 'issues/1/second/index.html', 'issues/1/long/index.html'];
    expect(await pageWidths(web, files, 360)).toEqual(Object.fromEntries(files.map((file) => [file, 360])));
  });
});
