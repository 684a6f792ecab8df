import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { toAliasOutputs } from './alias-outputs.js';
import { isUnlistedHostFile } from './assets.js';
import type { Site, SiteDocument } from './types.js';
import { foldedPath } from '../util/folded-path.js';
import { aliasBytes, aliasCount, aliasNameMistake, aliasPartBytes, toWrittenAlias } from '../util/alias-name.js';
import { compareText } from '../util/compare-text.js';
import { isSitemapFile } from '../util/sitemap-files.js';
import { tagsOf, tagsRoute } from './tags.js';

/**
 * Who writes an output: a document (its path), a page mimeo makes itself (what it is), a copied
 * file (its path), or a file of the theme (as messages name it, and whether it is the webzine's own).
 */
type Taker = { file: string } | { generated: string } | { copied: string } | { theme: string; own: boolean };

/** A file the theme writes at the web root: its output path (`favicon.svg`), how messages name it, and whether it is the webzine's own theme's (a file of themes/). */
export interface ThemeOutput {
  output: string;
  name: string;
  own: boolean;
}

/** An output another source writes, as `web/…` or `gemini/…`, and whose it is. */
interface Occupant<Owner> {
  output: string;
  owner: Owner;
}

/** How an alias's output meets another: the same file, a file below the other (a file, not a folder), or a folder holding the other. */
type Relation = 'same' | 'below' | 'holds';

/** Outputs by their key, and the first output inside each of their folders. */
interface Occupied<Owner> {
  files: Map<string, Occupant<Owner>>;
  folders: Map<string, Occupant<Owner>>;
}

/**
 * Checks the aliases of every document (front matter `aliases`, README: Moving an article) and
 * drops the wrong ones, reported at their item: those past the 20 a page keeps, one whose page
 * Windows or a file system could not hold (`aliasNameMistake`), one at a file of the web host's that site.yml's
 * `hostFiles` does not list (`/_worker.js/`, as a copied file there is refused), one under an edition's prefix (each alias holds in
 * every edition by itself), one whose page, in any edition and either tree, would be written where
 * a document, a page of mimeo's, a copied file or a file of the theme is, inside such a file or as a folder that holds
 * one (it would replace or lose it), one at a name a part of the sitemap takes (`/sitemap-1.xml`),
 * a document's own address, and one whose page another alias writes.
 */
export function checkAliases(editions: readonly Site[], themeOutputs: readonly ThemeOutput[], report: Report): void {
  const originals = [...(editions[0]?.documents.values() ?? [])].filter((document) => document.aliases?.length).sort((a, b) => compareText(a.path, b.path));
  // Most builds have no alias: every output of every edition is not listed for none.
  if (originals.length === 0) return;
  const capsule = editions[0]?.config.geminiUrl !== undefined;
  const taken = takenOutputs(editions, themeOutputs, capsule);
  const hostFiles = new Set(editions[0]?.config.hostFiles ?? []);
  const claimed: Occupied<{ file: string; address: string }> = { files: new Map(), folders: new Map() };
  const wrong = new Map<string, Set<number>>();
  for (const document of originals) {
    (document.aliases ?? []).forEach((alias, index, aliases) => {
      const place = { file: document.path, ...(document.aliasPlaces?.[index] ?? { line: 1, column: 1 }) };
      const refuse = () => wrong.set(document.key, (wrong.get(document.key) ?? new Set()).add(index));
      // Those past the most a page keeps are not looked into further.
      if (isUnwritable(alias, index, aliases.length, place, report) || isHostFile(alias, place, hostFiles, report)) {
        refuse();
        return;
      }
      const outputs = editions.flatMap((edition) => aliasOutputs(edition, alias, document, capsule));
      if (isRefused(document, alias, place, outputs, editions, taken, claimed, report)) {
        refuse();
        return;
      }
      for (const { output, address } of outputs) occupy(claimed, output, { file: document.path, address });
    });
  }
  dropAliases(editions, wrong);
}

/**
 * Reports an alias whose page can not be written on every machine that may build the webzine (a
 * part Windows can not write, a part or the whole too long for a file system), and the first alias
 * past the most a page keeps, once for all those after it; says whether it was one of them.
 */
