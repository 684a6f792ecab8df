import { didYouMeanAnchor } from '../diagnostics/did-you-mean.js';
import type { Place, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Site, SiteDocument } from '../model/types.js';
import type { LinkTarget } from './link-target.js';

/**
 * A link to a heading that the document it leads to does not have (in this edition: a
 * translation's headings are its own), with the target that leads to the top of its page.
 */
export interface AnchorProblem {
  problem: 'anchor';
  document: SiteDocument;
  anchor: string;
  anchors: string[];
  atTop: LinkTarget;
}

/**
 * Reports a link to a heading its page does not have, and gives what the link leads to: nowhere
 * for an error; the top of the page for a warning, when a translation with `draft: true` (SPEC §2)
 * makes the heading there in one kind of build and not in the other (`link/draft-translation-anchor`;
 * see {@link reportHeldBackAnchor} for a heading the page has until the translation is published).
 */
export function reportAnchor(url: string, resolution: AnchorProblem, site: Site, place: Place, report: Report): LinkTarget | undefined {
  const { document, anchor, anchors, atTop } = resolution;
  const { original } = document;
  // Held back by this build (no drafts): the page shows the original, without the heading.
  const heldBack = site.heldBack?.find((other) => other.key === document.key && other.anchors.includes(anchor));
  if (heldBack) {
    // No heading of the original to suggest: it would fail once the translation is published.
    reportRule(report, 'link/draft-translation-anchor', place, { url, anchor, translation: heldBack.path, kind: 'only-draft' });
    return atTop;
  }
  const { suggestion, inPlace } = suggestAnchor(anchor, anchors, original?.headings, document.body.headings);
  // Shown by this build (drafts): a build without drafts shows the original, which has the heading.
  if (original && !original.draft && document.draft && original.anchors.includes(anchor)) {
    reportRule(report, 'link/draft-translation-anchor', place, { url, anchor, translation: document.path, kind: 'not-in-draft', suggestion });
    return atTop;
  }
  const translation = document.path !== document.key ? { translation: document.path } : {};
  reportRule(report, 'link/missing-anchor', place, { url, anchor, suggestion, ...(inPlace ? { inPlace } : {}), ...translation });
  return undefined;
}

/**
 * Warns of a link that resolved to a heading of the original a build without drafts shows in
 * the place of a translation held back as a draft (`draft: true`), which lacks it: the link
 * leads there until the translation is published, and fails (`link/missing-anchor`) from then on.
 */
export function reportHeldBackAnchor(url: string, target: LinkTarget, site: Site, place: Place, report: Report): void {
  if (target.kind !== 'document' || target.edition !== undefined || !target.anchor) return;
  const { anchor } = target;
  const heldBack = site.heldBack?.find((other) => other.key === target.path && !other.partial && !other.anchors.includes(anchor));
  // `check` resolves a held-back draft's own links with the drafts shown: the document there is the draft itself.
  if (!heldBack || site.documents.get(target.path) === heldBack) return;
  const { suggestion } = suggestAnchor(anchor, heldBack.anchors, heldBack.original?.headings, heldBack.body.headings);
  reportRule(report, 'link/draft-translation-anchor', place, { url, anchor, translation: heldBack.path, kind: 'not-in-held-back', suggestion });
}

/**
 * The heading a link to `anchor`, a heading of another text of the same document (the original
 * of a translation, or the other way round: `from` holds its headings in order), most likely
 * meant among `headings` (in order) and `anchors` of the text it leads to: the heading in its
 * place (the n-th, where `anchor` is the n-th of `from`) when both have as many headings; else
 * one spelt near it ({@link didYouMeanAnchor}); else the heading in its place, when there is one.
 * `inPlace` says the suggestion is the heading in its place.
 */
export function suggestAnchor(anchor: string, anchors: readonly string[], from: readonly string[] | undefined, headings: readonly string[]): { suggestion?: string; inPlace?: true } {
  const place = from?.indexOf(anchor) ?? -1;
  const inPlace = place < 0 ? undefined : headings[place];
  if (inPlace !== undefined && from?.length === headings.length) return { suggestion: inPlace, inPlace: true };
  const spelt = didYouMeanAnchor(anchor, anchors);
  if (spelt !== undefined) return { suggestion: spelt };
  return inPlace === undefined ? {} : { suggestion: inPlace, inPlace: true };
}
