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
  if (history.missing === 'elsewhere') return [redirectedNote(history.redirected ?? [])];
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

/** Which variables of the environment sent Git to a repository without the webzine, and what to do. */
function redirectedNote(redirected: ReadonlyArray<[name: string, value: string]>): string {
  const names = redirected.map(([name]) => name);
  const set = redirected.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(' and ');
  const unset = names.map((name) => `-u ${name}`).join(' ');
  return `${set} ${names.length === 1 ? 'is' : 'are'} set in the environment, and Git, run in the webzine's folder, finds there no repository that holds content/site.yml, so dates and contributors come from front matter only; unset ${names.length === 1 ? 'it' : 'them'} (\`unset ${names.join(' ')}\` in a Git hook, or \`env ${unset} mimeo build\`), or, for a work tree kept apart, set GIT_DIR to its repository's absolute path and GIT_WORK_TREE to the webzine's folder`;
}
