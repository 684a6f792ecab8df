import { createHash, hash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileStamp } from '../load/file-stamp.js';
import { writeEntry } from '../compile/file-cache.js';
import type { OutputTrees } from './write-outputs.js';

/**
 * What the previous build of an output folder rendered, so an unchanged page is linked from it
 * instead of rendered again. An output is reused only when its key (everything it is made of)
 * is the same and its file is still the one that build wrote (same size, modification and change
 * times: a copy that keeps the time, `cp -p`, still changes the change time).
 */
export interface OutputMemo {
  /** The previous build's file for `tree/path`, when it was made with `key` and is untouched since. */
  previous(tree: string, path: string, key: string): string | undefined;
  /** Tells the memo this build rendered `tree/path` with `key`. */
  made(tree: string, path: string, key: string): void;
  /**
   * The same trees where every file whose bytes are known now (feeds, the sitemap) or whose
   * source kept its stamp (copied assets) and that the previous build wrote is linked from it instead.
   */
  reuseWritten(trees: OutputTrees): OutputTrees;
  /**
   * The umask of the build that wrote the previous output, when it recorded one: the files it
   * leaves to this build have the mode it gave them.
   */
  umask: number | undefined;
  /**
   * Records the written outputs (after they are in place: `how` they came) and the umask they
   * were written under, for the next build. `chmodded` says their modes were changed since
   * (`applyUmask`), which changed the change time of the files a patch left in place too.
   */
  save(trees: OutputTrees, written: { how: 'swapped' | 'patched'; umask: number; chmodded: boolean }): Promise<void>;
}

type Entry = [key: string, size: number, modified: number, changed: number];

// Changes whenever the manifest's shape does.
const format = 2;

/** Opens the memo of output folder `outDir`, kept in the cache folder. */
export function openOutputMemo(cacheDir: string, outDir: string): OutputMemo {
  const manifest = path.join(cacheDir, 'outputs', `${createHash('sha1').update(outDir).digest('hex').slice(0, 16)}.json`);
  const { entries: before, umask } = readManifest(manifest, outDir);
  const kept = new Map<string, Entry>();
  const made = new Map<string, string>();
  return {
    umask,
    previous(tree, file, key) {
      const name = `${tree}/${file}`;
      const entry = before.get(name);
      if (!entry || entry[0] !== key) return undefined;
      const absolute = path.join(outDir, tree, file);
      const stats = statOf(absolute);
      if (!stats?.isFile() || stats.size !== entry[1] || stats.mtimeMs !== entry[2] || stats.ctimeMs !== entry[3]) return undefined;
      kept.set(name, entry);
      return absolute;
    },
    made(tree, file, key) {
      made.set(`${tree}/${file}`, key);
    },
    reuseWritten(trees) {
      const reused: OutputTrees = {};
      for (const [tree, files] of Object.entries(trees)) {
        reused[tree] = files.map((file) => {
          if (file.make || file.linkFrom !== undefined) return file;
          // A copied file (maybe a video of gigabytes) is known by its source's stamp, never read.
          const stamp = file.copyFrom === undefined ? undefined : fileStamp(file.copyFrom);
          if (file.copyFrom !== undefined && stamp === undefined) return file;
          const key = stamp === undefined ? `bytes:${hash('sha1', file.bytes ?? '', 'base64')}` : `copy:${file.copyFrom}:${stamp}`;
          const previous = this.previous(tree, file.path, key);
          if (previous !== undefined) return { path: file.path, linkFrom: previous, source: file.source };
          this.made(tree, file.path, key);
          return file;
        });
      }
      return reused;
    },
    async save(trees, { how, umask, chmodded }) {
      const entries: Record<string, Entry> = {};
      for (const [tree, files] of Object.entries(trees)) {
        for (const file of files) {
          const name = `${tree}/${file.path}`;
          const before = file.linkFrom !== undefined ? kept.get(name) : undefined;
          // A patch leaves a reused file alone; a swap links it, or copies it where there are no links (new stats).
          if (before && how === 'patched' && !chmodded) {
            entries[name] = before;
            continue;
          }
          const key = before?.[0] ?? made.get(name);
          if (key === undefined) continue;
          const stats = await stat(path.join(outDir, tree, file.path)).catch(() => undefined);
          if (stats) entries[name] = [key, stats.size, stats.mtimeMs, stats.ctimeMs];
        }
      }
      writeEntry(manifest, Buffer.from(JSON.stringify({ format, outDir, umask, entries })));
    },
  };
}

// An output folder that is now a file (ENOTDIR) holds no previous output, as with no file at all.
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

// A manifest written before the umask was recorded has none: the next build checks every mode once.
function readManifest(file: string, outDir: string): { entries: Map<string, Entry>; umask: number | undefined } {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; outDir?: unknown; umask?: unknown; entries?: Record<string, Entry> };
    if (data.format !== format || data.outDir !== outDir || typeof data.entries !== 'object' || data.entries === null) return { entries: new Map(), umask: undefined };
    const entries = new Map(Object.entries(data.entries).filter(([, entry]) => Array.isArray(entry) && entry.length === 4));
    return { entries, umask: typeof data.umask === 'number' ? data.umask : undefined };
  } catch {
    return { entries: new Map(), umask: undefined };
  }
}
