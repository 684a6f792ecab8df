import type { Site, SiteDocument } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { toAliasOutputs } from '../../model/alias-outputs.js';
import { escapeHtml } from '../escape-html.js';
import { textDirection } from './text-direction.js';
import { linkTo } from './url.js';

/**
 * The documents an edition publishes that have aliases: its issues, their articles and its pages
 * (drafts only when the build shows them).
 */
export function documentsWithAliases(site: Site): SiteDocument[] {
  return [...site.issues.flatMap((issue) => [issue, ...issue.articles]), ...site.pages].filter((document) => (document.aliases ?? []).length > 0);
}

/** Where the page of each alias of an edition goes on the web: `issues/1/doas/index.html`, or the file an alias names (`legacy/post.html`). */
export function redirectOutputs(site: Site, document: SiteDocument): string[] {
  return (document.aliases ?? []).map((alias) => toAliasOutputs(site.prefix, alias, document.kind).web);
}

/**
 * The pages that send readers from each alias (an earlier address) of an edition's documents to
 * their address: made by mimeo, not from a contributor's HTML, they refresh at once, name as
 * canonical the address `canonical` gives for that route (the original's, for a fallback page),
 * keep search engines from listing the old one, and show a link for readers whose browser does
 * not refresh. `strings` are the edition's UI strings, and `english` those of them it takes from
 * English, lacking its own.
 */
export function renderRedirects(site: Site, strings: Record<string, string>, english: ReadonlySet<string>, canonical: (route: string) => string, wanted: (path: string) => boolean): OutputFile[] {
  const outputs: OutputFile[] = [];
  for (const document of documentsWithAliases(site)) {
    for (const output of redirectOutputs(site, document)) {
      if (!wanted(output)) continue;
      const from = output.slice(0, output.lastIndexOf('/') + 1);
      outputs.push({ path: output, bytes: redirectPage(site, document, movedText(strings, english), linkTo({ from }, document.route), canonical(document.route)), source: document.key });
    }
  }
  return outputs;
}

/** The sentence before the link, and its language when it is not the edition's: English, from the theme's en.yml or mimeo's own. */
function movedText(strings: Record<string, string>, english: ReadonlySet<string>): { text: string; lang: string } {
  const text = strings['moved'];
  return text === undefined ? { text: 'This page has moved to a new address:', lang: 'en' } : { text, lang: english.has('moved') ? 'en' : '' };
}

function redirectPage(site: Site, document: SiteDocument, moved: { text: string; lang: string }, url: string, canonical: string): string {
  const title = escapeHtml(document.title);
  // The title is in the document's language, which is the original's while it is not translated.
  const lang = langAttributes(document.lang === site.language ? '' : document.lang);
  return [
    '<!DOCTYPE html>',
    `<html${langAttributes(site.language)}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<title${lang}>${title}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(url)}">`,
    '</head>',
    '<body>',
    `<p${langAttributes(moved.lang === site.language ? '' : moved.lang)}>${escapeHtml(moved.text)}</p>`,
    `<p><a href="${escapeHtml(url)}"${lang}>${title}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** `lang` with its `dir` (themes/default/README.md: wherever lang is written, dir too), or nothing for `''`. */
function langAttributes(language: string): string {
  return language === '' ? '' : ` lang="${escapeHtml(language)}" dir="${textDirection(language)}"`;
}
