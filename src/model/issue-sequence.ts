import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { Issue } from './types.js';

/**
 * Warns of what an editor lets slip when publishing issues (README, A webzine): an issue dated
 * before the published one numbered below it (`issue/date-order`), a number skipped before a
 * published issue (`issue/number-gap`), and a published issue with nothing in it
 * (`issue/empty`). `issues` are all of them, drafts included: a draft holds its number.
 */
export function warnIssueSequence(issues: readonly Issue[], report: Report): void {
  const byNumber = [...issues].sort((a, b) => a.number - b.number);
  let below: Issue | undefined;
  let dated: Issue | undefined;
  for (const issue of byNumber) {
    if (!issue.draft) {
      if (below !== undefined && issue.number > below.number + 1) warnGap(issue, below, report);
      if (dated !== undefined && issue.date !== undefined && !issue.dateWrong && issue.date < dated.date!) {
        reportRule(report, 'issue/date-order', placeOf(issue, [dated.path]), { number: issue.number, date: issue.date, other: dated.number, otherDate: dated.date! });
      }
      if (isEmpty(issue)) reportRule(report, 'issue/empty', placeOf(issue), { number: issue.number });
      if (issue.date !== undefined && !issue.dateWrong) dated = issue;
    }
    below = issue;
  }
}

/** Tells `issue` of the numbers missing between the issue numbered `below` it and itself. */
function warnGap(issue: Issue, below: Issue, report: Report): void {
  const first = below.number + 1;
  const last = issue.number - 1;
  const name = issue.folder.slice(issue.folder.lastIndexOf('/') + 1);
  // A zero-padded folder (`005`) keeps its width.
  const folder = `${issue.folder.slice(0, issue.folder.length - name.length)}${name.startsWith('0') ? String(first).padStart(name.length, '0') : first}`;
  reportRule(report, 'issue/number-gap', placeOf(issue, [below.path]), { number: issue.number, below: below.number, first, last, folder });
}

/** Whether a published issue shows nothing but its title: no editorial, no article published (a body not read may hold some). */
function isEmpty(issue: Issue): boolean {
  return !issue.partial && issue.body.blank === true && issue.articles.every((article) => article.draft);
}

/** Where an issue is told of its place among the others: its date, which publishes it. */
function placeOf(issue: Issue, related?: readonly string[]) {
  return { file: issue.path, ...(issue.fields['date'] ?? { line: 1, column: 1 }), ...(related ? { related } : {}) };
}