function isUnwritable(alias: string, index: number, count: number, place: { file: string; line: number; column: number }, report: Report): boolean {
  if (index > aliasCount) return true;
  if (index === aliasCount) {
    reportRule(report, 'alias/too-many', place, { count, limit: aliasCount });
    return true;
  }
  const mistake = aliasNameMistake(alias);
  if (mistake === undefined) return false;
  const address = shortened(toWrittenAlias(alias));
  if (mistake.reason === 'long') reportRule(report, 'alias/too-long', place, { address, bytes: mistake.bytes, limit: aliasBytes });
  else if (mistake.reason === 'long-part') reportRule(report, 'alias/too-long', place, { address, bytes: mistake.bytes, limit: aliasPartBytes, part: shortened(mistake.part) });
  else if (mistake.reason === 'device') reportRule(report, 'alias/windows-name', place, { address, part: mistake.part, device: mistake.device });
  else reportRule(report, 'alias/windows-name', place, { address, part: mistake.part, end: mistake.end, without: mistake.without, ...(mistake.becomes === undefined ? {} : { becomes: mistake.becomes }) });
  return true;
}

/** A part or an address as a message quotes it: whole up to 40 characters, else its first 32 and an ellipsis. */
function shortened(text: string): string {
  const characters = [...text];
  return characters.length <= 40 ? text : `${characters.slice(0, 32).join('')}…`;
}

/**
 * Reports an alias whose page would be written in a file or folder at the web root that the host
 * reads as its settings or runs (`_redirects/`, `_worker.js/`: Cloudflare Pages runs a
 * `_worker.js` folder as it runs the file), unless site.yml's `hostFiles` lists it, as
 * `allowCopiedFile` does for a copied file; says whether it did. The original edition is at the
 * root, and an alias under another's prefix is refused as such.
 */
function isHostFile(alias: string, place: { file: string; line: number; column: number }, hostFiles: ReadonlySet<string>, report: Report): boolean {
  const name = alias.split('/')[0]!;
  if (!isUnlistedHostFile(name, hostFiles)) return false;
  reportRule(report, 'alias/host-file', place, { address: `/${alias}`, name });
  return true;
}

/** An alias's outputs in one edition, each with the address it stands for there. */
function aliasOutputs(edition: Site, alias: string, document: SiteDocument, capsule: boolean): { output: string; address: string }[] {
  const { web, gemini } = toAliasOutputs(edition.prefix, alias, document.kind);
  const address = `/${edition.prefix}${alias}`;
  return [{ output: `web/${web}`, address }, ...(capsule ? [{ output: `gemini/${gemini}`, address }] : [])];
}

/** Reports what is wrong with one alias, if anything, and says whether it was. */
function isRefused(
  document: SiteDocument,
  alias: string,
  place: { file: string; line: number; column: number },
  outputs: readonly { output: string; address: string }[],
  editions: readonly Site[],
  taken: Occupied<Taker>,
  claimed: Occupied<{ file: string; address: string }>,
  report: Report,
): boolean {
  const address = `/${alias}`;
  const edition = editions.find((other) => other.prefix !== '' && alias.toLowerCase().startsWith(other.prefix.toLowerCase()));
  if (edition) {
    reportRule(report, 'alias/edition-prefix', place, { address, prefix: edition.prefix, language: edition.language, rest: `/${alias.slice(edition.prefix.length)}` });
    return true;
  }
  // The parts of a sitemap too large for one file are written whenever the webzine grows to need
  // them: an alias there would be lost that day, so their names are never an alias's.
  const first = alias.split('/')[0]!;
  if (isSitemapFile(first) && first.toLowerCase() !== 'sitemap.xml') {
    const generated = 'a part of a sitemap too large for one file';
    // The original edition's web page of the alias comes first.
    const below = first === alias ? {} : { output: outputs[0]!.output, relation: 'below' as const, other: `web/${first}` };
    reportRule(report, 'alias/taken', place, { address, generated, ...below });
    return true;
  }
  for (const { output, address: there } of outputs) {
    const found = find(taken, output);
    if (!found) continue;
    const { owner, relation, other } = found;
    if ('file' in owner && owner.file === document.key && relation === 'same') reportRule(report, 'alias/own-address', place, { address });
    else {
      // The web page of a folder alias at another's address is told as that address.
      const where = relation === 'same' && output.startsWith('web/') ? {} : { output, other, relation };
      const related = 'file' in owner ? [owner.file] : 'copied' in owner ? [owner.copied] : 'theme' in owner && owner.own ? [owner.theme] : [];
      const whose = 'theme' in owner ? { theme: owner.theme } : owner;
      reportRule(report, 'alias/taken', { ...place, ...(related.length > 0 ? { related } : {}) }, { address: there, ...whose, ...where });
    }
    return true;
  }
  for (const { output, address: there } of outputs) {
    const found = find(claimed, output);
    if (!found) continue;
    const { owner, relation, other } = found;
    const where = relation === 'same' && foldedPath(owner.address) === foldedPath(there) ? {} : { output, otherOutput: other, relation, otherAddress: owner.address };
    reportRule(report, 'alias/duplicate', { ...place, related: [owner.file] }, { address, other: owner.file, ...where });
    return true;
  }
  return false;
}

