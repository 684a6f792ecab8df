import { closeSync, openSync, readSync, writeSync } from 'node:fs';

// One buffer for every copy: a site is thousands of small files, copied one after another.
let buffer: Buffer | undefined;

/**
 * Copies the bytes of `from` into a new file `to`, made as every page is, with the mode the
 * umask gives (0644 under umask 022, 0600 under 077). `copyFileSync` gives the copy the mode of
 * its source instead, whatever the umask: an image published 0644 by a maintainer who asked for
 * 0600, or a script of static/ that is executable in Git published executable.
 */
export function copyBytes(from: string, to: string): void {
  buffer ??= Buffer.allocUnsafe(1 << 20);
  const input = openSync(from, 'r');
  try {
    const output = openSync(to, 'w');
    try {
      for (let read = readSync(input, buffer); read > 0; read = readSync(input, buffer)) {
        for (let written = 0; written < read; ) written += writeSync(output, buffer, written, read - written);
      }
    } finally {
      closeSync(output);
    }
  } finally {
    closeSync(input);
  }
}
