import { statSync } from 'node:fs';
import path from 'node:path';
import { startDev } from '../../watch/start-dev.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';

/** `mimeo dev`: previews the webzine with live reload until Ctrl+C (or SIGTERM) stops it. */
export async function runDev(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const root = path.resolve(cwd, typeof values['root'] === 'string' ? values['root'] : '.');
  if (!isFolder(root)) throw new UsageError(`--root must be a folder, got ${root}`, 'dev');
  const port = toPort(values['port']);
  const host = typeof values['host'] === 'string' ? values['host'] : '127.0.0.1';
  let dev;
  try {
    dev = await startDev({ root, host, port, open: values['open'] === true, debug: values['debug'] === true }, terminal);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EACCES', 'EADDRINUSE', 'EAI_AGAIN'].includes(code)) {
      throw new UsageError(`can not listen on ${host} port ${port} (${code}); try another --host or --port`, 'dev');
    }
    throw error;
  }
  await stopSignal();
  terminal.err('mimeo dev: stopping\n');
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

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/** Resolves on the first Ctrl+C (SIGINT) or SIGTERM, which then stop the preview instead of the process. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
