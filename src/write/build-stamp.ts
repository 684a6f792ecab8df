import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeFolder } from '../util/make-folder.js';
import { isChangedSinceCommit, readGitHistory, type GitHistory } from '../load/git-history.js';
import { walkFolderInputs, walkInputs } from './input-walk.js';
import { outputTreeNames } from './output-file.js';
import { currentUmask } from './output-modes.js';

// A build that wrote its output records the state of everything it was made of: the state of
// each file of content/, of its theme and of mimeo's own code, themes and packages, the Git
// commit and uncommitted files, the options. The next build first compares that record with the
// state now; when nothing changed and the output is still the one written, there is nothing to
// do, as `make` finds. States are compared (size, times, inode: see `fileStamp`), without
// reading the files, but for those changed too near the moment their state was taken for it to
// tell (`racyMargin`): their bytes are hashed then, before the build reads them, and compared,
// as Git does with "racily clean" files.

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
  /** When the states were taken (ms since the epoch). */
  takenAt: number;
  /** `path\0state` lines, in walk order. */
  lines: string[];
  /** The hash of the bytes of each file changed within `racyMargin` of `takenAt`, read then. */
  racy: Record<string, string>;
  /** Folders walked besides the usual ones: a theme kept outside `themes/`. */
  folders: string[];
}

// Changes whenever the stamp's shape or meaning does.
const format = 2;

// A file changed this little before its state was taken may change again with the same state (a
// clock that ticks coarsely: 2 s on FAT, a few milliseconds on Linux): its bytes are hashed.
const racyMargin = 3000;

// What a file that could not be read is recorded as, for a build that reports it.
const unreadable = 'unreadable';
// What a racy file that is no longer a regular file (a FIFO, a device) is recorded as: no build reads it.
const notAFile = 'not a file';

interface Stamp {
  format: number;
  out: string;
  inputs: string;
  racy: Record<string, string>;
  folders: string[];
  outputs: string;
  report: StampReport;
}

/** The stamp's file for output folder `out`, beside the output memo in the cache. */
function stampFile(options: StampOptions): string {
  return path.join(options.cacheDir, 'outputs', `${createHash('sha1').update(options.out).digest('hex').slice(0, 16)}.stamp.json`);
}

/**
 * Takes the state of every input file (and of the files of `folders`), before a build reads
 * them. A file changed after this has another state (its change time can not be set back),
 * however its bytes were read.
 */
export function takeInputStates(options: StampOptions, folders: readonly string[] = []): InputStates {
  const inputs: InputStates = { takenAt: Date.now(), lines: [], racy: {}, folders: [] };
  walkInputs(options.root, record(inputs));
  for (const folder of folders) addFolderStates(inputs, folder);
  return inputs;
}

/** Adds the states of the files of `folder`, taken now, before the build reads them (a theme outside `themes/`). */
export function addFolderStates(inputs: InputStates, folder: string): void {
  if (inputs.folders.includes(folder)) return;
  inputs.folders.push(folder);
  walkFolderInputs(folder, record(inputs));
}

function record(inputs: InputStates): (file: string, stats: Stats) => void {
  return (file, stats) => {
    inputs.lines.push(`${file}\0${stateOf(stats)}`);
    // Only a regular file is read, as the load reads only those: a FIFO would block the build.
    if (Math.max(stats.mtimeMs, stats.ctimeMs) >= inputs.takenAt - racyMargin && stats.isFile()) inputs.racy[file] = bytesDigest(file);
  };
}

/** Forgets the stamp of `options.out`: the build under way may change the output. */
export function forgetStamp(options: StampOptions): void {
  rmSync(stampFile(options), { force: true });
}

/**
 * Records that the output folder now holds what `inputs` (taken before the build read them), the
 * Git state `git` and the options make, and what the build said.
 */
export function saveStamp(options: StampOptions, inputs: InputStates, git: GitHistory, report: StampReport): void {
  writeStamp(options, {
    format,
    out: options.out,
    inputs: inputsDigest(options, inputs, inputs.racy, git),
    racy: inputs.racy,
    folders: inputs.folders,
    outputs: outputsDigest(options.out),
    report: { ...report, diagnostics: report.diagnostics.map(({ cause: _cause, ...rest }) => rest) },
  });
}

