import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { GitHistory } from '../load/git-history.js';
import type { Issue, Site } from './types.js';

/**
 * Warns of a published issue dated far from the others, most often a slip of the year (`2204`,
 * `9999`, `1900`): more than a year after the commit being built, or more than a year before
 * content/ was first committed and more than a year from the dates of the issues numbered next
 * to it (`issue/date-far`; README, A webzine). Git gives both references, never the clock, so the
 * same commit always says the same (SPEC §3); without Git there is none, and no warning.
 */
export function warnFarDates(site: Site, history: GitHistory, report: Report): void {
  // Newest (highest number) first, as `site.issues` are.
  const dated = site.issues.filter((issue) => !issue.draft && issue.date !== undefined && !issue.dateWrong);
  const latest = history.committed === undefined ? undefined : yearsFrom(history.committed, 1);
  const first = firstCommitted(history);
  const earliest = first === undefined ? undefined : yearsFrom(first, -1);
  dated.forEach((issue, index) => {
    const date = issue.date!;
    const place = { file: issue.path, ...(issue.fields['date'] ?? { line: 1, column: 1 }) };
    if (latest !== undefined && date > latest) {
      reportRule(report, 'issue/date-far', place, { number: issue.number, date, after: true, reference: history.committed!.slice(0, 10), neighbors: [] });
      return;
    }
    if (earliest === undefined || date >= earliest) return;
    // An archive of issues older than the repository, brought in at once, has dates near each other.
    const neighbors = [dated[index + 1], dated[index - 1]].filter((other): other is Issue => other !== undefined);
    if (neighbors.some((other) => date >= yearsFrom(other.date!, -1) && date <= yearsFrom(other.date!, 1))) return;
    reportRule(report, 'issue/date-far', place, { number: issue.number, date, after: false, reference: first!.slice(0, 10), neighbors: neighbors.map((other) => ({ number: other.number, date: other.date! })) });
  });
}

/** When content/ was first committed: the oldest first commit of its files (ISO 8601, UTC), when Git read its history. */
function firstCommitted(history: GitHistory): string | undefined {
  let first: string | undefined;
  for (const file of history.files.values()) if (first === undefined || file.created < first) first = file.created;
  return first;
}

/** The day `years` years from the day `when` starts with (`2024-02-29` and 1 give `2025-02-29`, which sorts as 1 March would). */
function yearsFrom(when: string, years: number): string {
  return `${String(Number(when.slice(0, 4)) + years).padStart(4, '0')}${when.slice(4, 10)}`;
}
