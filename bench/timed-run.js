// Runs one benchmarked command as a child process and times it from spawn to exit. A Node command
// is started with bench/report-rss.js preloaded, so its peak memory is known without code in src/.

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Runs `command` (`{ program, args }`, or `{ script, args }` for a Node script) in `cwd`; resolves to
 * its exit code (or signal), stdout, stderr, wall time in seconds and, for a Node script, its peak
 * RSS in KiB (`undefined` otherwise, or when the child died before reporting it).
 */
export function runTimed(command, { cwd, rssReporter, rssFile }) {
  const isNode = command.script !== undefined;
  const program = isNode ? process.execPath : command.program;
  const args = isNode ? ['--import', rssReporter, command.script, ...command.args] : command.args;
  if (isNode) rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(program, args, {
      cwd,
      env: isNode ? { ...process.env, MIMEO_BENCH_RSS_FILE: rssFile } : process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => reject(new Error(`could not start ${program}: ${error.message}`, { cause: error })));
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - start) / 1000;
      resolve({ code: code ?? signal, stdout, stderr, seconds, maxRssKiB: isNode ? readKiB(rssFile) : undefined });
    });
  });
}

function readKiB(file) {
  try {
    return Number(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
