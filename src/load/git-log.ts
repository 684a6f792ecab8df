import { dirname } from 'node:path/posix';
import { withoutForbiddenCharacters } from '../util/forbidden-characters.js';

// An e-mail address, which a commit's name sometimes is (`git config user.name bob@corp.example`).
const emailAddress = /[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/;

/** What Git says of one content file: when it was first and last committed, and by whom. */
export interface FileHistory {
  /** The first commit's date (its committer date), as an ISO 8601 UTC timestamp. */
  created: string;
  /** When its last change landed: the last commit's date, or the merge that brought it, as an ISO 8601 UTC timestamp. */
  modified: string;
  /** Names of the commits' authors (as the repository's .mailmap gives them, merges left out), most recent first, each once. Never e-mail addresses. */
  authors: string[];
  /**
   * How many commits of the content came after its last one (0: the newest). Commit order, not
   * dates: rebases and skewed clocks make author dates run backwards.
   */
  age: number;
  /** The full hash of its last commit (or of the merge that brought its last change). */
  commit?: string;
  /**
   * When it last came into its folder from another one by a move of the branch being built (the
   * move's date), or `undefined` when it never did: a change of the folder's (an issue gains an
   * article), though not of the file's, whose `modified` a move that changes nothing keeps.
   */
  arrived?: string;
  /**
   * Whether its last change is its deletion, or its move to another folder (dated by the move, with
   * no authors): a file at its path now is another one (default: `false`).
   */
  deleted?: true;
  /**
   * For a move to another folder (`deleted`), the file's path now, or `undefined` when it has been
   * deleted since: its text there tells what the folder it left lost (a draft nobody saw).
   */
  movedTo?: string;
  /**
   * The blob of its text when the branch being built last left it a symbolic link (mode
   * `120000`, whose text is the path it leads to), or `undefined` for a plain file.
   */
  linkBlob?: string;
}

/**
 * Reads `git log --date-order -z --raw --no-abbrev --diff-merges=first-parent --format=%x01%cI%x02%aN%x02%P%x02%H`
 * output, newest commit first, and every commit after its children. A date is when a change was
 * committed to this history (the committer date: a rebased or cherry-picked change lands when it
 * is applied), and a merge into the branch being built (one of `mainline`, its first-parent
 * chain) counts for every file it brought in, at the date it was merged, but not for its authors:
 * the maintainer who merges a pull request did not write it. A merge made on a branch (the main
 * branch merged into a pull request to bring it up to date) lands nothing. A rename that changes
 * nothing (`R100`) carries a file's history to its new name without being a change, and a commit
 * that changed only a file's mode (`chmod +x`, an exec bit flipped by a file system that keeps
 * none: the same blob before and after) is no change either. A file's history ends at a deletion
 * that landed at one of its paths: the older commits there made another file, which is gone. A
 * deletion made on another branch lands through the merge that takes it, which shows it: one the
 * merge refused is no change. One the branch followed with a file made at that path lands as
 * that file, which the merge shows changed: it ends the history as on the main line. A deletion
 * that the next record at its path undid, adding back the very blob it removed (`git revert`,
 * `git checkout <commit> -- <file>`), ends nothing and is no change either: its author, like
 * that of every deletion but a file's last record, is not counted. A file brought back with a
 * change is another one. A move to another folder is also a deletion at the path it left, and
 * the file's arrival in the folder it went to (`arrived`). A file whose last record on the branch
 * made it a symbolic link gives that blob (`linkBlob`).
 */
export function parseLog(log: string, mainline?: ReadonlySet<string>): Map<string, FileHistory> {
  const state: State = { files: new Map(), currentName: new Map(), met: new Set(), madeAt: new Map(), arrived: new Map(), lastLinks: new Map() };
  for (const [age, chunk] of log.split('\x01').slice(1).entries()) {
    const [header = '', ...tokens] = chunk.split('\0');
    const [date = '', name = '', parents = '', hash = ''] = header.split('\x02');
    const merge = parents.trim().includes(' ');
    const mainlineCommit = !mainline || mainline.has(hash.trim());
    if (merge && !mainlineCommit) continue;
    // A commit whose date no clock can show (year 5 000 000), or whose author's name held the
    // separators (`\x01`, which split it here), tells nothing trustworthy: it alone is skipped.
    const when = toUtc(date);
    if (when === undefined) continue;
    // Names only, never e-mail addresses (SPEC §3): a commit whose name is one names nobody. A
    // name is one line, with no character a page may not hold (a commit object made by hand).
    const author = merge || emailAddress.test(name) ? '' : withoutForbiddenCharacters(name.replace(/[\t\n\r]/g, ''));
    readChanges(state, tokens, { when, author, age, hash: hash.trim(), mainline: mainlineCommit });
  }
  for (const [name, when] of state.arrived) {
    const file = state.files.get(name);
    if (file && !file.deleted) file.arrived = when;
  }
  for (const [name, blob] of state.lastLinks) {
    const file = state.files.get(name);
    if (file && !file.deleted && blob !== undefined) file.linkBlob = blob;
  }
  // A file moved out and deleted since, by its last record: its text is gone.
  for (const file of state.files.values()) if (file.movedTo !== undefined && state.files.get(file.movedTo)?.deleted) delete file.movedTo;
  return state.files;
}

/** What `parseLog` knows, read from the newest commit back to the one being read. */
interface State {
  files: Map<string, FileHistory>;
  /**
   * A path's older names, mapped to its name now: commits come newest first, so a rename is met
   * before the commits made under the old name. A path mapped to `gone` held a file deleted since.
   */
  currentName: Map<string, string>;
  /** The names now of the files met so far: files there after the commit being read. */
  met: Set<string>;
  /**
   * Where each file met so far was made (added, moved or copied there) by the oldest of its
   * records read yet, by its name now; a file whose oldest record read is a change is not listed.
   */
  madeAt: Map<string, Making>;
  /** When each file met so far last came into its folder from another one, by its name now. */
  arrived: Map<string, string>;
  /**
   * For each file met so far, by its name now, the blob its newest record on the branch being
   * built left at its path when it is a symbolic link, `undefined` when it is not (or none).
   */
  lastLinks: Map<string, string | undefined>;
}

/** The record that made a file at a path. */
interface Making {
  path: string;
  /** The blob an addition put there (a move or a copy has none: the file had a history elsewhere). */
  added?: string;
}

/** One commit of the log, as `parseLog` reads it. */
interface Commit {
  when: string;
  /** Its author's name, or `''` for nobody (a merge, an e-mail address). */
  author: string;
  age: number;
  hash: string;
  /** Whether it is one of the branch being built (or no branch is known), not a commit merged from another. */
  mainline: boolean;
}

// What `currentName` maps a path to whose older commits made a file deleted since: no path is empty.
const gone = '';

/** Reads one commit's `--raw` records (modes, blobs, status letters, then one path or two) into `state`. */
function readChanges(state: State, tokens: readonly string[], commit: Commit): void {
  const { files, currentName, met, madeAt, arrived, lastLinks } = state;
  for (let i = 0; i < tokens.length; i++) {
    const { status, before, after, link } = toRecord(tokens[i]!);
    if (status === '') continue;
    const renamed = status.startsWith('R') || status.startsWith('C');
    const path = tokens[renamed ? i + 2 : i + 1] ?? '';
    const current = currentName.get(path) ?? path;
    const from = tokens[i + 1] ?? '';
    const moved = status.startsWith('R');
    if (moved) {
      if (commit.mainline) recordMoveAway(state, from, path, current, commit);
      currentName.set(from, current);
    }
    i += renamed ? 2 : 1;
    if (current === gone) continue;
    // The branch's records, merges shown against their first parent, make its last commit's tree
    // one after another: the newest one met at a path tells what that tree holds there.
    if (commit.mainline && !lastLinks.has(current)) lastLinks.set(current, link ? after : undefined);
    // Commits come newest first: the first move into another folder met is the file's last.
    if (moved && commit.mainline && !arrived.has(current) && dirname(from) !== dirname(path)) arrived.set(current, commit.when);
    // A deletion made on another branch is not recorded: a merge that took it shows it. One that
    // the branch's next commit at this path followed with a file made there ended the history
    // all the same: the merge shows that file as a change, not as a deletion and an addition.
    const deletion = status === 'D';
    // The same blob before and after: only the mode changed (`core.fileMode`), not what is built.
    const modeOnly = status === 'M' && before === after;
    const made = madeAt.get(current);
    // A deletion that the next record at its path undid, adding back the very blob it removed
    // (`git revert`, `git checkout <commit> -- <file>`), is no change: the file is the one it was.
    if (deletion && made?.path === path && made.added === before) continue;
    if (deletion && (commit.mainline ? met.has(current) : made?.path === path)) {
      // The file met since was made at this path after the deletion: older commits here made another one.
      currentName.set(path, gone);
    } else if (status !== 'R100' && !modeOnly && (!deletion || commit.mainline)) {
      record(files, current, commit, deletion);
    }
    met.add(current);
    if (status.startsWith('A') || renamed) madeAt.set(current, { path, ...(status.startsWith('A') ? { added: after } : {}) });
    else madeAt.delete(current);
  }
}

/**
 * Records a move to another folder as a deletion at the path the file left (`deleted`, dated by
 * the move, with `current`, the file's name now, unless it is gone since): its folder lost it,
 * which is a change of the folder's (an issue's, SPEC §3), though not of the file's. Not when a
 * file met since is at that path (or left it later): that one's history is the path's.
 */
function recordMoveAway({ files, met }: State, from: string, to: string, current: string, commit: Commit): void {
  if (dirname(from) === dirname(to) || met.has(from) || files.has(from)) return;
  const movedTo = current === gone ? {} : { movedTo: current };
  files.set(from, { created: commit.when, modified: commit.when, authors: [], age: commit.age, ...(commit.hash ? { commit: commit.hash } : {}), deleted: true, ...movedTo });
}

/** One `--raw` record, `:<mode> <mode> <blob before> <blob after> <status>` (the paths follow it). */
interface RawRecord {
  /** Its status letters (`M`, `A`, `D`, `R090`, …), or `''` for a token that is no record. */
  status: string;
  /** The blob at its (old) path before the commit, all zeros for none. */
  before: string;
  /** The blob at its (new) path after the commit, all zeros for none. */
  after: string;
  /** Whether its (new) path holds a symbolic link after the commit (mode `120000`). */
  link: boolean;
}

// Git ends the commit's header line before the first record; its paths start with `content/`, never `:`.
const rawRecord = /^\n?:[0-7]+ ([0-7]+) ([0-9a-f]+) ([0-9a-f]+) ([A-Z]\d*)$/;

/** Reads a token of the log as a `--raw` record. */
function toRecord(token: string): RawRecord {
  const [, mode = '', before = '', after = '', status = ''] = rawRecord.exec(token) ?? [];
  return { status, before, after, link: mode === '120000' };
}

/** A date Git gives (`%cI`) as an ISO 8601 UTC timestamp, or `undefined` for one no clock can show. */
export function toUtc(date: string): string | undefined {
  const time = new Date(date);
  return /^\d{4}-\d\d-\d\dT/.test(date) && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined;
}

function record(files: Map<string, FileHistory>, path: string, { when, author, age, hash }: Commit, deletion: boolean): void {
  const known = files.get(path);
  if (!known) {
    // Commits come newest first, so the first one met is the file's last.
    files.set(path, { created: when, modified: when, authors: author ? [author] : [], age, ...(hash ? { commit: hash } : {}), ...(deletion ? { deleted: true as const } : {}) });
    return;
  }
  if (when < known.created) known.created = when;
  if (when > known.modified) known.modified = when;
  if (author && !known.authors.includes(author)) known.authors.push(author);
}
