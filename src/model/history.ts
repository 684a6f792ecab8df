import { committedHistoryOf, type GitHistory } from '../load/git-history.js';
import type { Issue, Site } from './types.js';

/**
 * Dates and names from Git: each document's last commit and its commits' authors, each issue's
 * contributors (writers plus committers of its files, names only) and its `updated` date.
 * A file changed since its last commit keeps that commit's dates and names: its change has no
 * date yet, and the clock is no source of one (SPEC §3). A file the commit holds no version of
 * (never committed, or made anew where one was deleted) keeps only what its front matter says.
 */
export function applyHistory(site: Site, history: GitHistory): void {
  const committed = (path: string) => committedHistoryOf(history, path);
  for (const document of site.documents.values()) {
    const file = committed(document.path);
    if (file) {
      document.modified = file.modified;
      document.commitAuthors = file.authors;
      // Commit order tells whether a translation is behind its original: a change not committed
      // yet comes after every commit, so it is not placed among them (`translationsBehind`).
      if (!history.uncommitted.has(document.path)) document.age = file.age;
    }
  }
  const assetsOf = assetsByIssue(site);
  for (const issue of site.issues) describeIssue(issue, (assetsOf.get(issue.folder) ?? []).map(committed));
  if (history.commit) site.commit = history.commit;
  if (history.committed) site.committed = history.committed;
}

/** The paths of the assets below each issue's folder (at any depth), by folder. */
function assetsByIssue(site: Site): Map<string, string[]> {
  const found = new Map<string, string[]>(site.issues.map((issue) => [issue.folder, []]));
  for (const asset of site.assets) {
    for (let end = asset.path.indexOf('/'); end !== -1; end = asset.path.indexOf('/', end + 1)) found.get(asset.path.slice(0, end))?.push(asset.path);
  }
  return found;
}

// Sorting names by one collator: `localeCompare` with a locale makes one every time.
const byName = new Intl.Collator('en').compare;

type Commits = { modified: string; authors: string[] } | undefined;

function describeIssue(issue: Issue, assets: readonly Commits[]): void {
  const dates = [issue.date ? `${issue.date}T00:00:00.000Z` : undefined, issue.modified, ...issue.articles.map((a) => a.modified), ...assets.map((a) => a?.modified)];
  const known = dates.filter((date): date is string => date !== undefined).sort();
  const newest = known[known.length - 1];
  if (newest) issue.updated = newest;
  const names = new Set<string>();
  for (const person of [...issue.editors, ...issue.articles.flatMap((a) => a.authors)]) names.add(person.name);
  for (const name of [...issue.commitAuthors, ...issue.articles.flatMap((a) => a.commitAuthors), ...assets.flatMap((a) => a?.authors ?? [])]) names.add(name);
  issue.contributors = [...names].sort(byName);
}
