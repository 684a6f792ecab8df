import { startDev, type DevServer } from '../../src/watch/start-dev.js';
import { watchWebzine } from '../../src/watch/watcher.js';
import type { Printer } from '../../src/watch/dev-reporter.js';

/** A `mimeo dev` whose first build waits for the test to let it start. */
export interface HeldDev {
  /** The preview's address, served from the start. */
  url: string;
  /** Lets the first build begin. */
  release(): void;
  /** The running preview, once its first build is done. */
  started: Promise<DevServer>;
}

/**
 * Starts `mimeo dev` on `root` (any free port) with a watcher that starts only when released, and
 * with it the first build: the server answers meanwhile, as during a long first build.
 */
export async function startHeldDev(root: string, print: Printer = { out: () => {}, err: () => {} }): Promise<HeldDev> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let listening: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (listening = resolve));
  const out = (text: string) => {
    const found = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
    if (found) listening(found[1]!);
    print.out(text);
  };
  const watch: typeof watchWebzine = async (...args) => {
    await held;
    return watchWebzine(...args);
  };
  const started = startDev({ root, port: 0, watch }, { out, err: print.err });
  // Failing before it listens, it never gives an address: the failure is told instead.
  return { url: await Promise.race([url, started.then(() => url)]), release, started };
}
