import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { refusedRepository } from './git-refusal.js';
import { parseLog, toUtc, type FileHistory } from './git-log.js';

const run = promisify(execFile);

// What of a machine's Git configuration could change what mimeo reads: names re-encoded
// (`i18n.logOutputEncoding`), signatures or colours mixed into the log, the first commit's files
// left out (`log.showRoot`), renames not followed past a limit, another mailmap than the
// repository's. The same commit gives the same pages everywhere.
const settings = ['core.quotepath=off', 'i18n.logOutputEncoding=UTF-8', 'log.showSignature=false', 'log.showRoot=true', 'diff.renameLimit=1000', 'color.ui=false', 'mailmap.file=', 'mailmap.blob='].flatMap((setting) => ['-c', setting]);

// Digits of the commit's hash the pages show.
const shortLength = 12;

export type { FileHistory } from './git-log.js';

/** The history of a webzine's content, read with one `git log` per build. */
export interface GitHistory {
  /**
   * Why there is no history, or `undefined` when there is: not a repository (or no git), a
   * repository Git refuses because another user owns it, a repository with no commit yet, a
   * shallow clone, or a history Git failed to read.
   */
  missing?: 'no-repository' | 'refused' | 'no-commit' | 'shallow' | 'unreadable' | 'elsewhere';
  /**
   * The variables of the environment that tell Git where the repository is (`GIT_DIR`,
   * `GIT_WORK_TREE`) with their values, when `missing` is `elsewhere`: they name no repository
   * that holds the webzine's files at their paths.
   */
  redirected?: Array<[name: string, value: string]>;
  /** The folder of the repository Git refused (with `missing: 'refused'`). */
  refused?: string;
  /** The first 12 digits of the hash of the commit being built. */
  commit?: string;
  /** The full hash of the commit being built. */
  head?: string;
  /** When the commit being built was made (its committer date), as an ISO 8601 UTC timestamp: what templates read as "now". */
  committed?: string;
  /** The hash of the repository's .mailmap, which changes the names the log gives. */
  mailmap?: string;
  /** History by path relative to the root (`content/issues/3/20-current.md`), renames followed. */
  files: Map<string, FileHistory>;
  /**
   * Content files that differ from the commit (modified, added or untracked), each with the two
   * letters `git status --porcelain` gives it (` M`, `A `, `??`, …).
   */
  uncommitted: Map<string, string>;
  /**
   * The replace refs (`git replace`), each with the object it stands for: they change what the
   * log shows under the same HEAD, so the build stamp compares them.
   */
  replaced?: string;
}

/**
 * The history a long-running process (`mimeo dev`) read last, by the commit it was read at:
 * saving a file does not change the log, only which files are uncommitted.
 */
export interface HistoryMemory {
  /** The full hash of HEAD when `files` was read. */
  head?: string;
  files?: Map<string, FileHistory>;
}

/**
 * Reads the history of `content/` below `root` from Git: one `git log` for every file (not one
 * per file), following renames, plus the commit and the uncommitted files (SPEC §3). With a
 * `memory`, `git log` runs only when HEAD is another commit than the last time. Without `log`,
 * only the commit and the uncommitted files are read (the build stamp's question: is this the
 * state of the last build?).
 */
export async function readGitHistory(root: string, memory?: HistoryMemory, log = true): Promise<GitHistory> {
  const history = await readRepositoryHistory(root, memory, log);
  // Git takes the repository from GIT_DIR (a relative one from the webzine's folder, where it
  // runs) before looking for a `.git`: a hook (`post-receive` sets `GIT_DIR=.`) or a stray
  // export would date the webzine by another repository, or by none. One set on purpose (a work
  // tree kept apart from its repository) holds the webzine's files, and is read as any other.
  const redirected = redirectingVariables();
  if (redirected.length === 0 || holdsWebzine(history)) return history;
  return { files: new Map(), uncommitted: new Map(), missing: 'elsewhere', redirected };
}

// The variables that choose the repository and its work tree instead of the folder Git runs in (git(1)).
const locationVariables = ['GIT_DIR', 'GIT_WORK_TREE'];

function redirectingVariables(): Array<[name: string, value: string]> {
  return locationVariables.flatMap((name) => {
    const value = process.env[name];
    return value === undefined ? [] : [[name, value] as [string, string]];
  });
}

/**
 * Whether the repository Git read holds the webzine: Git found one, could read it, and its commit
 * holds content/site.yml, which every webzine has (as it is, or changed since).
 */
