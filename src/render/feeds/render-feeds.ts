import type { Site } from '../../model/types.js';
import type { Theme } from '../../theme/theme.js';
import type { OutputFile } from '../../write/output-file.js';
import { absoluteUrl } from '../html/url.js';
import { renderAtom, type FeedOptions } from './atom.js';
import type { FeedEntry } from './entries.js';
import { renderRss } from './rss.js';

/**
 * `atom.xml` and `rss.xml` of the website, with the whole issue as content. `entries` is called
 * only when a feed is made: one the theme keeps from the previous build needs none.
 */
export function renderWebFeeds(site: Site, entries: () => readonly FeedEntry[], baseUrl: string, theme: Theme): OutputFile[] {
  const options = (file: string): FeedOptions => ({
    title: site.config.title,
    description: site.config.description ?? '',
    language: site.language,
    siteUrl: absoluteUrl(baseUrl, site.prefix),
    selfUrl: absoluteUrl(baseUrl, site.prefix + file),
    entryUrl: (entry) => absoluteUrl(baseUrl, entry.route),
  });
  const place = (file: string) => ({ tree: 'web', path: site.prefix + file, source: 'content/site.yml' });
  return [theme.dataFile(() => renderAtom(entries(), options('atom.xml')), place('atom.xml')), theme.dataFile(() => renderRss(entries(), options('rss.xml')), place('rss.xml'))];
}

/** The capsule's `atom.xml`: the same entries with gemini:// links, for Gemini feed readers. */
export function renderCapsuleFeed(site: Site, entries: () => readonly FeedEntry[], geminiUrl: string, theme: Theme): OutputFile {
  const make = () => renderAtom(entries(), {
    title: site.config.title,
    description: site.config.description ?? '',
    language: site.language,
    siteUrl: new URL(site.prefix, geminiUrl).href,
    selfUrl: new URL(`${site.prefix}atom.xml`, geminiUrl).href,
    entryUrl: (entry) => new URL(entry.route, geminiUrl).href,
    content: false,
  });
  return theme.dataFile(make, { tree: 'gemini', path: `${site.prefix}atom.xml`, source: 'content/site.yml' });
}
