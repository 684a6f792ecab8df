import { committedHistoryOf, type GitHistory } from './git-history.js';
import { trustCommand } from './git-refusal.js';

/**
 * What a build says of the Git history it read: why there is none (not a repository, refused,
 * no commit, unreadable, shallow), or which content files are changed or added and not committed.
 */
export function historyNotes(history: GitHistory): string[] {
  if (history.missing === 'no-repository') return ['the webzine is not in a Git repository, so dates and contributors come from front matter only'];
  if (history.missing === 'refused') return [`Git refuses to read the webzine's repository, which another user owns ("dubious ownership"), so dates and contributors come from front matter only; to trust it: ${trustCommand(history.refused ?? '.')}`];
  if (history.missing === 'no-commit') return ["the webzine's Git repository has no commit yet, so dates and contributors come from front matter until the first commit"];
  if (history.missing === 'unreadable') return ["Git could not read the webzine's history, so dates and contributors come from front matter only; `git log` in the webzine's folder shows why"];
  if (history.missing === 'shallow') return ['this is a shallow Git clone, so dates and contributors come from front matter only; fetch the whole history for them'];
  // Only Markdown files have dates (not site.yml, not an image). A file changed since its last
  // commit keeps that commit's dates; one the commit holds no version of has none from Git.
  const dated = [...history.uncommitted.keys()].filter((file) => file.endsWith('.md')).sort();
  const changed = dated.filter((file) => committedHistoryOf(history, file) !== undefined);
  const added = dated.filter((file) => committedHistoryOf(history, file) === undefined);
  const notes: string[] = [];
  if (changed.length === 1) notes.push(`${changed[0]} has changes not committed, so its dates are its last commit's until they are`);
  if (changed.length > 1) notes.push(`${changed.length} files (${changed[0]}, …) have changes not committed, so their dates are their last commits' until they are`);
  if (added.length === 1) notes.push(`${added[0]} is not committed, so it has no dates from Git (first and last commit) until it is`);
  if (added.length > 1) notes.push(`${added.length} files (${added[0]}, …) are not committed, so they have no dates from Git (first and last commit) until they are`);
  return notes;
}
