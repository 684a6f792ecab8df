import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { TextSource } from '../load/load-sources.js';
import { installedListFile, markdownPackages, packageManifest } from './packages.js';
import { storeContent, type BodyContent, type CompiledFile, type CompileOptions } from './compiled.js';

/**
 * Where a build keeps compiled Markdown files: the persistent cache, or a temporary folder when
 * there is none. An entry is two small files named by the hash of everything the compiled result
 * depends on: the file's front matter, anchors and links (read by every build), and its
 * fragments (read only when a page that shows them is rendered). So an entry is either right or
 * not found, and memory does not grow with the webzine.
 */
export interface FileCache {
  /** The entry name of a source: the hash of its path, its text, mimeo's code and the compile options. */
  keyOf(source: TextSource): string;
  /** The compiled file stored under `key` (its fragments left in the store), if it can be read back whole. */
  read(key: string, source: TextSource): CompiledFile | undefined;
  /** Where the two files of entry `key` are (workers write their own entries). */
  filesOf(key: string): EntryFiles;
  /** Stores a compiled file and lets go of its fragments, which are read back when needed (kept when the store can not take them). */
  write(key: string, file: CompiledFile): void;
  /** Takes a compiled file whose entry a worker wrote: its fragments are read back when needed. */
  adopt(key: string, file: CompiledFile): CompiledFile;
  /** Entries that existed but could not be used (corrupted, or written by something else). */
  readonly rejected: string[];
}

/**
 * The files of an entry. A temporary store (a build without the cache) has no meta file: this
 * build alone reads the store, and it never reads a meta file back.
 */
export interface EntryFiles {
  meta?: string | undefined;
  content: string;
}

/** The bytes of one entry. The key is stored in both files and the content's hash in the first, so a file renamed, copied or changed is not taken. */
export function serializeEntry(key: string, file: CompiledFile): { meta: Uint8Array; content: Uint8Array } {
  const { content: fragments, ...body } = file.body;
  const content = serialize({ format, key, content: fragments });
  const payload = serialize({ ...file, body });
  const meta = serialize({ format, key, contentHash: hashOf(content), payloadHash: hashOf(payload), payload });
  return { meta, content };
}

/** Writes the files of an entry, each whole or not at all; `false` when the store could not take them. */
export function writeEntryFiles(files: EntryFiles, bytes: { meta: Uint8Array; content: Uint8Array }): boolean {
  // No other process sees a temporary store, and it goes with the build: written in place.
  if (files.meta === undefined) return writeTemporary(files.content, bytes.content);
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
  const filesOf = (key: string): EntryFiles =>
    temporary
      ? { content: path.join(folder, key) }
      : {
          meta: path.join(folder, 'files', key.slice(0, 2), key.slice(2)),
          content: path.join(folder, 'bodies', key.slice(0, 2), key.slice(2)),
        };
  // `expected`: the hash the fragments must have, when they were not checked at lookup.
  const loader = (key: string, expected?: string) => () => {
    const { content: file, meta = file } = filesOf(key);
    try {
      const bytes = readFileSync(file);
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
  const adopt = (key: string, file: CompiledFile): CompiledFile => {
    storeContent(file.body, loader(key));
    return file;
  };
  return {
    keyOf: (source) => createHash('sha256').update(salt).update('\0').update(source.path).update('\0').update(source.text).digest('hex'),
    filesOf,
    read(key, source) {
      const files = filesOf(key);
      if (files.meta === undefined) return undefined;
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
      if (writeEntryFiles(filesOf(key), serializeEntry(key, file))) adopt(key, file);
    },
    adopt,
    rejected,
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
      if (!known) mkdirSync(folder, { recursive: true });
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

/** Writes a file of a temporary store: its folder exists, and nothing reads the file before it is whole. */
function writeTemporary(file: string, bytes: Uint8Array): boolean {
  try {
    writeFileSync(file, bytes);
    return true;
  } catch {
    return false;
  }
}

function isCompiledFile(file: CompiledFile | undefined, path: string): file is CompiledFile {
  const body = file?.body;
  return (
    file !== undefined &&
    file.path === path &&
    Array.isArray(file.diagnostics) &&
    body !== undefined &&
    Array.isArray(body.anchors) &&
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
