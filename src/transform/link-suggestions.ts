import path from 'node:path/posix';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { slugOfFile, translationSuffix } from '../model/classify.js';
import { renamedFile } from '../util/renamed-file.js';
import type { Index } from './link-index.js';

/** The nearest address or file to a link that leads nowhere, written as the link in `from` (a file's path) must write it. */
export function suggestPath(url: string, from: string | undefined, index: Index, image = false): string | undefined {
  // The address without its ?query and #anchor, which are kept as written: only the address was misspelt.
  const written = (url.split('#')[0] ?? url).replace(/\?.*$/, '');
  // A root-relative link (`/abuot/`) is compared with the site's addresses, as it is written.
  if (written.startsWith('/') || from === undefined) {
    const routes = [...index.generated, ...index.documentsByRoute.keys(), ...index.assetsByOutput].map((route) => `/${route}`);
    const near = didYouMean(written, routes);
    return near === undefined || near === written ? undefined : `${near}${url.slice(written.length)}`;
  }
  const folder = path.dirname(from);
  // Written as a link must write them: a file named `a%20b.svg` is linked as `a%2520b.svg`.
  const asLink = (known: string) => path.relative(folder, known).replace(/[% ()<>#?]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  // A renamed file is the likelier meaning than one a few letters away (`30-doas.md` → `30-doas-intro.md`, not `20-tip.md`).
  // A link to an original is renamed to an original, one to a translation to a translation.
  const target = path.join(folder, written);
  const renamed = image ? undefined : renamedFile(target, index.knownPaths.filter((file) => translationSuffix.test(file) === translationSuffix.test(target)));
  if (renamed !== undefined) return `${asLink(renamed)}${url.slice(written.length)}`;
  const near = didYouMean(written, index.knownPaths.map(asLink));
  // The ?query and #anchor are kept as written, as for a root-relative link: only the file was misspelt.
  if (near !== undefined) return near === written ? undefined : `${near}${url.slice(written.length)}`;
  // An image is no Markdown file; an address keeps its #anchor, which a web address often has (`../../pages/about/#history`).
  const meant = image ? undefined : fileMeant(path.join(folder, written).replace(/\/+$/, ''), index.knownPaths);
  return meant === undefined ? undefined : `${asLink(meant)}${url.slice(written.length)}`;
}

/**
 * The one Markdown file a link to `target` (a path under the root, as resolved) most likely
 * meant, when no file is spelt near it: the one an address names (`../1/headlines/` is issue 1's
 * `10-headlines.md`, `../1/` its `issue.md`), or the one file of that name or slug elsewhere (an
 * article moved to another issue, or renumbered).
 */
function fileMeant(target: string, known: readonly string[]): string | undefined {
  const markdown = known.filter((file) => file.endsWith('.md'));
  const name = path.basename(target);
  const slug = slugOfFile(target);
  const one = (files: string[]) => (files.length === 1 ? files[0] : undefined);
  return (
    one(markdown.filter((file) => file === `${target}/issue.md` || (path.dirname(file) === path.dirname(target) && slugOfFile(file) === slug))) ??
    one(markdown.filter((file) => path.basename(file) === name)) ??
    one(markdown.filter((file) => slugOfFile(file) === slug))
  );
}
