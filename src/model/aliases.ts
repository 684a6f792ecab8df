import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Site, SiteDocument } from './types.js';

/** What an alias's address is taken by: a document (its path), or a page mimeo makes itself (what it is). */
type Taker = { file: string } | { generated: string };

/**
 * Checks the aliases of every document (front matter `aliases`, README: Moving an article) and
 * drops the wrong ones, reported at their item: an address a document or a page of mimeo's has
 * (it would be replaced by a redirect), or a copied file is written to, a document's own address,
 * and an address two documents claim. An alias applies under every edition's prefix.
 */
export function checkAliases(editions: readonly Site[], report: Report): void {
  const taken = takenAddresses(editions);
  const copied = copiedOutputs(editions);
  const claimed = new Map<string, string>();
  const wrong = new Map<string, Set<number>>();
  const reject = (document: SiteDocument, index: number) => wrong.set(document.key, (wrong.get(document.key) ?? new Set()).add(index));
  const originals = [...(editions[0]?.documents.values() ?? [])].sort((a, b) => compare(a.path, b.path));
  for (const document of originals) {
    (document.aliases ?? []).forEach((alias, index) => {
      const place = { file: document.path, ...(document.aliasPlaces?.[index] ?? { line: 1, column: 1 }) };
      const address = `/${alias}`;
      for (const edition of editions) {
        const route = (edition.prefix + alias).toLowerCase();
        const taker = taken.get(route);
        if (route === (edition.prefix + document.route).toLowerCase()) reportRule(report, 'alias/own-address', place, { address });
        else if (taker !== undefined) reportRule(report, 'alias/taken', { ...place, ...('file' in taker ? { related: [taker.file] } : {}) }, { address: `/${edition.prefix}${alias}`, ...taker });
        else if (copied.has(route)) reportRule(report, 'alias/taken', { ...place, related: [copied.get(route)!] }, { address: `/${edition.prefix}${alias}`, copied: copied.get(route)! });
        else continue;
        return reject(document, index);
      }
      const first = claimed.get(alias.toLowerCase());
      if (first !== undefined) {
        reportRule(report, 'alias/duplicate', { ...place, related: [first] }, { address, other: first });
        return reject(document, index);
      }
      claimed.set(alias.toLowerCase(), document.path);
    });
  }
  for (const edition of editions) {
    for (const document of [...edition.documents.values(), ...(edition.heldBack ?? [])]) {
      const indexes = wrong.get(document.key);
      if (indexes === undefined || document.aliases === undefined) continue;
      document.aliases = document.aliases.filter((_, index) => !indexes.has(index));
      document.aliasPlaces = document.aliasPlaces?.filter((_, index) => !indexes.has(index));
    }
  }
}

/** The addresses of every edition's documents, drafts included, and of the pages mimeo makes itself, in lower case. */
function takenAddresses(editions: readonly Site[]): Map<string, Taker> {
  const taken = new Map<string, Taker>();
  for (const edition of editions) {
    taken.set(edition.prefix, { generated: 'the front page' });
    taken.set(`${edition.prefix}authors/`, { generated: 'the authors page' });
    // A file mimeo writes can not hold an alias's folder either.
    for (const file of ['atom.xml', 'rss.xml', ...(edition.prefix === '' ? ['sitemap.xml', 'robots.txt', '404.html'] : [])]) taken.set(`${edition.prefix}${file}/`, { generated: `/${edition.prefix}${file}` });
    for (const document of edition.documents.values()) taken.set(document.route.toLowerCase(), { file: document.key });
  }
  return taken;
}

/** The copied files (content/static/, an issue's files) written where an alias's page would be, by the alias's route in lower case. */
function copiedOutputs(editions: readonly Site[]): Map<string, string> {
  const copied = new Map<string, string>();
  for (const asset of editions[0]?.assets ?? []) {
    const output = asset.output.toLowerCase();
    if (output.endsWith('/index.html')) copied.set(output.slice(0, -'index.html'.length), asset.path);
    if (output.endsWith('/index.gmi')) copied.set(output.slice(0, -'index.gmi'.length), asset.path);
    else if (output.endsWith('.gmi')) copied.set(`${output.slice(0, -'.gmi'.length)}/`, asset.path);
  }
  return copied;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
