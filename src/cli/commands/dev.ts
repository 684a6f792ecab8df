import { constants as osConstants } from 'node:os';
import { startDev } from '../../watch/start-dev.js';
import { resolveRoot } from './paths.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';

/** `mimeo dev`: previews the webzine with live reload until Ctrl+C (or SIGTERM, or SIGHUP) stops it. */
export async function runDev(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const root = resolveRoot('dev', values['root'], cwd);
  const port = toPort(values['port']);
  const host = typeof values['host'] === 'string' ? values['host'] : '127.0.0.1';
  // Listened for from the start: a signal during the first build abandons it and stops the
  // preview properly, removing its folder, instead of ending the process and leaving it.
  // Said at once: the JavaScript busy rendering may take a moment to give way.
  const stopping = new AbortController();
  const stop = stopSignal(() => {
    terminal.err('mimeo dev: stopping\n');
    stopping.abort();
  });
  let dev;
  try {
    dev = await startDev({ root, host, port, open: values['open'] === true, debug: values['debug'] === true, signal: stopping.signal }, terminal);
  } catch (error) {
    stop.cancel();
    if (stopping.signal.aborted) return exitCodes.success;
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EACCES', 'EADDRINUSE', 'EAI_AGAIN'].includes(code)) {
      throw new UsageError(`can not listen on ${host} port ${port} (${code}); try another --host or --port`, 'dev');
    }
    throw error;
  }
  await stop.signalled;
  await dev.close();
  stop.cancel();
  return exitCodes.success;
}

function toPort(value: unknown): number {
  if (value === undefined) return 4000;
  const port = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got \`${String(value)}\``, 'dev');
  }
  return port;
}

// Ctrl+C, `kill`, and the terminal closed (or the SSH session dropped).
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * `signalled` resolves on the first of {@link stopSignals}, which then stops the preview instead
 * of the process. A second one, while the preview stops, ends the process at once, with the exit
 * code a shell gives a process that signal ended (130 for Ctrl+C): not by the signal itself,
 * which would skip the exit hook that removes mimeo's temporary folders, the preview's among them.
 */
function stopSignal(said: () => void): { signalled: Promise<void>; cancel: () => void } {
  let stop = (_signal: NodeJS.Signals) => {};
  const cancel = () => stopSignals.forEach((signal) => process.off(signal, stop));
  const signalled = new Promise<void>((resolve) => {
    let stopped = false;
    stop = (signal) => {
      if (stopped) process.exit(128 + osConstants.signals[signal]);
      stopped = true;
      said();
      resolve();
    };
  });
  stopSignals.forEach((signal) => process.on(signal, stop));
  return { signalled, cancel };
}
