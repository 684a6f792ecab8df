import { createHash } from 'node:crypto';
import type { TextSource } from '../load/load-sources.js';
import { compileFile } from '../compile/compile-file.js';
import type { CompiledFile, CompileOptions } from '../compile/compiled.js';

/** Compile results kept between builds, so an edit compiles only the file that changed. */
export interface ParseCache {
  /** Compiles `source`, or gives its last result when its text and the options are unchanged. */
  compile(source: TextSource, options: CompileOptions): CompiledFile;
  /** The content hash of the text last compiled for `path`. */
  textHash(path: string): string | undefined;
  /** Forgets the files not compiled since the last sweep, so renames and deletions do not pile up. */
  sweep(): void;
}

interface Entry {
  hash: string;
  file: CompiledFile;
  used: boolean;
}

/**
 * Makes an in-memory compile cache keyed by path, content hash and compile options. Compiling is
 * pure (`compileFile`), so a cached result is the one compiling would give; link resolution sets
 * its body's targets again in every build.
 */
export function createParseCache(): ParseCache {
  const entries = new Map<string, Entry>();
  return {
    compile(source, options) {
      const hash = createHash('sha1').update(JSON.stringify(options)).update('\0').update(source.text).digest('base64');
      let entry = entries.get(source.path);
      if (entry?.hash !== hash) {
        entry = { hash, file: compileFile(source, options), used: false };
        entries.set(source.path, entry);
      }
      entry.used = true;
      return entry.file;
    },
    textHash: (path) => entries.get(path)?.hash,
    sweep() {
      for (const [path, entry] of entries) {
        if (!entry.used) entries.delete(path);
        entry.used = false;
      }
    },
  };
}
