import type { Terminal } from '../usage.js';

/** How often the progress line is redrawn at most, in milliseconds: often enough to see it move. */
const interval = 100;

/**
 * A single updating line on an interactive terminal, `parsing 120/1000 files`, cleared when done;
 * nothing at all elsewhere (a pipe, a CI log), where only the summary line is wanted.
 */
export function createProgress(terminal: Terminal, now: () => number = () => performance.now()) {
  let shown = false;
  let last = -Infinity;
  return {
    update(parsed: number, total: number): void {
      if (!terminal.isInteractive || (parsed < total && now() - last < interval)) return;
      last = now();
      shown = true;
      terminal.err(`\r\x1b[Kparsing ${parsed}/${total} files`);
    },
    /** Removes the line, so what comes next starts on a clean line. */
    clear(): void {
      if (shown) terminal.err('\r\x1b[K');
      shown = false;
    },
  };
}
