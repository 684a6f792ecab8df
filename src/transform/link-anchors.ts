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
 * makes the heading there in one kind of build and not in the other (`link/draft-translation-anchor`).
 */
export function reportAnchor(url: string, resolution: AnchorProblem, site: Site, place: Place, report: Report): LinkTarget | undefined {
  const { document, anchor, anchors, atTop } = resolution;
  // Held back by this build (no drafts): the page shows the original, without the heading.
  const heldBack = site.heldBack?.find((other) => other.key === document.key && other.anchors.includes(anchor));
  if (heldBack) {
    reportRule(report, 'link/draft-translation-anchor', place, { url, anchor, translation: heldBack.path, kind: 'only-draft', suggestion: didYouMeanAnchor(anchor, anchors) });
    return atTop;
  }
  // Shown by this build (drafts): a build without drafts shows the original, which has the heading.
  const { original } = document;
  if (original && !original.draft && document.draft && original.anchors.includes(anchor)) {
    reportRule(report, 'link/draft-translation-anchor', place, { url, anchor, translation: document.path, kind: 'not-in-draft', suggestion: didYouMeanAnchor(anchor, anchors) });
    return atTop;
  }
  const translation = document.path !== document.key ? { translation: document.path } : {};
  reportRule(report, 'link/missing-anchor', place, { url, anchor, suggestion: didYouMeanAnchor(anchor, anchors), ...translation });
  return undefined;
}
