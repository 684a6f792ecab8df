/** Options of {@link createRebuildQueue}. */
export interface QueueOptions {
  /** How long changes must pause before a rebuild starts, in milliseconds (default: `25`). */
  quiet?: number;
  /** The longest a rebuild waits for changes to pause, in milliseconds (default: `250`). */
  longestWait?: number;
}

/** Turns a stream of changed paths into rebuilds, one at a time. */
export interface RebuildQueue {
  /** Asks for a rebuild with these changed paths (maybe none: the first build). */
  request(paths: readonly string[]): void;
  /** Stops rebuilding: waits for a running rebuild and drops what is waiting. */
  close(): Promise<void>;
}

/**
 * Makes the queue between the watcher and the builds. A burst of changes (a `git checkout`, an
 * editor's write-then-rename) becomes one rebuild once changes pause; changes that come while a
 * rebuild runs wait for it and make exactly one more, so no change is lost and no two rebuilds
 * overlap. `run` must not throw: it reports its own failures.
 */
export function createRebuildQueue(run: (paths: string[]) => Promise<void>, options: QueueOptions = {}): RebuildQueue {
  const quiet = options.quiet ?? 25;
  const longestWait = options.longestWait ?? 250;
  const waiting = new Set<string>();
  let requested = false;
  let firstRequestAt = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = () => {
    if (closed || running || !requested) return;
    clearTimeout(timer);
    const waited = Date.now() - firstRequestAt;
    timer = setTimeout(start, Math.max(0, Math.min(quiet, longestWait - waited)));
  };
  const start = () => {
    timer = undefined;
    if (closed || running || !requested) return;
    const paths = [...waiting].sort();
    waiting.clear();
    requested = false;
    running = run(paths).finally(() => {
      running = undefined;
      firstRequestAt = Date.now();
      schedule();
    });
  };
  return {
    request(paths) {
      if (closed) return;
      if (!requested) firstRequestAt = Date.now();
      requested = true;
      for (const path of paths) waiting.add(path);
      schedule();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
