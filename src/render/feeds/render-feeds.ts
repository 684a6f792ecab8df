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
    title: editionTitle(site, theme),
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
    title: editionTitle(site, theme),
    description: site.config.description ?? '',
    language: site.language,
    siteUrl: new URL(site.prefix, geminiUrl).href,
    selfUrl: new URL(`${site.prefix}atom.xml`, geminiUrl).href,
    entryUrl: (entry) => new URL(entry.route, geminiUrl).href,
    content: false,
  });
  return theme.dataFile(make, { tree: 'gemini', path: `${site.prefix}atom.xml`, source: 'content/site.yml' });
}

/**
 * The title of an edition's feeds and of the links to them: the webzine's title, followed in a
 * translated edition by its language (`Pilot Light — Français`), so a reader subscribed to two
 * editions tells them apart.
 */
export function editionTitle(site: Site, theme: Theme): string {
  if (site.prefix === '') return site.config.title;
  return `${site.config.title} — ${theme.strings(site.language)['language_name'] ?? site.language}`;
}
