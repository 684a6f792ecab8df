import { performance } from 'node:perf_hooks';
import { createIncrementalBuild, type IncrementalOptions, type RebuildOutcome } from './incremental-build.js';
import { createRebuildQueue } from './rebuild-queue.js';
import { watchWebzine } from './watcher.js';

/** What happened in a dev session: a rebuild, or a failure that is mimeo's, not the content's. */
export type SessionEvent =
  | { kind: 'rebuilt'; outcome: RebuildOutcome; milliseconds: number }
  | { kind: 'internal-error'; error: unknown; changes: string[] }
  | { kind: 'watch-error'; error: Error };

/** Options of {@link startDevSession}. */
export interface SessionOptions extends Omit<IncrementalOptions, 'signal'> {
  /** How long changes must pause before a rebuild, in milliseconds (default: `25`). */
  quiet?: number;
  /** How long after a rebuild the session looks for changes the watcher missed, in milliseconds (default: `200`). */
  lookAfter?: number;
  /** Starts the watcher (default: {@link watchWebzine}); tests make one that misses events. */
  watch?: typeof watchWebzine;
}

// Not a path: asks the queue's next run to look for missed changes.
const lookForMissed = '\0look for missed changes';

/** A running dev session. */
export interface DevSession {
  /** Stops watching and abandons a running rebuild, which is not told of. */
  close(): Promise<void>;
}

/**
 * Watches a webzine and rebuilds it into the preview folder on every change, first in full: the
 * part of `mimeo dev` without a server. Every rebuild, good or not, is told to `onEvent`; a
 * failure keeps the session going, so the next save is built again.
 */
export async function startDevSession(options: SessionOptions, onEvent: (event: SessionEvent) => void): Promise<DevSession> {
  // Closing abandons the rebuild under way (a first build takes seconds): its output is never told.
  const closing = new AbortController();
  const builder = createIncrementalBuild({ ...options, signal: closing.signal });
  // Once saves pause, the session looks for changes the watcher missed (a rebuild of a body
  // edit takes its word), through the queue so that it never runs with a rebuild.
  let lookLater: NodeJS.Timeout | undefined;
  const queue = createRebuildQueue(
    async (requested) => {
      clearTimeout(lookLater);
      const changes = requested.filter((path) => path !== lookForMissed);
      const started = performance.now();
      try {
        // Asked to look, and nothing was saved since: a rebuild only when something was missed.
        if (requested.length > 0 && changes.length === 0 && !(await builder.verify())) return;
        const outcome = await builder.rebuild(changes);
        if (closing.signal.aborted) return;
        onEvent({ kind: 'rebuilt', outcome, milliseconds: performance.now() - started });
      } catch (error) {
        if (closing.signal.aborted) return;
        onEvent({ kind: 'internal-error', error, changes });
      }
      lookLater = setTimeout(() => queue.request([lookForMissed]), options.lookAfter ?? 200);
    },
    options.quiet === undefined ? {} : { quiet: options.quiet },
  );
  // Watching starts before the first build, so a save during it makes one more.
  const watcher = await (options.watch ?? watchWebzine)(options.root, (path) => queue.request([path]), (error) => onEvent({ kind: 'watch-error', error }));
  queue.request([]);
  return {
    async close() {
      closing.abort();
      await watcher.close();
      await queue.close();
      clearTimeout(lookLater);
    },
  };
}