function holdsWebzine(history: GitHistory): boolean {
  if (history.missing === 'no-repository' || history.missing === 'unreadable') return false;
  if (history.missing !== undefined) return true;
  const letters = history.uncommitted.get('content/site.yml');
  return letters === undefined || isChangedSinceCommit(letters);
}

async function readRepositoryHistory(root: string, memory: HistoryMemory | undefined, log: boolean): Promise<GitHistory> {
  const git = (args: string[]) => run('git', [...settings, ...args], { cwd: root, maxBuffer: 512 * 1024 * 1024 }).then((r) => r.stdout);
  const empty: GitHistory = { files: new Map(), uncommitted: new Map() };
  let facts: string[];
  try {
    facts = (await git(['rev-parse', '--is-shallow-repository', '--show-prefix', '--show-toplevel', 'HEAD'])).split('\n');
  } catch (error) {
    const refused = refusedRepository(error);
    if (refused !== undefined) return { ...empty, missing: 'refused', refused };
    // Inside a work tree, only a HEAD that names no commit yet (`git init`, nothing committed) fails here.
    const inRepository = await git(['rev-parse', '--show-toplevel']).then(() => true, () => false);
    return { ...empty, missing: inRepository ? 'no-commit' : 'no-repository' };
  }
  const [shallow, prefix = '', top = root, head] = facts;
  // Not `--short`: how many digits Git gives depends on the clone (its objects, `core.abbrev`).
  const commit = head?.slice(0, shortLength);
  // The names the log gives go through the repository's .mailmap, committed or not.
  const mailmap = mailmapDigest(top);
  const commits = { ...(commit ? { commit } : {}), ...(head ? { head } : {}), ...(mailmap ? { mailmap } : {}) };
  // HEAD's date is what templates read as "now": a shallow clone has it too (its one commit).
  const committedAt = log ? git(['log', '-1', '--format=%cI', 'HEAD']).then((date) => toUtc(date.trim())) : Promise.resolve(undefined);
  if (shallow === 'true') {
    const committed = await committedAt.catch(() => undefined);
    return { ...empty, missing: 'shallow', ...commits, ...(committed ? { committed } : {}) };
  }
  try {
    const known = !log ? new Map<string, FileHistory>() : memory?.head !== undefined && memory.head === head ? memory.files : undefined;
    const [files, status, replaced, committed] = await Promise.all([
      known ?? readLog(git),
      // Without the index lock that status takes to refresh the index: a rebuild by `mimeo dev`
      // in the background must not make the user's `git commit` fail (git(1), `--no-optional-locks`).
      git(['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--', 'content']),
      git(['for-each-ref', '--format=%(refname) %(objectname)', 'refs/replace/']),
      committedAt,
    ]);
    // A commit made while the log was read would leave it newer than `head`: kept only when HEAD stayed.
    if (memory && log && head && (known !== undefined || (await git(['rev-parse', 'HEAD']).catch(() => '')).trim() === head)) Object.assign(memory, { head, files });
    return { files, uncommitted: parseStatus(status, prefix), ...commits, ...(replaced ? { replaced } : {}), ...(committed ? { committed } : {}) };
  } catch {
    // HEAD is a commit, yet Git could not read the log or the status (a missing object, a history
    // too large to read): the build goes on from front matter, and says Git failed.
    return { ...empty, missing: 'unreadable', ...commits };
  }
}

/** The history of content/, with merges as changes where Git can show them so (2.31 and later). */
async function readLog(git: (args: string[]) => Promise<string>): Promise<Map<string, FileHistory>> {
  // `--date-order`: no commit before all its children, which Git's default order, by dates alone,
  // breaks when a commit's clock was behind its parent's; parseLog reads a deletion or a rename
  // before the commits it ends or carries on.
  // `--raw --no-abbrev`: each record names the blobs it removed and added, which tell a file
  // restored as it was from another one made where it was deleted.
  const log = (merges: string[]) => git(['log', '--date-order', '--relative', '-M', ...merges, '--raw', '--no-abbrev', '-z', '--format=%x01%cI%x02%aN%x02%P%x02%H', '--', 'content']);
  // Git before 2.31 shows no merge's changes: each change, a deletion too, then lands at its own commit.
  const shown = log(['--diff-merges=first-parent']).then((text) => ({ text, merges: true }), async () => ({ text: await log([]), merges: false }));
  // The commits of the branch being built, one merge after another: only their merges land changes.
  const [{ text, merges }, mainline] = await Promise.all([shown, git(['rev-list', '--first-parent', 'HEAD'])]);
  return parseLog(text, merges ? new Set(mainline.split('\n').filter(Boolean)) : undefined);
}

