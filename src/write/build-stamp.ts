import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readGitHistory, type GitHistory } from '../load/git-history.js';
import { isInside } from '../load/load-sources.js';
import { outputTreeNames } from './output-file.js';

// A build that wrote its output records the state of everything it was made of: the state of
// each file of content/, of the webzine's themes/ and of mimeo's own code and themes, the Git
// commit and uncommitted files, the options. The next build first compares that record with the
// state now; when nothing changed and the output is still the one written, there is nothing to
// do, as `make` finds. Only states are compared (size, times, inode: `fileStamp`), no file is
// read, except those changed too near the recording build's start for their state to tell
// (see `racyMargin`), which are compared by their bytes, as Git does with "racily clean" files.

/** What the last build said, told again by a build that finds nothing changed. */
export interface StampReport {
  notes: string[];
  /** Its diagnostics (warnings: a build with errors writes nothing), without their `cause`. */
  diagnostics: Diagnostic[];
  pages: number;
  entries: number;
  gemtext: number;
}

/** What decides a build's output besides its files. */
export interface StampOptions {
  root: string;
  out: string;
  cacheDir: string;
  drafts: boolean;
  baseUrl: string | undefined;
}

/** The state of a build's input files, taken before they are read. */
export interface InputStates {
  /** `path\0state` lines, in walk order. */
  lines: string[];
  /** Files whose state changed within `racyMargin` of `takenAt`: compared by bytes. */
  racy: string[];
}

// Changes whenever the stamp's shape or meaning does.
const format = 1;

// A file changed this little before its state was taken may change again with the same state (a
// clock that ticks coarsely: 2 s on FAT, a few milliseconds on Linux): its bytes are hashed.
const racyMargin = 3000;

interface Stamp {
  format: number;
  out: string;
  inputs: string;
  racy: Record<string, string>;
  outputs: string;
  report: StampReport;
}

/** The stamp's file for output folder `out`, beside the output memo in the cache. */
function stampFile(options: StampOptions): string {
  return path.join(options.cacheDir, 'outputs', `${createHash('sha1').update(options.out).digest('hex').slice(0, 16)}.stamp.json`);
}

/**
 * Takes the state of every input file, before a build reads them. A file changed after this
 * has another state (its change time can not be set back), however its bytes were read.
 */
export function takeInputStates(options: StampOptions): InputStates {
  const takenAt = Date.now();
  const lines: string[] = [];
  const racy: string[] = [];
  walkInputs(options.root, (file, stats) => {
    lines.push(`${file}\0${stateOf(stats)}`);
    if (Math.max(stats.mtimeMs, stats.ctimeMs) >= takenAt - racyMargin) racy.push(file);
  });
  return { lines, racy };
}

/** Forgets the stamp of `options.out`: the build under way may change the output. */
export function forgetStamp(options: StampOptions): void {
  rmSync(stampFile(options), { force: true });
}

/**
 * Records that the output folder now holds what `inputs` (taken before the build read them), the
 * Git state `git` and the options make, and what the build said. Nothing is recorded when a racy
 * file can not be read.
 */
export function saveStamp(options: StampOptions, inputs: InputStates, git: GitHistory, report: StampReport): void {
  const racy: Record<string, string> = {};
  for (const file of inputs.racy) {
    const digest = bytesDigest(file);
    if (digest === undefined) return;
    racy[file] = digest;
  }
  const stamp: Stamp = {
    format,
    out: options.out,
    inputs: inputsDigest(options, inputs.lines, racy, git),
    racy,
    outputs: outputsDigest(options.out),
    report: { ...report, diagnostics: report.diagnostics.map(({ cause: _cause, ...rest }) => rest) },
  };
  const file = stampFile(options);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, JSON.stringify(stamp));
    renameSync(temporary, file);
  } catch {
    // A cache that can not be written only makes the next build do the work.
    rmSync(temporary, { force: true });
  }
}

/**
 * What the last build said, when nothing it was made of changed since and its output folder is
 * as it left it; else the state of the inputs now, for the build that must be done to record.
 */
export async function upToDate(options: StampOptions): Promise<{ report: StampReport } | { inputs: InputStates }> {
  let stamp: Stamp | undefined;
  try {
    stamp = JSON.parse(readFileSync(stampFile(options), 'utf8')) as Stamp;
    if (stamp.format !== format || stamp.out !== options.out || typeof stamp.racy !== 'object' || stamp.racy === null) stamp = undefined;
  } catch {
    // No stamp, or one that can not be read: the build is done, and records one.
  }
  // Git answers in a process of its own while the files' states are taken here.
  const git = stamp ? readGitHistory(options.root, undefined, false) : undefined;
  // Taken before the build reads anything: when it must be done, it records these.
  const inputs = takeInputStates(options);
  if (!stamp || !git) return { inputs };
  const racy: Record<string, string> = {};
  for (const file of Object.keys(stamp.racy)) {
    const digest = bytesDigest(file);
    if (digest === undefined) return { inputs };
    racy[file] = digest;
  }
  if (inputsDigest(options, inputs.lines, racy, await git) !== stamp.inputs) return { inputs };
  if (outputsDigest(options.out) !== stamp.outputs) return { inputs };
  return { report: stamp.report };
}

