import v8 from 'node:v8';
import vm from 'node:vm';

/** Options of {@link createHeapGuard}. */
export interface HeapGuardOptions {
  /** How much the heap may grow past what the last full collection left, in MiB (default: `48`). */
  slackMb?: number;
  /** Calls between two looks at the heap (default: `100`). */
  every?: number;
}

/**
 * Keeps the heap near what it really holds while thousands of pages are made one after another.
 * V8 lets old garbage pile up to several times the live set before it collects it: a
 * 10 000-article build held 200 MiB and peaked at 1 GiB. Called once a page, the guard asks for
 * a full collection whenever the heap has grown by `slackMb` since the last one, which costs
 * about 100 ms a collection at that size. Where the collector can not be reached, it does nothing.
 */
export function createHeapGuard(options: HeapGuardOptions = {}): () => void {
  const slack = (options.slackMb ?? 48) * 1024 * 1024;
  const every = options.every ?? 100;
  let calls = 0;
  let floor = v8.getHeapStatistics().used_heap_size;
  return () => {
    if (++calls % every !== 0 || v8.getHeapStatistics().used_heap_size < floor + slack) return;
    const collect = collector();
    if (!collect) return;
    collect();
    floor = v8.getHeapStatistics().used_heap_size;
  };
}

/**
 * Asks for two full collections now, where the collector can be reached: V8 gives the pages the
 * first one emptied back to the system only at the second.
 */
export function giveMemoryBack(): void {
  collector()?.();
  collector()?.();
}

let found: (() => void) | null | undefined;

/** The collector, as `--expose-gc` would give it (asked once, the first time it is needed). */
function collector(): (() => void) | undefined {
  if (found === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const collect: unknown = vm.runInNewContext('gc');
      found = typeof collect === 'function' ? (collect as () => void) : null;
    } catch {
      found = null;
    }
  }
  return found ?? undefined;
}
