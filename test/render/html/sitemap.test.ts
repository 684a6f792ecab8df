import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../../src/build.js';
import { createCollector } from '../../../src/diagnostics/diagnostic.js';
import type { Site } from '../../../src/model/types.js';
import { maxSitemapBytes, maxSitemapUrls, renderSitemaps } from '../../../src/render/html/sitemap.js';
import { removeTreeConflicts } from '../../../src/write/conflicts.js';
import type { OutputFile } from '../../../src/write/output-file.js';
import { twoLanguages } from '../../support/languages.js';
import { makeWebzine, removeTemporaryFolders, temporaryFolder } from '../../support/webzine.js';
import { readSitemap, readSitemapIndex, xmlErrors, type SitemapUrl } from '../../support/xml.js';

afterAll(removeTemporaryFolders);

const baseUrl = 'https://zine.example/';
const text = (file: OutputFile) => String(file.bytes);

// The webzine in English and French: 15 addresses, 4 of them with their 2 alternates, dated 2026-03-01 but the authors, about and tag pages.
let editions: Site[];
beforeAll(async () => {
  const root = await makeWebzine(twoLanguages);
  const result = await build({ root, out: await temporaryFolder(), write: false });
  editions = result.editions!;
});

/** The entries of the parts named by the index among `files`, in the index's order. */
function entriesOfParts(files: readonly OutputFile[]): SitemapUrl[] {
  const byUrl = new Map(files.map((file) => [baseUrl + file.path, file]));
  return readSitemapIndex(text(files[0]!)).flatMap((entry) => readSitemap(text(byUrl.get(entry.split(' ')[0]!)!)));
}

describe('the sitemap', () => {
  it('is one sitemap.xml while its entries fit the protocol\'s limits of 50 000 addresses and 50 MiB', () => {
    expect([maxSitemapUrls, maxSitemapBytes]).toEqual([50_000, 52_428_800]);
    const files = renderSitemaps(editions, baseUrl);
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml']);
    expect(readSitemap(text(files[0]!)).map((url) => url.loc)).toEqual([
      'https://zine.example/',
      'https://zine.example/about/',
      'https://zine.example/authors/',
      'https://zine.example/issues/1/',
      'https://zine.example/issues/1/first/',
      'https://zine.example/issues/1/second/',
      'https://zine.example/tags/',
      'https://zine.example/tags/news/',
      'https://zine.example/fr/',
      'https://zine.example/fr/about/',
      'https://zine.example/fr/authors/',
      'https://zine.example/fr/issues/1/',
      'https://zine.example/fr/issues/1/first/',
      'https://zine.example/fr/tags/',
      'https://zine.example/fr/tags/news/',
    ]);
  });

  it('becomes an index of parts, filled in order, when its addresses are more than a file may list', () => {
    const whole = readSitemap(text(renderSitemaps(editions, baseUrl)[0]!));
    const files = renderSitemaps(editions, baseUrl, { urls: 3, bytes: maxSitemapBytes });
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml', 'sitemap-4.xml', 'sitemap-5.xml']);
    for (const file of files) expect(xmlErrors(text(file)), file.path).toEqual([]);
    expect(files.slice(1).map((file) => readSitemap(text(file)).length)).toEqual([3, 3, 3, 3, 3]);
    // Every entry is in a part, in the same order, with its date and its alternates beside it.
    expect(entriesOfParts(files)).toEqual(whole);
  });

  it("dates each part in the index by its newest entry's lastmod, and a part without dates not at all", () => {
    const files = renderSitemaps(editions, baseUrl, { urls: 3, bytes: maxSitemapBytes });
    expect(readSitemapIndex(text(files[0]!))).toEqual([
      'https://zine.example/sitemap-1.xml 2026-03-01',
      'https://zine.example/sitemap-2.xml 2026-03-01',
      'https://zine.example/sitemap-3.xml 2026-03-01',
      'https://zine.example/sitemap-4.xml 2026-03-01',
      'https://zine.example/sitemap-5.xml 2026-03-01',
    ]);
    // Two parts of one entry each: the about page and the authors page, which have no date.
    const undated = renderSitemaps(editions, baseUrl, { urls: 1, bytes: maxSitemapBytes });
    expect(readSitemapIndex(text(undated[0]!)).slice(0, 3)).toEqual(['https://zine.example/sitemap-1.xml 2026-03-01', 'https://zine.example/sitemap-2.xml', 'https://zine.example/sitemap-3.xml']);
  });

  it('splits when a file would be larger than the byte limit, never inside an entry', () => {
    const single = text(renderSitemaps(editions, baseUrl)[0]!);
    const limit = Buffer.byteLength(single) - 1;
    const files = renderSitemaps(editions, baseUrl, { urls: maxSitemapUrls, bytes: limit });
    expect(files.map((file) => file.path)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    for (const file of files.slice(1)) expect(Buffer.byteLength(text(file))).toBeLessThanOrEqual(limit);
    expect(entriesOfParts(files)).toEqual(readSitemap(single));
  });

  it('makes the same bytes from the same editions', () => {
    const limits = { urls: 4, bytes: maxSitemapBytes };
    expect(renderSitemaps(editions, baseUrl, limits).map(text)).toEqual(renderSitemaps(editions, baseUrl, limits).map(text));
  });

  it('keeps a part when a copied file has its name, and reports the file as a path/conflict', () => {
    const parts = renderSitemaps(editions, baseUrl, { urls: 3, bytes: maxSitemapBytes });
    const copied: OutputFile = { path: 'sitemap-2.xml', copyFrom: '/nowhere/sitemap-2.xml', source: 'content/static/sitemap-2.xml' };
    const { report, diagnostics } = createCollector();
    const kept = removeTreeConflicts({ web: [...parts, copied] }, report);
    expect(kept['web']).toEqual(parts);
    expect(diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.ruleId, diagnostic.message])).toEqual([
      ['content/static/sitemap-2.xml', 'path/conflict', 'this file would be written to web/sitemap-2.xml, where mimeo writes a file of its own (from content/site.yml)'],
    ]);
  });
});
