import { createHash } from 'node:crypto';
import type { CompileMemory } from '../compile/compile-all.js';
import type { CompiledFile } from '../compile/compiled.js';

/** Compiled files kept between builds, so an edit compiles only the file that changed. */
export interface DevCompileMemory extends CompileMemory {
  /** The content hash of the text last compiled for `path`. */
  textHash(path: string): string | undefined;
  /** What `path` compiled to last. */
  fileOf(path: string): CompiledFile | undefined;
  /** Forgets the files not asked for since the last sweep, so renames and deletions do not pile up. */
  sweep(): void;
}

interface Entry {
  hash: string;
  /** The text compiled (the very string the source memory keeps: comparing it costs nothing). */
  text: string;
  options: string;
  file: CompiledFile;
  used: boolean;
}

/**
 * Makes the memory of compiled files `mimeo dev` keeps, keyed by path, content hash and compile options.
 * Compiling is pure, so a kept result is the one compiling would give; link resolution sets its
 * body's targets again in every build. Their fragments stay in the build's cache folder.
 */
export function createCompileMemory(): DevCompileMemory {
  const entries = new Map<string, Entry>();
  const hashOf = (text: string, options: object) => createHash('sha1').update(JSON.stringify(options)).update('\0').update(text).digest('base64');
  return {
    get(source, options) {
      const entry = entries.get(source.path);
      if (!entry) return undefined;
      const same = entry.text === source.text && entry.options === JSON.stringify(options);
      if (!same && entry.hash !== hashOf(source.text, options)) return undefined;
      entry.text = source.text;
      entry.used = true;
      return entry.file;
    },
    set(source, options, file) {
      entries.set(source.path, { hash: hashOf(source.text, options), text: source.text, options: JSON.stringify(options), file, used: true });
    },
    textHash: (path) => entries.get(path)?.hash,
    fileOf: (path) => entries.get(path)?.file,
    sweep() {
      for (const [path, entry] of entries) {
        if (!entry.used) entries.delete(path);
        entry.used = false;
      }
    },
  };
}
