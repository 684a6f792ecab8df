import { readFileSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { decodeText } from './decode.js';
import { fileStamp } from './file-stamp.js';
import { isInside, refusedRead, toPosix, walkContent } from './content-walk.js';
import { compareText } from '../util/compare-text.js';

export { isInside };

/** A text file of the webzine, decoded (see {@link decodeText}). */
export interface TextSource {
  /** Path relative to the root, with forward slashes: `content/issues/3/20-current.md`. */
  path: string;
  text: string;
}

/** A file copied as it is (images, static files): only its place is known until it is written. */
export interface AssetSource {
  /** Path relative to the root, with forward slashes. */
  path: string;
  /** Absolute path on disk, read only by the write stage. */
  absolutePath: string;
  /** The text of a file that can hold script (SVG, HTML, XML), checked before it is published. */
  markup?: string;
}

/** Every file of a webzine's `content/` folder, sorted by path. */
export interface Sources {
  texts: TextSource[];
  assets: AssetSource[];
  /** Text files that could not be decoded (reported), so nothing reports them missing again. */
  unreadable: string[];
}

const textExtensions = new Set(['.md', '.yml', '.yaml']);
// The other names Markdown files go by, in any case: mimeo reads `.md` only.
const markdownExtensions = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn', '.mdwn', '.mdtxt', '.mdtext']);
// Files a browser may run script from when they are opened on the site.
// Files a web server may send as a document a browser runs script in: HTML, XHTML, SVG and XML
// (whose XHTML elements, or XSLT, can run script), by the extensions of common MIME type tables.
const markupExtensions = new Set(['.svg', '.svgz', '.html', '.htm', '.shtml', '.mht', '.mhtml', '.xhtml', '.xht', '.xhtm', '.xml', '.xsl', '.xslt', '.xsd', '.rdf', '.rss', '.atom', '.opml', '.kml', '.gpx', '.xbl', '.xul', '.mml']);

/**
 * Reads `content/` below `root`: Markdown and YAML as text, everything else as assets. Hidden
 * files are skipped; a symbolic link that leads outside the root is reported and skipped
 * (SPEC §7).
 */
export async function loadSources(root: string, report: Report, memory?: SourceMemory): Promise<Sources> {
  const sources: Sources = { texts: [], assets: [], unreadable: [] };
  // Links may lead anywhere inside content/, never out of it (SPEC §7).
  const realContent = await realpath(path.join(root, 'content')).catch(() => path.join(root, 'content'));
  const files = await walkContent(path.join(root, 'content'), realContent, root, report);
  const found: string[] = [];
  for (const { absolutePath, linked } of files) {
    // The watcher reports a change at the file's real place: one reached through a link is always read.
    const read = memory && !linked ? memory.read : readFile;
    const relative = toPosix(path.relative(root, absolutePath));
    found.push(linked ? `${relative} (linked)` : relative);
    const extension = path.extname(absolutePath).toLowerCase();
    if (markupExtensions.has(extension)) {
      sources.assets.push({ path: relative, absolutePath, markup: read(absolutePath, relative, report, readMarkup) ?? '' });
      continue;
    }
    // Markdown under another extension would be left out without a word (`.MD`) or copied as it is (`.markdown`).
    const written = path.extname(absolutePath);
    if (markdownExtensions.has(extension) && written !== '.md' && !relative.startsWith('content/static/')) {
      const name = path.basename(relative);
      reportRule(report, 'path/markdown-extension', { file: relative }, { name, rename: `${name.slice(0, -written.length)}.md` });
      sources.unreadable.push(relative);
      continue;
    }
    if (!textExtensions.has(extension) || relative.startsWith('content/static/')) {
      sources.assets.push({ path: relative, absolutePath });
      continue;
    }
    const text = read(absolutePath, relative, report, decodeText);
    if (text !== undefined) sources.texts.push({ path: relative, text });
    else sources.unreadable.push(relative);
  }
  memory?.sweep(found.sort(compareText));
  sources.texts.sort((a, b) => compareText(a.path, b.path));
  sources.assets.sort((a, b) => compareText(a.path, b.path));
  return sources;
}

/** Turns a file's bytes into its text, reporting what is wrong with them; `undefined` when unreadable. */
type Decode = (bytes: Uint8Array, file: string, report: Report) => string | undefined;

type Read = (absolutePath: string, relative: string, report: Report, decode: Decode) => string | undefined;

// Read one after another without waiting on the event loop: a thousand small awaited reads cost several times more.
const readFile: Read = (absolutePath, relative, report, decode) => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    throw refusedRead(error, `read ${relative}`);
  }
  return decode(bytes, relative, report);
};

/**
 * Starts the text of a markup file that starts with a UTF-16 byte order mark, which a browser
 * obeys before anything else: a lone surrogate, which no UTF-8 decoding ever gives, so a file can
 * not forge it (the check of copied files refuses such a file).
 */
export const utf16Mark = '\uD800';

/** The text of a file a browser may run script from (by its extension), to be checked before it is published; `undefined` for any other file. */
export function markupOf(file: string, bytes: Uint8Array): string | undefined {
  return markupExtensions.has(path.extname(file).toLowerCase()) ? readMarkup(bytes, file, () => undefined) : undefined;
}

