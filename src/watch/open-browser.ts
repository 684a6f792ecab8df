import { spawn } from 'node:child_process';

/**
 * Opens `url` in the default browser with the system's own opener (`open` on macOS, `start` on
 * Windows, `xdg-open` elsewhere), without waiting for it. A missing opener is told to `onFailure`.
 */
export function openBrowser(url: string, onFailure: (reason: string) => void): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', (error) => onFailure(error.message));
  child.unref();
}
