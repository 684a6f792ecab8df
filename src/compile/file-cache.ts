import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { TextSource } from '../load/load-sources.js';
import { makeFolder } from '../util/make-folder.js';
import { PackWriter, type PackPlace } from './cache-pack.js';
import { installedListFile, markdownPackages, packageManifest } from './packages.js';
import { storeContent, type BodyContent, type CompiledFile, type CompileOptions } from './compiled.js';

/**
 * Where a build keeps compiled Markdown files: the persistent cache, or a temporary folder when
 * there is none. An entry of the cache is two small files named by the hash of everything the
 * compiled result depends on: the file's front matter, anchors and links (read by every build),
 * and its fragments (read only when a page that shows them is rendered). So an entry is either
 * right or not found, and memory does not grow with the webzine. A temporary store keeps only
 * the fragments, each thread's appended to a file of its own ({@link PackWriter}).
 */
export interface FileCache {
  /** The entry name of a source: the hash of its path, its text, mimeo's code and the compile options. */
  keyOf(source: TextSource): string;
  /** The compiled file stored under `key` (its fragments left in the store), if it can be read back whole. */
  read(key: string, source: TextSource): CompiledFile | undefined;
  /** Where entry `key` goes (workers write their own entries). */
  filesOf(key: string): EntryFiles;
  /** Stores a compiled file and lets go of its fragments, which are read back when needed (kept when the store can not take them). */
  write(key: string, file: CompiledFile): void;
  /** Takes a compiled file whose entry a worker wrote (at `place`, in a temporary store): its fragments are read back when needed. */
  adopt(key: string, file: CompiledFile, place?: PackPlace): CompiledFile;
  /** Entries that existed but could not be used (corrupted, or written by something else). */
  readonly rejected: string[];
  /** Closes the files the store holds open (a temporary store's packs), once no page needs its fragments. */
  close(): void;
}

/**
 * Where an entry goes: its two files in the persistent cache, or, in a temporary store (a build
 * without the cache, which alone reads it, and never reads a meta file back), the pack of the
 * thread that writes it, in the store's folder.
 */
export type EntryFiles = { meta: string; content: string; packFolder?: undefined } | { packFolder: string };

/** The bytes of one entry. The key is stored in both files and the content's hash in the first, so a file renamed, copied or changed is not taken. */
export function serializeEntry(key: string, file: CompiledFile): { meta: Uint8Array; content: Uint8Array } {
  const content = serializeContent(key, file);
  const { content: _fragments, ...body } = file.body;
  const payload = serialize({ ...file, body });
  const meta = serialize({ format, key, contentHash: hashOf(content), payloadHash: hashOf(payload), payload });
  return { meta, content };
}

/** The bytes of an entry's fragments, all a temporary store keeps. */
export function serializeContent(key: string, file: CompiledFile): Uint8Array {
  return serialize({ format, key, content: file.body.content });
}

/** Writes the files of a cache entry, each whole or not at all; `false` when the store could not take them. */
export function writeEntryFiles(files: { meta: string; content: string }, bytes: { meta: Uint8Array; content: Uint8Array }): boolean {
  // The content first: a meta file only ever stands beside the content it names.
  return writeEntry(files.content, bytes.content) && writeEntry(files.meta, bytes.meta);
}

// Changes whenever the shape of an entry does.
const format = 3;

/**
 * When an entry's fragments are checked against the hash its first file holds: when the entry is
 * looked up (a torn entry is then simply not found), or when a page first needs them, which
 * spares reading the fragments of every page a warm build does not render again; a torn entry
 * then throws {@link CorruptCacheEntry} in the middle of the build, to be built again checking
 * at lookup.
 */
export type FragmentCheck = 'at-lookup' | 'at-use';

/** Thrown, when fragments are checked at use, by a page that needs fragments that do not match their entry. */
export class CorruptCacheEntry extends Error {
  constructor(readonly entry: string) {
    super(`the cache entry ${entry} is corrupted`);
  }
}

