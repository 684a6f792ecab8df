import { createHash } from 'node:crypto';
import type { Diagnostic, Report } from '../diagnostics/diagnostic.js';
import type { TextSource } from '../load/load-sources.js';
import { parseFile, type ParsedFile } from '../parse/parse-file.js';

/** Parse results kept between builds, so an edit re-parses only the file that changed. */
export interface ParseCache {
  /** Parses `source`, or gives its last result, with the same diagnostics, when its text is unchanged. */
  parse(source: TextSource, report: Report): ParsedFile;
  /** The content hash of the text last parsed for `path`. */
  textHash(path: string): string | undefined;
  /** Forgets the files not parsed since the last sweep, so renames and deletions do not pile up. */
  sweep(): void;
}

interface Entry {
  hash: string;
  file: ParsedFile;
  diagnostics: Diagnostic[];
  used: boolean;
}

/**
 * Makes a parse cache keyed by path and content hash. Parsing is pure (`parseFile`), so a cached
 * result is the one a parse would give; link resolution later sets `data.target` on its link
 * nodes again in every build.
 */
export function createParseCache(): ParseCache {
  const entries = new Map<string, Entry>();
  return {
    parse(source, report) {
      const hash = createHash('sha1').update(source.text).digest('base64');
      let entry = entries.get(source.path);
      if (entry?.hash !== hash) {
        const diagnostics: Diagnostic[] = [];
        entry = { hash, file: parseFile(source, (diagnostic) => diagnostics.push(diagnostic)), diagnostics, used: false };
        entries.set(source.path, entry);
      }
      entry.used = true;
      for (const diagnostic of entry.diagnostics) report(diagnostic);
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
