import { dirname } from 'node:path/posix';
import { committedHistoryOf, type GitHistory } from '../load/git-history.js';
import { translationSuffix } from './classify.js';
import type { Issue, Site } from './types.js';

/**
 * Dates and names from Git: each document's last commit and its commits' authors, each issue's
 * contributors (writers plus committers of its files, names only) and its `updated` date (its
 * files' last commits, the commits that moved one of them in from another folder, and the
 * commits that took a file or an article from it).
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
  const lossesOf = lossesByIssue(site, history);
  for (const issue of site.issues) {
    // An article moved in from another issue is a change of this one's, though not of its text.
    const arrivals = issue.articles.flatMap((article) => [committed(article.key)?.arrived, committed(article.path)?.arrived]);
    describeIssue(issue, (assetsOf.get(issue.folder) ?? []).map(committed), [...(lossesOf.get(issue.folder) ?? []), ...arrivals]);
  }
  if (history.commit) site.commit = history.commit;
  if (history.committed) site.committed = history.committed;
}

/** The paths of the assets below each issue's folder (at any depth), by folder. */
function assetsByIssue(site: Site): Map<string, string[]> {
  const found = new Map<string, string[]>(site.issues.map((issue) => [issue.folder, []]));
  for (const asset of site.assets) addToFolders(found, asset.path, asset.path);
  return found;
}

/**
 * When each issue lost something its readers saw, by folder: a file below it deleted or moved to
 * another folder (a translation's only in its own edition, which shows the original instead; a
 * draft moved out only if it stood in the issue at its date, as one that stays), an article it
 * was published with made a draft. An issue's `updated` is its last significant
 * change, and must not go backwards when one goes (RFC 4287 §4.2.15).
 */
function lossesByIssue(site: Site, history: GitHistory): Map<string, string[]> {
  const found = new Map<string, string[]>(site.issues.map((issue) => [issue.folder, []]));
  const otherEditions = new Set(site.editions.map((edition) => edition.language).filter((language) => language !== site.language));
  const shown = new Set(site.issues.flatMap((issue) => issue.articles.map((article) => article.key)));
  const published = new Map(site.issues.map((issue) => [issue.folder, issue.date]));
  for (const [path, file] of history.files) {
    if (!file.deleted || otherEditions.has(translationSuffix.exec(path)?.[1] ?? '')) continue;
    // A deleted file's text is gone, and with it whether it was a draft: every deletion counts.
    // A file moved out is still there to say.
    const draft = file.movedTo === undefined ? undefined : site.documents.get(file.movedTo.replace(translationSuffix, '.md'));
    if (draft?.kind === 'article' && draft.draft && !shown.has(draft.key) && !hasBeenSeen(history, draft.key, published.get(dirname(path)))) continue;
    addToFolders(found, path, file.modified);
  }
  for (const document of site.documents.values()) {
    if (document.kind !== 'article' || !document.draft || shown.has(document.key)) continue;
    const file = committedHistoryOf(history, document.key);
    if (file && hasBeenSeen(history, document.key, published.get(dirname(document.key)))) addToFolders(found, document.key, file.modified);
  }
  return found;
}

/**
 * Whether the draft article `key` may have been seen by the readers of the issue dated
 * `issueDate`, where it stands or that it was moved out of (`hasStoodAtPublication`). `draft` is
 * the original's to say: its commits date it in every edition, a translation's do not.
 */
function hasBeenSeen(history: GitHistory, key: string, issueDate: string | undefined): boolean {
  const file = committedHistoryOf(history, key);
  return file !== undefined && hasStoodAtPublication(file.created, issueDate);
}

/**
 * Whether a draft article may have been seen by readers: whether its first commit is not after
 * its issue's date (day by day), so that it stood in the issue when the issue was published. Which
 * commit added `draft: true` is not looked for, which would take reading the article's older
 * versions: the draft's last commit stands for it. A draft since its first commit that stood in
 * the issue then counts all the same, and one added since the issue's date does not, even if it
 * was published before it was made a draft.
 */
function hasStoodAtPublication(created: string, issueDate: string | undefined): boolean {
  return issueDate !== undefined && created.slice(0, 10) <= issueDate;
}

/** Adds `value` to the list of each folder of `found` that holds `path` (at any depth). */
function addToFolders(found: Map<string, string[]>, path: string, value: string): void {
  for (let end = path.indexOf('/'); end !== -1; end = path.indexOf('/', end + 1)) found.get(path.slice(0, end))?.push(value);
}

// Sorting names by one collator: `localeCompare` with a locale makes one every time.
const byName = new Intl.Collator('en').compare;

type Commits = { modified: string; authors: string[]; arrived?: string } | undefined;

/**
 * Sets an issue's `updated` and contributors from its files' commits and `moves`, the dates of
 * what came into it or went from it.
 */
function describeIssue(issue: Issue, assets: readonly Commits[], moves: ReadonlyArray<string | undefined>): void {
  const dates = [issue.date ? `${issue.date}T00:00:00.000Z` : undefined, issue.modified, ...issue.articles.map((a) => a.modified), ...assets.flatMap((a) => [a?.modified, a?.arrived]), ...moves];
  const known = dates.filter((date): date is string => date !== undefined).sort();
  const newest = known[known.length - 1];
  if (newest) issue.updated = newest;
  const names = new Set<string>();
  for (const person of [...issue.editors, ...issue.articles.flatMap((a) => a.authors)]) names.add(person.name);
  for (const name of [...issue.commitAuthors, ...issue.articles.flatMap((a) => a.commitAuthors), ...assets.flatMap((a) => a?.authors ?? [])]) names.add(name);
  issue.contributors = [...names].sort(byName);
}
