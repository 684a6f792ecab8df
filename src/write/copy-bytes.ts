import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { contentReadHint, refusalReason, RefusalError } from '../diagnostics/refusal.js';

// One buffer for every copy: a site is thousands of small files, copied one after another.
let buffer: Buffer | undefined;

/**
 * Copies the bytes of `from` into a new file `to`, made as every page is, with the mode the
 * umask gives (0644 under umask 022, 0600 under 077). `copyFileSync` gives the copy the mode of
 * its source instead, whatever the umask: an image published 0644 by a maintainer who asked for
 * 0600, or a script of static/ that is executable in Git published executable. A source the
 * system does not let mimeo read is told by its name `source`, when given (`content/static/a.pdf`),
 * as the load tells a Markdown file it can not read, not as an output that can not be written.
 */
export function copyBytes(from: string, to: string, source?: string): void {
  const chunk = (buffer ??= Buffer.allocUnsafe(1 << 20));
  const input = readingFrom(source, () => openSync(from, 'r'));
  try {
    const output = openSync(to, 'w');
    try {
      for (let read = readingFrom(source, () => readSync(input, chunk)); read > 0; read = readingFrom(source, () => readSync(input, chunk))) {
        for (let written = 0; written < read; ) written += writeSync(output, chunk, written, read - written);
      }
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}

/** What `step` gives, or the refusal to read `source` it met, told as such (when `source` is named). */
function readingFrom<T>(source: string | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    const reason = refusalReason(error);
    if (reason === undefined || source === undefined) throw error;
    const hint = source.startsWith('content/') ? contentReadHint : 'mimeo must be able to read every file of the theme: check their permissions (chmod)';
    throw new RefusalError(`could not read ${source}: ${reason}`, hint, { cause: error });
  }
}
