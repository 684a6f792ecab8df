import type { Site } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { absoluteUrl } from '../html/url.js';
import { renderAtom, type FeedOptions } from './atom.js';
import type { FeedEntry } from './entries.js';
import { renderRss } from './rss.js';

/** `atom.xml` and `rss.xml` of the website, with the whole issue as content. */
export function renderWebFeeds(site: Site, entries: readonly FeedEntry[], baseUrl: string): OutputFile[] {
  const options = (file: string): FeedOptions => ({
    title: site.config.title,
    description: site.config.description ?? '',
    language: site.language,
    siteUrl: absoluteUrl(baseUrl, site.prefix),
    selfUrl: absoluteUrl(baseUrl, site.prefix + file),
    entryUrl: (entry) => absoluteUrl(baseUrl, entry.route),
  });
  return [
    { path: `${site.prefix}atom.xml`, bytes: renderAtom(entries, options('atom.xml')), source: 'content/site.yml' },
    { path: `${site.prefix}rss.xml`, bytes: renderRss(entries, options('rss.xml')), source: 'content/site.yml' },
  ];
}

/** The capsule's `atom.xml`: the same entries with gemini:// links, for Gemini feed readers. */
export function renderCapsuleFeed(site: Site, entries: readonly FeedEntry[], geminiUrl: string): OutputFile {
  const bytes = renderAtom(entries, {
    title: site.config.title,
    description: site.config.description ?? '',
    language: site.language,
    siteUrl: new URL(site.prefix, geminiUrl).href,
    selfUrl: new URL(`${site.prefix}atom.xml`, geminiUrl).href,
    entryUrl: (entry) => new URL(entry.route, geminiUrl).href,
    content: false,
  });
  return { path: `${site.prefix}atom.xml`, bytes, source: 'content/site.yml' };
}