/**
 * Every output of every edition, in both trees, but the pages of aliases: the documents' pages,
 * drafts included, the pages and feeds mimeo makes, the copied files (content/static/, an
 * issue's files) and the theme's files at the web root, with every folder they are in.
 */
function takenOutputs(editions: readonly Site[], themeOutputs: readonly ThemeOutput[], capsule: boolean): Occupied<Taker> {
  const taken: Occupied<Taker> = { files: new Map(), folders: new Map() };
  const add = (output: string, owner: Taker) => occupy(taken, output, owner);
  for (const edition of editions) {
    const prefix = edition.prefix;
    add(`web/${prefix}index.html`, { generated: 'the front page' });
    add(`web/${prefix}authors/index.html`, { generated: 'the authors page' });
    const tags = tagsOf(edition);
    if (tags.length > 0) add(`web/${tagsRoute(prefix)}index.html`, { generated: 'the tags index' });
    for (const tag of tags) add(`web/${tag.route}index.html`, { generated: `the page of the tag "${tag.name}"` });
    for (const file of ['atom.xml', 'rss.xml', ...(prefix === '' ? ['sitemap.xml', 'robots.txt', '404.html'] : [])]) add(`web/${prefix}${file}`, { generated: `/${prefix}${file}` });
    if (capsule) {
      add(`gemini/${prefix}index.gmi`, { generated: 'the front page' });
      add(`gemini/${prefix}authors.gmi`, { generated: 'the authors page' });
      if (tags.length > 0) add(`gemini/${tagsRoute(prefix)}index.gmi`, { generated: 'the tags index' });
      for (const tag of tags) add(`gemini/${tag.route}index.gmi`, { generated: `the page of the tag "${tag.name}"` });
      add(`gemini/${prefix}atom.xml`, { generated: `the capsule's /${prefix}atom.xml` });
    }
    for (const document of edition.documents.values()) {
      add(`web/${document.route}index.html`, { file: document.key });
      if (capsule) add(`gemini/${document.kind === 'issue' ? `${document.route}index.gmi` : `${document.route.slice(0, -1)}.gmi`}`, { file: document.key });
    }
  }
  for (const asset of editions[0]?.assets ?? []) for (const tree of capsule ? ['web', 'gemini'] : ['web']) add(`${tree}/${asset.output}`, { copied: asset.path });
  for (const { output, name, own } of themeOutputs) add(`web/${output}`, { theme: name, own });
  return taken;
}

/** Records `output` and the folders it is in; the first to claim a key keeps it. */
function occupy<Owner>(occupied: Occupied<Owner>, output: string, owner: Owner): void {
  const key = foldedPath(output);
  if (!occupied.files.has(key)) occupied.files.set(key, { output, owner });
  const parts = key.split('/');
  for (let length = 2; length < parts.length; length++) {
    const folder = parts.slice(0, length).join('/');
    if (!occupied.folders.has(folder)) occupied.folders.set(folder, { output, owner });
  }
}

/** What `output` meets among the occupied outputs: the same file, a file it would be below, or one it would hold as a folder. */
function find<Owner>(occupied: Occupied<Owner>, output: string): { owner: Owner; other: string; relation: Relation } | undefined {
  const key = foldedPath(output);
  const same = occupied.files.get(key);
  if (same) return { owner: same.owner, other: same.output, relation: 'same' };
  const held = occupied.folders.get(key);
  if (held) return { owner: held.owner, other: held.output, relation: 'holds' };
  const parts = key.split('/');
  for (let length = 2; length < parts.length; length++) {
    const file = occupied.files.get(parts.slice(0, length).join('/'));
    if (file) return { owner: file.owner, other: file.output, relation: 'below' };
  }
  return undefined;
}

/** Drops the refused aliases, by their index, from the original and its translations. */
function dropAliases(editions: readonly Site[], wrong: ReadonlyMap<string, ReadonlySet<number>>): void {
  for (const edition of editions) {
    for (const document of [...edition.documents.values(), ...(edition.heldBack ?? [])]) {
      const indexes = wrong.get(document.key);
      if (indexes === undefined || document.aliases === undefined) continue;
      document.aliases = document.aliases.filter((_, index) => !indexes.has(index));
      document.aliasPlaces = document.aliasPlaces?.filter((_, index) => !indexes.has(index));
    }
  }
}
