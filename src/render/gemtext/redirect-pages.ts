import type { Site, SiteDocument } from '../../model/types.js';
import type { OutputFile } from '../../write/output-file.js';
import { documentsWithAliases } from '../html/redirect-pages.js';
import { relativePath } from '../html/url.js';
import { toAliasOutputs } from '../../model/alias-outputs.js';
import { capsuleRoute } from './capsule-urls.js';
import { joinLines, serializeLines, toTextLine } from './lines.js';

/**
 * Where the page of each alias of an edition's document goes in the capsule: as the document's
 * own page would have been there (`issues/1/doas.gmi`, an issue's `issues/01/index.gmi`), or the
 * file an alias names with `.gmi` for its extension (`legacy/post.html` → `legacy/post.gmi`).
 */
export function capsuleRedirectOutputs(site: Site, document: SiteDocument): string[] {
  return (document.aliases ?? []).map((alias) => toAliasOutputs(site.prefix, alias, document.kind).gemini);
}

/**
 * The capsule pages at each alias of an edition's documents: a static capsule can not answer
 * with a redirect (status 31), so each is a line saying the text moved and a link to it.
 */
export function renderCapsuleRedirects(site: Site, strings: Record<string, string>, wanted: (path: string) => boolean): OutputFile[] {
  const outputs: OutputFile[] = [];
  for (const document of documentsWithAliases(site)) {
    for (const output of capsuleRedirectOutputs(site, document)) {
      if (!wanted(output)) continue;
      const url = relativePath(output.slice(0, output.lastIndexOf('/') + 1), capsuleRoute(document));
      const lines = serializeLines([
        { type: 'text', text: toTextLine(strings['moved'] ?? 'This page has moved to a new address:') },
        { type: 'link', url, label: joinLines(document.title) },
      ]);
      outputs.push({ path: output, bytes: lines, source: document.key });
    }
  }
  return outputs;
}
