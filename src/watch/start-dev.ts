import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { createDevHandler, capsulePrefix } from './dev-server.js';
import { createDevReporter, type Printer } from './dev-reporter.js';
import { startDevSession, type SessionEvent, type SessionOptions } from './dev-session.js';
import { listenOnFreePort } from './listen.js';
import { createLiveReload } from './live-reload.js';
import { openBrowser } from './open-browser.js';
import type { BuildProgress } from './waiting-page.js';
import type { EditionPlace } from '../model/types.js';
import { makeTemporaryFolder, removeTemporaryFolder } from '../write/temporary-folder.js';

/** Options of {@link startDev}. */
export interface DevOptions {
  /** The webzine's folder, the one that holds content/. */
  root: string;
  /** The address to listen on (default: `127.0.0.1`, loopback only). */
  host?: string;
  /** The port to listen on, or the next free one after it (default: `4000`; `0`: any free port). */
  port?: number;
  /** Whether the preview is opened in the default browser (default: `false`). */
  open?: boolean;
  /** Whether the underlying error of each diagnostic is shown (default: `false`). */
  debug?: boolean;
  /**
   * Stops the preview when aborted (Ctrl+C): nothing is told from then on, and during the first
   * build, that build is abandoned, the preview closed and its folder removed, and `startDev`
   * throws the signal's reason (default: none).
   */
  signal?: AbortSignal;
  /** Starts the watcher, after which the first build begins (default: chokidar's); a test holds that build back with one of its own. */
  watch?: SessionOptions['watch'];
}

/** A running `mimeo dev`. */
export interface DevServer {
  /** The address the preview is served at: `http://127.0.0.1:4000/`. */
  url: string;
  /** The preview's own folder, under the system's temporary folder. */
  outDir: string;
  /** Stops watching and serving, and removes the preview folder. */
  close(): Promise<void>;
}

const loopbackHosts = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Starts `mimeo dev` (SPEC §4): serves a preview folder of its own (never dist/, so a preview can
 * not be deployed by mistake) on loopback, builds the webzine into it with drafts, then rebuilds
 * what each save affects, with live reload and errors shown in the terminal and in the pages.
 * Resolves once the first build is done and its summary printed.
 */
export async function startDev(options: DevOptions, print: Printer): Promise<DevServer> {
  const host = options.host ?? '127.0.0.1';
  // Removed when dev stops, or at exit; one left by a process killed outright, by a later mimeo.
  const outDir = makeTemporaryFolder('mimeo-dev');
  if (outDir === undefined) throw new Error('could not make the preview folder in the system\'s temporary folder');
  const liveReload = createLiveReload();
  // As the last good build made them: the capsule preview finds a file's edition by them.
  let editions: readonly EditionPlace[] = [];
  // On loopback, only local names may be asked for (DNS rebinding); elsewhere the user chose to expose it.
  const allowedHosts = loopbackHosts.has(host) ? new Set(['127.0.0.1', 'localhost', '[::1]']) : undefined;
  // Till the first build ends, pages wait for it (what is on the disk is not the preview yet).
  let firstBuild: { progress?: BuildProgress } | undefined = {};
  const server = createServer(createDevHandler({ outDir, liveReload, editions: () => editions, firstBuild: () => firstBuild, ...(allowedHosts ? { allowedHosts } : {}), onError: (error) => print.err(`mimeo dev: a request failed: ${String(error)}\n`) }));
  let port: number;
  try {
    port = await listenOnFreePort(server, host, options.port ?? 4000);
  } catch (error) {
    removeTemporaryFolder(outDir);
    throw error;
  }
  const url = `http://${urlHost(host)}:${port}/`;
  const asked = options.port ?? 4000;
  // The fallback is no surprise only when told: a second preview of the same webzine, or a bookmark, would look at the first.
  if (asked !== 0 && port !== asked) print.err(`mimeo dev: port ${asked} is taken, so the preview is on port ${port} instead\n`);
  print.out(`mimeo dev: previewing ${options.root} at ${url} (the capsule at ${url}${capsulePrefix.slice(1)}); press Ctrl+C to stop\n`);
  if (!loopbackHosts.has(host)) {
    const reachable = host === '0.0.0.0' || host === '::' ? networkAddresses(host === '::').map((address) => `http://${urlHost(address)}:${port}/`) : [];
    print.err(`mimeo dev: listening on ${host}, so other machines can reach the preview${reachable.length > 0 ? ` (at ${reachable.join(', ')})` : ''}\n`);
  }
  const report = createDevReporter(print, liveReload, { debug: options.debug ?? false });
  let firstEvent: (() => void) | undefined;
  const built = new Promise<void>((resolve) => (firstEvent = resolve));
  const onEvent = (event: SessionEvent) => {
    // Stopping: a rebuild that ends now is abandoned, not told.
    if (options.signal?.aborted) return;
    if (event.kind === 'rebuilt' && event.outcome.ok) editions = event.outcome.editions;
    // Ended before the pages are told, so that those that reload then find what it left.
    if (event.kind !== 'watch-error') firstBuild = undefined;
    report(event);
    firstEvent?.();
    firstEvent = undefined;
  };
  const progress = (parsed: number, total: number) => void (firstBuild &&= { progress: { parsed, total } });
  const session = await startDevSession({ root: options.root, outDir, baseUrl: url, progress, ...(options.watch ? { watch: options.watch } : {}) }, onEvent).catch(async (error: unknown) => {
    liveReload.close();
    server.close();
    removeTemporaryFolder(outDir);
    throw new Error(`could not watch ${options.root}`, { cause: error });
  });
  const close = async () => {
    await session.close();
    liveReload.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    removeTemporaryFolder(outDir);
  };
  await Promise.race([built, ...(options.signal ? [abortOf(options.signal)] : [])]);
  if (options.signal?.aborted) {
    await close();
    throw options.signal.reason;
  }
  // Told only while the preview runs: after `stopping`, nothing more is said.
  if (options.open) openBrowser(url, (reason) => options.signal?.aborted || print.err(`mimeo dev: could not open a browser (${reason}); open ${url} yourself\n`));
  return { url, outDir, close };
}

/** Resolves when `signal` is aborted. */
function abortOf(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** The addresses of this machine's network interfaces, loopback aside: IPv4 ones, and IPv6 ones too when `v6`. */
function networkAddresses(v6: boolean): string[] {
  const addresses = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []);
  return addresses.filter((entry) => !entry.internal && (entry.family === 'IPv4' || (v6 && entry.family === 'IPv6' && entry.scopeid === 0))).map((entry) => entry.address);
}

/** The host as written in a URL: IPv6 in brackets, and a wildcard address as `localhost`. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}