/** The {@link CorruptCacheEntry} an error is, or was caused by, if any. */
export function corruptEntryIn(error: unknown): CorruptCacheEntry | undefined {
  let cause = error;
  // A few levels of wrapping at most; a chain of causes may loop.
  for (let depth = 0; depth < 8 && cause instanceof Error; depth++) {
    if (cause instanceof CorruptCacheEntry) return cause;
    cause = cause.cause ?? (cause as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * Opens (creating on first write) the store in `folder`, for builds with these compile options.
 * A temporary store (made for one build, removed after it) is looked up by no one: its entries
 * are only written, their fragments straight into `folder`, to be read back by the pages.
 */
export function openFileCache(folder: string, options: CompileOptions, check: FragmentCheck = 'at-lookup', temporary = false): FileCache {
  const salt = `${format}\0${codeFingerprint()}\0${JSON.stringify(options)}`;
  const rejected: string[] = [];
  const entryFiles = (key: string) => ({
    meta: path.join(folder, 'files', key.slice(0, 2), key.slice(2)),
    content: path.join(folder, 'bodies', key.slice(0, 2), key.slice(2)),
  });
  const filesOf = (key: string): EntryFiles => (temporary ? { packFolder: folder } : entryFiles(key));
  // This thread's pack, and the packs read from, by file: open until the store is closed.
  const writer = temporary ? new PackWriter(folder) : undefined;
  const readers = new Map<string, number>();
  const readPlace = (place: PackPlace): Buffer => {
    let fd = readers.get(place.file);
    if (fd === undefined) readers.set(place.file, (fd = openSync(place.file, 'r')));
    const bytes = Buffer.allocUnsafe(place.length);
    for (let done = 0; done < place.length; ) {
      const read = readSync(fd, bytes, done, place.length - done, place.offset + done);
      if (read === 0) throw new Error('the pack ends early');
      done += read;
    }
    return bytes;
  };
  // `expected`: the hash the fragments must have, when they were not checked at lookup.
  const loader = (key: string, expected?: string, place?: PackPlace) => () => {
    const { content: file, meta } = place ? { content: place.file, meta: place.file } : entryFiles(key);
    try {
      const bytes = place ? readPlace(place) : readFileSync(file);
      if (expected !== undefined && hashOf(bytes) !== expected) throw new CorruptCacheEntry(path.relative(folder, meta));
      const entry = deserialize(bytes) as { format?: unknown; key?: unknown; content?: BodyContent };
      if (entry.format === format && entry.key === key && isContent(entry.content)) {
        // Checked once: read again, the same file is taken as it is.
        expected = undefined;
        return entry.content;
      }
    } catch (error) {
      if (error instanceof CorruptCacheEntry) throw error;
      if (expected !== undefined) throw new CorruptCacheEntry(path.relative(folder, meta));
      // Else reported below.
    }
    throw new Error(`the cache entry ${file} changed while mimeo was building; build again`);
  };
  const adopt = (key: string, file: CompiledFile, place?: PackPlace): CompiledFile => {
    storeContent(file.body, loader(key, undefined, place));
    return file;
  };
  return {
    keyOf: (source) => createHash('sha256').update(salt).update('\0').update(source.path).update('\0').update(source.text).digest('hex'),
    filesOf,
    read(key, source) {
      if (temporary) return undefined;
      const files = entryFiles(key);
      let meta: Buffer;
      try {
        meta = readFileSync(files.meta);
      } catch {
        return undefined;
      }
      try {
        const entry = deserialize(meta) as { format?: unknown; key?: unknown; contentHash?: unknown; payloadHash?: unknown; payload?: Uint8Array };
        if (entry.format !== format || entry.key !== key || !(entry.payload instanceof Uint8Array) || hashOf(entry.payload) !== entry.payloadHash) throw new Error('not an entry of this cache');
        const file = deserialize(entry.payload) as CompiledFile | undefined;
        if (!isCompiledFile(file, source.path)) throw new Error('not a compiled file');
        if (typeof entry.contentHash !== 'string') throw new Error('not an entry of this cache');
        if (check === 'at-use') {
          storeContent(file.body, loader(key, entry.contentHash));
          return file;
        }
        // The fragments are read now only to be sure they are whole: a page must never show a torn one.
        if (hashOf(readFileSync(files.content)) !== entry.contentHash) throw new Error('fragments do not match');
        return adopt(key, file);
      } catch {
        rejected.push(path.relative(folder, files.meta));
        return undefined;
      }
    },
    write(key, file) {
      if (writer) {
        const place = writer.append(serializeContent(key, file));
        if (place) adopt(key, file, place);
      } else if (writeEntryFiles(entryFiles(key), serializeEntry(key, file))) adopt(key, file);
    },
    adopt,
    rejected,
    close() {
      writer?.close();
      for (const fd of readers.values()) closeSync(fd);
      readers.clear();
    },
  };
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64');
}

// Folders already made by this thread: an entry's folder is one of 256, made once.
const madeFolders = new Set<string>();

/** Writes a file whole or not at all (a build stopped half-way leaves no torn file); `false` when it could not. */
export function writeEntry(file: string, bytes: Uint8Array): boolean {
  const folder = path.dirname(file);
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  for (const known of [madeFolders.has(folder), false]) {
    try {
      if (!known) makeFolder(folder);
      madeFolders.add(folder);
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
      return true;
    } catch {
      // A folder thought made may have been removed since: made again once. A store that can not
      // be written (read-only, full) only makes the next build slower.
      madeFolders.delete(folder);
      if (!known) return false;
    }
  }
  return false;
}

function isCompiledFile(file: CompiledFile | undefined, path: string): file is CompiledFile {
  const body = file?.body;
  return (
    file !== undefined &&
    file.path === path &&
    Array.isArray(file.diagnostics) &&
    body !== undefined &&
    Array.isArray(body.anchors) &&
    Array.isArray(body.headings) &&
    Array.isArray(body.resources) &&
    Array.isArray(body.slots) &&
    Array.isArray(body.targets)
  );
}

function isContent(content: BodyContent | undefined): content is BodyContent {
  return content !== undefined && typeof content.html === 'string' && typeof content.issueHtml === 'string' && Array.isArray(content.gemtext);
}

let fingerprint: string | undefined;

/**
 * A hash of mimeo's own code and the versions of the Markdown libraries it runs: a cache made
 * by another mimeo (an upgrade, a local change while developing it) is never used.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const code = fileURLToPath(new URL('..', import.meta.url));
  for (const file of listFiles(code)) hash.update(file).update(readFileSync(path.join(code, file)));
  for (const name of markdownPackages) hash.update(name).update(packageManifest(name)?.version ?? '?');
  // Every installed version, where npm keeps the list: dependencies of dependencies change output too.
  const installed = installedListFile();
  hash.update(installed === undefined ? '' : readIfThere(installed));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function listFiles(folder: string, prefix = ''): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(path.join(folder, prefix), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) names.push(...listFiles(folder, relative));
    else if (/\.(js|ts)$/.test(entry.name) && statSync(path.join(folder, relative)).isFile()) names.push(relative);
  }
  return names;
}