/** Reads `git status --porcelain=v1 -z` output into root-relative paths, each with its two status letters. */
export function parseStatus(status: string, prefix: string): Map<string, string> {
  const paths = new Map<string, string>();
  const tokens = status.split('\0');
  for (let i = 0; i < tokens.length; i++) {
    const entry = tokens[i]!;
    if (entry.length < 4) continue;
    // A rename or copy entry is followed by its source path, which is not a file of the tree now.
    // Git sees one in the work tree (second letter) when the new path is added with intent (`git add -N`).
    if (/[RC]/.test(entry.slice(0, 2))) i++;
    // A file deleted is not in the tree either: nothing is built from it. One taken out of the
    // index (`git rm --cached`) is listed once more, as untracked (`??`). A conflict in which one
    // side deleted the file (`DU`, `UD`) leaves the other side's version in the tree: it is kept.
    const letters = entry.slice(0, 2);
    if (letters.includes('D') && !letters.includes('U')) continue;
    const path = entry.slice(3);
    paths.set(path.startsWith(prefix) ? path.slice(prefix.length) : path, letters);
  }
  return paths;
}

/**
 * Whether a file `git status --porcelain` gives these two letters is one the commit holds at its
 * path, changed since: modified (` M`, `M `, `MM`), its type changed (`T`), or in a merge's
 * conflict with our side's version of it (`UU`, `AA`, `AU`, `UD`). Not a file untracked (`??`),
 * added (`A `), moved or copied there (`R `, `C `), added there with intent (` A`, ` R`, ` C`:
 * `git add -N`), nor one the other side of a merge added (`UA`) or that ours deleted (`DU`): the
 * commit holds no version of it.
 */
export function isChangedSinceCommit(letters: string): boolean {
  // The two letters of a conflict are read as a pair (git-status(1), "Short Format").
  if (/U/.test(letters) || letters === 'AA' || letters === 'DD') return ourConflicts.has(letters);
  return /^[ MT][ MTD]$/.test(letters);
}

// The conflicts in which our side, the commit, holds a version of the file.
const ourConflicts = new Set(['UU', 'AA', 'AU', 'UD']);

/**
 * The history whose dates and names a content file takes: its own when it is committed as it
 * is or changed since its last commit (SPEC §3); none when the commit holds no version of it
 * (untracked, added, moved there), or when the last change Git recorded at its path is a
 * deletion, which makes it another file made anew there.
 */
export function committedHistoryOf(history: GitHistory, path: string): FileHistory | undefined {
  const file = history.files.get(path);
  // Whether git status lists it or not: it lists no ignored file, and a file made anew where the
  // deleted one was may be ignored.
  if (file?.deleted) return undefined;
  const letters = history.uncommitted.get(path);
  return letters === undefined || isChangedSinceCommit(letters) ? file : undefined;
}

/** The hash of the repository's .mailmap (at the top of its work tree), or `undefined` when it has none. */
function mailmapDigest(top: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(path.join(top, '.mailmap'))).digest('hex');
  } catch {
    return undefined;
  }
}

/**
 * The texts of files as commits hold them, asked as `[commit, root-relative path]`, read with one
 * `git cat-file --batch`: `undefined` for a file the commit does not hold (or a name a line of
 * input can not carry).
 */
export async function readCommittedTexts(root: string, wanted: ReadonlyArray<readonly [commit: string, path: string]>): Promise<Array<string | undefined>> {
  const asked = wanted.filter(([commit, file]) => /^[0-9a-f]+$/.test(commit) && !/[\n\r]/.test(file));
  if (asked.length === 0) return wanted.map(() => undefined);
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', [...settings, 'cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file exited with ${code}`))));
    // `./`: the path is taken from the webzine's folder, not from the repository's top.
    child.stdin.end(asked.map(([commit, file]) => `${commit}:./${file}\n`).join(''));
  });
  const texts = new Map<string, string | undefined>();
  let at = 0;
  for (const [commit, file] of asked) {
    const end = output.indexOf(0x0a, at);
    if (end < 0) break;
    // `<object> <type> <size>`, then the bytes; `<asked> missing` (or `ambiguous`), and nothing
    // more, when there is no such file (the name asked may hold spaces).
    const [object = '', type, size = ''] = output.subarray(at, end).toString('utf8').split(' ');
    at = end + 1;
    if (!/^[0-9a-f]{40,64}$/.test(object) || !/^\d+$/.test(size)) continue;
    if (type === 'blob') texts.set(`${commit}:${file}`, output.subarray(at, at + Number(size)).toString('utf8'));
    at += Number(size) + 1;
  }
  return wanted.map(([commit, file]) => texts.get(`${commit}:${file}`));
}
