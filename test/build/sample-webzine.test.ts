import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHtml } from '../support/vnu.js';
import { listTree, readTree, removeTemporaryFolders, repoRoot, runCli, temporaryFolder } from '../support/webzine.js';

// The sample webzine in content/ is the README's demo and the main integration fixture.
let out: string;
let files: string[];

beforeAll(async () => {
  out = await temporaryFolder();
  const run = await runCli(['build', '--root', repoRoot, '--out', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  files = await listTree(path.join(out, 'web'));
});
afterAll(removeTemporaryFolders);

describe('the sample webzine', () => {
  it('has a home page, three published issues with their articles, pages, authors and the site files', () => {
    for (const file of ['index.html', '404.html', 'robots.txt', 'sitemap.xml', 'authors/index.html', 'about/index.html', 'contribute/index.html', 'favicon.svg']) {
      expect(files).toContain(file);
    }
    const issuePages = files.filter((file) => /^issues\/\d+\/index\.html$/.test(file));
    expect(issuePages).toEqual(['issues/1/index.html', 'issues/2/index.html', 'issues/3/index.html']);
    for (const issue of [1, 2, 3]) {
      const articles = files.filter((file) => new RegExp(`^issues/${issue}/[a-z0-9-]+/index\\.html$`).test(file));
      expect(articles.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('leaves the draft issue out of the build', () => {
    expect(files.some((file) => file.startsWith('issues/4/'))).toBe(false);
  });

  it('copies each issue\'s images beside its pages', () => {
    expect(files).toContain('issues/1/cover.svg');
    expect(files).toContain('issues/2/cover.svg');
  });

  it('writes one stylesheet, with a content hash in its name', () => {
    expect(files.filter((file) => file.endsWith('.css'))).toEqual([expect.stringMatching(/^style\.[0-9a-f]{10}\.css$/)]);
  });

  it('puts no script in any page', async () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      expect(await readFile(path.join(out, 'web', file), 'utf8'), file).not.toMatch(/<script/i);
    }
  });

  it('is valid HTML with valid CSS, as the Nu Html Checker sees it', async () => {
    expect(await checkHtml([path.join(out, 'web')], { css: true })).toEqual([]);
  });

  it('builds byte for byte the same twice', async () => {
    const again = await temporaryFolder();
    expect((await runCli(['build', '--root', repoRoot, '--out', again])).code).toBe(0);
    expect(await readTree(again)).toEqual(await readTree(out));
  });

  it('builds the draft issue, marked as a draft, with --drafts', async () => {
    const drafts = await temporaryFolder();
    expect((await runCli(['build', '--root', repoRoot, '--out', drafts, '--drafts'])).code).toBe(0);
    const issue = await readFile(path.join(drafts, 'web/issues/4/index.html'), 'utf8');
    expect(issue).toMatch(/class="[^"]*\bdraft\b/);
    // A preview or staging site keeps its drafts away from search engines; the published pages stay indexable.
    expect(issue).toContain('<meta name="robots" content="noindex">');
    expect(await readFile(path.join(drafts, 'web/issues/3/index.html'), 'utf8')).not.toContain('noindex');
    const sitemap = await readFile(path.join(drafts, 'web/sitemap.xml'), 'utf8');
    expect([sitemap.includes('/issues/3/'), sitemap.includes('/issues/4/')]).toEqual([true, false]);
  });
});
