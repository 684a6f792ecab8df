import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import type { TextSource } from '../load/load-sources.js';
import type { CompiledFile, CompileOptions } from './compiled.js';

/**
 * The persistent cache of compiled Markdown files: one small file an entry, named by the hash
 * of everything the compiled result depends on, so an entry is either right or not found.
 */
export interface FileCache {
  folder: string;
  /** The entry name of a source: the hash of its path, its text, mimeo's code and the compile options. */
  keyOf(source: TextSource): string;
  /** The compiled file stored under `key`, if there is one and it can be read back whole. */
  read(key: string, source: TextSource): CompiledFile | undefined;
  /** Where the entry `key` is written (workers write their own entries). */
  fileOf(key: string): string;
  /** Stores a serialized entry (from {@link serializeEntry}); a cache that can not be written is skipped. */
  write(key: string, bytes: Uint8Array): void;
  /** Entries that existed but could not be used (corrupted, or written by something else). */
  readonly rejected: string[];
}

/** The bytes of one entry: the key is stored inside, so a file renamed or copied into place is not taken. */
export function serializeEntry(key: string, file: CompiledFile): Uint8Array {
  return serialize({ format, key, file });
}

// Changes whenever the shape of an entry does.
const format = 1;

/** Opens (creating on first write) the cache in `folder`, for builds with these compile options. */
export function openFileCache(folder: string, options: CompileOptions): FileCache {
  const salt = `${format}\0${codeFingerprint()}\0${JSON.stringify(options)}`;
  const rejected: string[] = [];
  const fileOf = (key: string) => path.join(folder, 'files', key.slice(0, 2), key.slice(2));
  return {
    folder,
    keyOf: (source) => createHash('sha256').update(salt).update('\0').update(source.path).update('\0').update(source.text).digest('hex'),
    fileOf,
    read(key, source) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
      try {
        const entry = deserialize(bytes) as { format?: unknown; key?: unknown; file?: CompiledFile };
        if (entry.format !== format || entry.key !== key || !isCompiledFile(entry.file, source.path)) throw new Error('not an entry of this cache');
        return entry.file;
      } catch {
        rejected.push(path.relative(folder, fileOf(key)));
        return undefined;
      }
    },
    write(key, bytes) {
      writeEntry(fileOf(key), bytes);
    },
    rejected,
  };
}

/** Writes an entry whole or not at all: a build stopped half-way leaves no torn entry. */
export function writeEntry(file: string, bytes: Uint8Array): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  } catch {
    // A cache that can not be written (read-only, full) only makes the next build slower.
  }
}

function isCompiledFile(file: CompiledFile | undefined, path: string): file is CompiledFile {
  const body = file?.body;
  return (
    file !== undefined &&
    file.path === path &&
    Array.isArray(file.diagnostics) &&
    body !== undefined &&
    typeof body.html === 'string' &&
    typeof body.issueHtml === 'string' &&
    Array.isArray(body.anchors) &&
    Array.isArray(body.resources) &&
    Array.isArray(body.slots) &&
    Array.isArray(body.gemtext)
  );
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
  for (const name of markdownPackages) hash.update(name).update(packageVersion(name));
  fingerprint = hash.digest('hex');
  return fingerprint;
}

// The packages whose versions change what a compiled body holds.
const markdownPackages = [
  'remark-parse',
  'remark-gfm',
  'micromark',
  'mdast-util-from-markdown',
  'mdast-util-to-hast',
  'rehype-raw',
  'rehype-sanitize',
  'rehype-autolink-headings',
  'rehype-highlight',
  'rehype-stringify',
  'hast-util-to-html',
  'lowlight',
  'highlight.js',
  'github-slugger',
  'gray-matter',
  'yaml',
];

/** The version of an installed package, found from its entry point wherever it is installed. */
function packageVersion(name: string): string {
  try {
    let folder = path.dirname(fileURLToPath(import.meta.resolve(name)));
    for (; folder !== path.dirname(folder); folder = path.dirname(folder)) {
      const manifest = path.join(folder, 'package.json');
      try {
        const data = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (data.name === name) return data.version ?? '?';
      } catch {
        // No manifest at this level: go up.
      }
    }
  } catch {
    // Not installed where mimeo can see it.
  }
  return '?';
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