function writeStamp(options: StampOptions, stamp: Stamp): void {
  const file = stampFile(options);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    makeFolder(path.dirname(file));
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
    if (stamp.format !== format || stamp.out !== options.out || typeof stamp.racy !== 'object' || stamp.racy === null || !Array.isArray(stamp.folders)) stamp = undefined;
  } catch {
    // No stamp, or one that can not be read: the build is done, and records one.
  }
  // Git answers in a process of its own while the files' states are taken here.
  const git = stamp ? readGitHistory(options.root, undefined, false) : undefined;
  // Taken before the build reads anything: when it must be done, it records these.
  const inputs = takeInputStates(options, stamp?.folders);
  if (!stamp || !git) return { inputs };
  // The files racy when the stamp was made are compared by their bytes.
  const racy: Record<string, string> = {};
  for (const file of Object.keys(stamp.racy)) racy[file] = inputs.racy[file] ?? bytesDigest(file);
  const history = await git;
  if (inputsDigest(options, inputs, racy, history) !== stamp.inputs) return { inputs };
  if (outputsDigest(options.out) !== stamp.outputs) return { inputs };
  // Files racy then and old enough now are recorded by their state, so the next build reads them no more.
  if (Object.keys(stamp.racy).some((file) => !(file in inputs.racy))) {
    writeStamp(options, { ...stamp, inputs: inputsDigest(options, inputs, inputs.racy, history), racy: inputs.racy });
  }
  return { report: stamp.report };
}

/**
 * What of the machine changes how outputs are written: dates are spelt by Node's Intl, whose data
 * comes with Node and its ICU. Not the time zone nor the locale: every date is written in UTC
 * with the names of the page's language, whatever the machine's (templates' date filters too).
 */
export function runtimeFacts(): string {
  const { node, icu, cldr, tz, unicode } = process.versions;
  return JSON.stringify([node, icu, cldr, tz, unicode]);
}

function stateOf(stats: Stats): string {
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

/** The hash of a regular file's bytes; what stands at `file` now may be a FIFO put where a file was, which is not waited on. */
function bytesDigest(file: string): string {
  let descriptor: number | undefined;
  try {
    // Opened without blocking, so a FIFO with no writer opens at once; O_NONBLOCK is undefined on Windows, which has none.
    descriptor = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(descriptor).isFile()) return notAFile;
    return createHash('sha1').update(readFileSync(descriptor)).digest('base64');
  } catch {
    return unreadable;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

function inputsDigest(options: StampOptions, inputs: InputStates, racy: Readonly<Record<string, string>>, git: GitHistory): string {
  const hash = createHash('sha256');
  // The umask too: a build under another one gives the output files it keeps that umask's mode.
  hash.update(JSON.stringify([runtimeFacts(), currentUmask(), options.root, options.out, options.drafts, options.baseUrl ?? null, inputs.folders]));
  hash.update(JSON.stringify([git.missing ?? null, git.head ?? null, git.commit ?? null, git.replaced ?? null, git.mailmap ?? null, uncommittedStates(git)]));
  for (const line of inputs.lines) {
    const file = line.slice(0, line.indexOf('\0'));
    hash.update(file in racy ? `${file}\0bytes:${racy[file]}\n` : `${line}\n`);
  }
  return hash.digest('hex');
}

// Each uncommitted file with whether the commit holds a version of it, which decides its dates
// (`committedHistoryOf`): a change staged or not builds alike, a file taken out of the index does not.
function uncommittedStates(git: GitHistory): string[] {
  return [...git.uncommitted].map(([path, letters]) => `${isChangedSinceCommit(letters) ? 'changed' : 'new'} ${path}`).sort();
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
      hash.update(`${file}\0${stats ? `${stats.isFile() ? 'file' : 'other'}:${stateOf(stats)}` : 'gone'}\n`);
    }
  };
  for (const tree of outputTreeNames) visit(path.join(out, tree));
  return hash.digest('hex');
}
