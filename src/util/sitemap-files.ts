/**
 * The name of the `number`th part (from 1) of a sitemap too large for one file, which
 * `sitemap.xml`, then an index, names: `sitemap-1.xml`, at the web root beside it.
 */
export function sitemapPartName(number: number): string {
  return `sitemap-${number}.xml`;
}

/** Whether `path` (from the web root, any case) is a name the sitemap takes: `sitemap.xml`, or a part's (`sitemap-2.xml`). */
export function isSitemapFile(path: string): boolean {
  return /^sitemap(?:-[1-9][0-9]*)?\.xml$/i.test(path);
}