/**
 * What of the machine changes how outputs are written: Liquid's `date` filter writes local time,
 * and dates are spelt by Node's Intl, whose data comes with Node and its ICU.
 */
export function runtimeFacts(): string {
  const { node, icu, cldr, tz, unicode } = process.versions;
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  return JSON.stringify([node, icu, cldr, tz, unicode, timeZone, locale]);
}

function stateOf(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

function bytesDigest(file: string): string | undefined {
  try {
    return createHash('sha1').update(readFileSync(file)).digest('base64');
  } catch {
    return undefined;
  }
}

function inputsDigest(options: StampOptions, lines: readonly string[], racy: Readonly<Record<string, string>>, git: GitHistory): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([runtimeFacts(), options.root, options.out, options.drafts, options.baseUrl ?? null]));
  hash.update(JSON.stringify([git.missing ?? null, git.head ?? null, [...git.uncommitted].sort()]));
  for (const line of lines) {
    const file = line.slice(0, line.indexOf('\0'));
    hash.update(file in racy ? `${file}\0bytes:${racy[file]}\n` : `${line}\n`);
  }
  return hash.digest('hex');
}

// mimeo's own files: its compiled code, its themes, and the list of installed packages (npm
// rewrites it on every install), found beside the Markdown stack wherever it is installed.
const mimeoFolder = fileURLToPath(new URL('../../', import.meta.url));

function installedList(): string | undefined {
  try {
    const entry = fileURLToPath(import.meta.resolve('micromark'));
    const modules = entry.slice(0, entry.lastIndexOf(`${path.sep}node_modules${path.sep}`) + '/node_modules'.length);
    return path.join(modules, '.package-lock.json');
  } catch {
    return undefined;
  }
}

/**
 * Calls `found` with the state of every file a build may read, in a fixed order: content/ (links
 * followed where the build follows them, inside content/), themes/ (each theme's folder may be a
 * link), mimeo's code and themes. A link records where it leads; a missing folder, that it is missing.
 */
function walkInputs(root: string, found: (file: string, stats: Stats) => void): void {
  const content = path.join(root, 'content');
  walkFolder(content, realOf(content), found);
  const themes = path.join(root, 'themes');
  for (const { name } of entriesOf(themes, found)) {
    const theme = path.join(themes, name);
    walkFolder(theme, realOf(theme), found);
  }
  walkFolder(path.join(mimeoFolder, 'lib'), realOf(path.join(mimeoFolder, 'lib')), found);
  walkFolder(path.join(mimeoFolder, 'themes'), realOf(path.join(mimeoFolder, 'themes')), found);
  for (const file of [path.join(mimeoFolder, 'package.json'), installedList()]) {
    if (file === undefined) continue;
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats) found(file, stats);
  }
}

function realOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

/** The entries of `folder`, sorted by name; a folder that can not be listed is recorded as such. */
function entriesOf(folder: string, found: (file: string, stats: Stats) => void): Dirent[] {
  try {
    return readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    found(`${folder}\0missing`, missingStats);
    return [];
  }
}

const missingStats = { size: -1, mtimeMs: 0, ctimeMs: 0, ino: 0 } as Stats;

function walkFolder(folder: string, bound: string, found: (file: string, stats: Stats) => void, seen = new Set<string>()): void {
  const real = realOf(folder);
  if (seen.has(real)) return found(`${folder}\0loop`, missingStats);
  seen.add(real);
  for (const entry of entriesOf(folder, found)) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) walkFolder(file, bound, found, seen);
    else if (entry.isSymbolicLink()) {
      const target = realOf(file);
      found(`${file}\0link:${target}`, missingStats);
      const stats = statSync(file, { throwIfNoEntry: false });
      if (stats?.isFile()) found(target, stats);
      else if (stats?.isDirectory() && isInside(target, bound)) walkFolder(file, bound, found, seen);
    } else {
      const stats = lstatSync(file, { throwIfNoEntry: false });
      if (stats) found(file, stats);
    }
  }
}

/** The state of every file and folder of the output trees. */
function outputsDigest(out: string): string {
  const hash = createHash('sha256');
  const visit = (folder: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      hash.update(`${folder}\0none\n`);
      return;
    }
    for (const entry of entries) {
      const file = path.join(folder, entry.name);
      // A folder is known by its listing: a file added or removed changes it.
      if (entry.isDirectory()) {
        hash.update(`${file}/\n`);
        visit(file);
        continue;
      }
      const stats = lstatSync(file, { throwIfNoEntry: false });
      hash.update(`${file}\0${stats ? `${stats.isFile() ? 'file' : 'other'}:${stats.size}:${stats.mtimeMs}:${stats.ino}` : 'gone'}\n`);
    }
  };
  for (const tree of outputTreeNames) visit(path.join(out, tree));
  return hash.digest('hex');
}
