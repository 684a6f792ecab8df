import { spawn } from 'node:child_process';

/**
 * Opens `url` in the default browser with the system's own opener (`open` on macOS, `start` on
 * Windows, `xdg-open` elsewhere), without waiting for it. An opener that is missing, or that
 * fails (xdg-open without a desktop to open a browser on exits non-zero), is told to `onFailure`.
 */
export function openBrowser(url: string, onFailure: (reason: string) => void): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => onFailure(error.message));
  child.on('exit', (code, signal) => {
    if (code !== 0) onFailure(code === null ? `${command} was stopped by ${signal ?? 'a signal'}` : `${command} exited with code ${code}`);
  });
  child.unref();
}