const readMarkup: Decode = (bytes) => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = (buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff);
  return (utf16 ? utf16Mark : '') + buffer.toString('utf8');
};

/**
 * The texts read by the last loads, for `mimeo dev`: a file whose stamp (size, times, inode) is
 * the same and that the watcher did not name is not read again, and what reading it reported is
 * reported again. The stamp catches what a watcher misses (an overflowing event queue, a mount
 * that sends no events); the watcher's word, what a coarse clock misses.
 */
export interface SourceMemory {
  /** Reads a file, or gives the text it had when last read; for {@link loadSources}. */
  read: Read;
  /** Reads again these paths (relative to the root) at the next load: the watcher saw them change. */
  forget(paths: Iterable<string>): void;
  /** Forgets the files the last load did not list (removed), given every file it found; for {@link loadSources}. */
  sweep(found: readonly string[]): void;
  /** What the last load found changed since the load before it (everything, after the first). */
  lastChanges(): SourceChanges;
  /**
   * Reads again the Markdown files `paths` (relative to `root`), alone, taking the watcher's word
   * that nothing else changed: their texts, and which of them changed since they were read
   * (`mimeo dev`, for a save that changes bodies only). `undefined` when one of them is not a
   * text the last load read, or can not be read now. Not counted by {@link lastChanges}.
   */
  reread(root: string, paths: readonly string[], report: Report): { texts: TextSource[]; changed: Set<string> } | undefined;
  /**
   * Whether the last load found no file through a symbolic link, and each of `files` (copied
   * files of `content/`) is still there, those it read (SVG, HTML) with the stamp it read them at.
   */
  asLoaded(files: ReadonlyArray<{ path: string; absolutePath: string }>): boolean;
}

/** What changed in `content/` from one load to the next, as a {@link SourceMemory} saw it. */
export interface SourceChanges {
  /** Whether files were added, removed or renamed, or are reached through a symbolic link (read every time, not compared). */
  listChanged: boolean;
  /** The files read (texts and checked markup) whose text is not the one the load before read, or whose reading reported something then or now. */
  changed: ReadonlySet<string>;
}

/** Makes an empty {@link SourceMemory}. */
export function createSourceMemory(): SourceMemory {
  const known = new Map<string, { text: string | undefined; diagnostics: Diagnostic[]; stamp: string | undefined; used: boolean }>();
  // Found by the load under way, then kept as the last load's.
  let changed = new Set<string>();
  let list: readonly string[] = [];
  let last: SourceChanges = { listChanged: true, changed: new Set() };
  return {
    read(absolutePath, relative, report, decode) {
      const stamp = fileStamp(absolutePath);
      let entry = known.get(relative);
      if (!entry || stamp === undefined || entry.stamp !== stamp) {
        const diagnostics: Diagnostic[] = [];
        const text = readFile(absolutePath, relative, (diagnostic) => diagnostics.push(diagnostic), decode);
        // What reading reported counts too: a dropped control character leaves the same text.
        if (text === undefined || text !== entry?.text || diagnostics.length > 0 || (entry?.diagnostics.length ?? 0) > 0) changed.add(relative);
        entry = { text, diagnostics, stamp, used: false };
        // An unreadable file is read again each time: nothing of it is kept.
        if (text !== undefined) known.set(relative, entry);
        else known.delete(relative);
      }
      entry.used = true;
      entry.diagnostics.forEach(report);
      return entry.text;
    },
    forget(paths) {
      // Kept, to tell whether the text read again is another: only its stamp is forgotten.
      for (const file of paths) {
        const entry = known.get(file);
        if (entry) entry.stamp = undefined;
      }
    },
    sweep(found) {
      for (const [file, entry] of known) {
        if (!entry.used) known.delete(file);
        entry.used = false;
      }
      const listChanged = found.length !== list.length || found.some((file, index) => file !== list[index] || file.endsWith(' (linked)'));
      last = { listChanged, changed };
      [list, changed] = [found, new Set()];
    },
    lastChanges: () => last,
    asLoaded(files) {
      if (list.some((file) => file.endsWith(' (linked)'))) return false;
      return files.every((file) => {
        const stamp = fileStamp(file.absolutePath);
        const entry = known.get(file.path);
        return stamp !== undefined && (entry === undefined || entry.stamp === stamp);
      });
    },
    reread(root, paths, report) {
      const texts: TextSource[] = [];
      const rereadChanged = new Set<string>();
      for (const relative of paths) {
        const entry = known.get(relative);
        const absolutePath = path.join(root, relative);
        const stamp = fileStamp(absolutePath);
        if (!entry || entry.text === undefined || stamp === undefined || path.extname(relative) !== '.md') return undefined;
        const diagnostics: Diagnostic[] = [];
        const text = readFile(absolutePath, relative, (diagnostic) => diagnostics.push(diagnostic), decodeText);
        if (text === undefined) return undefined;
        if (text !== entry.text || diagnostics.length > 0 || entry.diagnostics.length > 0) rereadChanged.add(relative);
        known.set(relative, { text, diagnostics, stamp, used: entry.used });
        diagnostics.forEach(report);
        texts.push({ path: relative, text });
      }
      return { texts, changed: rereadChanged };
    },
  };
}
