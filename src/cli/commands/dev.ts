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
  // Listened for from the start: a signal during the first build also stops the preview
  // properly, removing its folder, instead of ending the process and leaving it.
  // Said at once: a first build of a big webzine takes a while to give way.
  const stop = stopSignal(() => terminal.err('mimeo dev: stopping\n'));
  let dev;
  try {
    dev = await startDev({ root, host, port, open: values['open'] === true, debug: values['debug'] === true }, terminal);
  } catch (error) {
    stop.cancel();
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EACCES', 'EADDRINUSE', 'EAI_AGAIN'].includes(code)) {
      throw new UsageError(`can not listen on ${host} port ${port} (${code}); try another --host or --port`, 'dev');
    }
    throw error;
  }
  await stop.signalled;
  await dev.close();
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

/** `signalled` resolves on the first of {@link stopSignals}, which then stops the preview instead of the process. */
function stopSignal(said: () => void): { signalled: Promise<void>; cancel: () => void } {
  let stop = () => {};
  const cancel = () => stopSignals.forEach((signal) => process.off(signal, stop));
  const signalled = new Promise<void>((resolve) => {
    stop = () => {
      cancel();
      said();
      resolve();
    };
  });
  stopSignals.forEach((signal) => process.on(signal, stop));
  return { signalled, cancel };
}
