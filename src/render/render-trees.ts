import type { Report } from '../diagnostics/diagnostic.js';
import { editUrlOf } from '../model/edit-url.js';
import type { Site } from '../model/types.js';
import type { Theme } from '../theme/theme.js';
import { removeTreeConflicts } from '../write/conflicts.js';
import type { OutputFile } from '../write/output-file.js';
import type { OutputTrees } from '../write/write-outputs.js';
import { toFeedEntries, type FeedEntry } from './feeds/entries.js';
import { renderCapsuleFeed, renderWebFeeds } from './feeds/render-feeds.js';
import { renderCapsule } from './gemtext/render-capsule.js';
import { renderWeb } from './html/render-web.js';

/** The outputs a build renders, by tree name then path (`web` → `issues/3/index.html`); copied files are always listed. */
export type OutputSelection = Readonly<Record<string, ReadonlySet<string>>>;

/** Renders the outputs of every edition (only the selected ones, with a selection), to be made when written. */
export function renderTrees(editions: readonly Site[], theme: Theme, baseUrl: string, report: Report, selection?: OutputSelection): OutputTrees {
  const web: OutputFile[] = [];
  const capsule: OutputFile[] = [];
  for (const site of editions) {
    // A selection (from `mimeo dev`) names outputs by their path in the tree, an edition's prefix included.
    const only = (tree: string) => (selection ? { only: selection[tree] ?? new Set<string>() } : {});
    const wants = (tree: string, ...files: string[]) => !selection || files.some((file) => selection[tree]?.has(site.prefix + file));
    // Feed entries hold whole issues, the costliest part of a render: made only when a feed is.
    let made: FeedEntry[] | undefined;
    const entries = () => (made ??= toFeedEntries(site, { baseUrl, strings: theme.strings(site.language) }));
    const editUrl = (source: string) => editUrlOf(site.config, source);
    web.push(...renderWeb(site, editions, theme, { baseUrl, editUrl, ...only('web') }, report));
    if (wants('web', 'atom.xml', 'rss.xml')) web.push(...renderWebFeeds(site, entries, baseUrl, theme));
    const { geminiUrl } = site.config;
    if (!geminiUrl) continue;
    capsule.push(...renderCapsule(site, editions, theme, { baseUrl, geminiUrl, editUrl, ...only('gemini') }, report));
    if (wants('gemini', 'atom.xml')) capsule.push(renderCapsuleFeed(site, entries, geminiUrl, theme));
  }
  const trees: OutputTrees = removeTreeConflicts(editions[0]?.config.geminiUrl ? { web, gemini: capsule } : { web }, report);
  return trees;
}
