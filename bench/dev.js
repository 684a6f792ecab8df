// The dev benchmark: runs `mimeo dev` on a generated webzine as a child process, saves one random
// article at a time (in place, as an editor does) and times each save until the server's
// live-reload event names that article's page. Prints the median and 90th percentile of that
// time, the rebuild times mimeo dev prints, and the child's memory after its first build, after the timed edits and after all edits
// (resident now and peak, from /proc on Linux; peak at exit from report-rss.js everywhere).
// Usage: npm run bench -- --dev [--articles 1000] [--edits 20] [--total 200] [--seed 1] [--keep]

import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listArticles } from './generate.js';
import { createRandom, hashSeed } from './prose.js';

/** Runs the dev benchmark on the corpus in `root`; `options` as parsed by run.js. */
export async function runDevBench(root, options, { cli, rssReporter, repoRoot }) {
  const rssFile = path.join(root, 'max-rss-dev.txt');
  const child = spawn(process.execPath, ['--import', rssReporter, cli, 'dev', '--root', root, '--port', '0'], {
    cwd: repoRoot,
    env: { ...process.env, MIMEO_BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  try {
    const started = performance.now();
    const url = await firstBuild(child, (chunk) => (output += chunk), () => output);
    console.log(`first build: ${((performance.now() - started) / 1000).toFixed(2)} s; ${output.match(/^built .*$/m)?.[0] ?? ''}`);
    const memory = [['after the first build', readMemory(child.pid)]];
    const events = await openEvents(url);
    const articles = listArticles(root);
    const random = createRandom(hashSeed(`${options.seed}:dev-edits`));
    const times = [];
    for (let edit = 1; edit <= options.total; edit++) {
      const file = random.pick(articles);
      const page = `web/${file.replace(/^content\//, '').replace(/\/\d+-([a-z0-9-]+)\.md$/, '/$1/')}index.html`;
      const start = performance.now();
      appendFileSync(path.join(root, file), `\nEdit number ${edit}, saved by the benchmark.\n`);
      await events.next((event) => event.type === 'change' && event.files.includes(page));
      times.push(performance.now() - start);
      if (edit === options.edits) memory.push([`after ${edit} edits`, readMemory(child.pid)]);
    }
    memory.push([`after ${options.total} edits`, readMemory(child.pid)]);
    events.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    report(options, times, rebuildTimes(output), memory, readPeak(rssFile));
  } catch (error) {
    child.kill('SIGTERM');
    console.error(`bench: ${error.message}\nmimeo dev said:\n${output}`);
    process.exitCode = 1;
  }
}

function firstBuild(child, append, output) {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      append(chunk);
      const url = /at (http:\/\/[^ ]+\/) /.exec(output())?.[1];
      if (url && /^built /m.test(output())) resolve(url);
      if (/^build failed/m.test(output())) reject(new Error('the first build failed'));
    });
    child.on('exit', (code) => reject(new Error(`mimeo dev exited with ${code}`)));
  });
}

/** The live-reload stream, read as a page reads it. */
function openEvents(url) {
  const received = [];
  let wake;
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL('_mimeo/events', url), (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) received.push(JSON.parse(data));
          wake?.();
        }
      });
      resolve({
        async next(accept) {
          for (;;) {
            const index = received.findIndex(accept);
            if (index !== -1) return received.splice(0, index + 1).pop();
            received.length = 0;
            await new Promise((done) => (wake = done));
          }
        },
        close: () => outgoing.destroy(),
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Resident and peak memory of a process in MiB, from /proc (Linux); `undefined` elsewhere. */
function readMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

function readPeak(file) {
  try {
    return Number(readFileSync(file, 'utf8')) / 1024;
  } catch {
    return undefined;
  }
}

function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}

/**
 * How long each rebuild took, from the change seen (the rebuild's start, once the watcher's burst
 * settled) to every affected output written, as `mimeo dev` prints it: `rebuilt …: … in 84 ms`.
 */
function rebuildTimes(output) {
  return [...output.matchAll(/^rebuilt .* in (\d+(?:\.\d+)?) (ms|s)$/gm)].map(([, value, unit]) => Number(value) * (unit === 's' ? 1000 : 1));
}

function report(options, times, rebuilds, memory, peakAtExit) {
  const timed = times.slice(0, options.edits);
  console.log('');
  console.log(`save → reload event over the first ${timed.length} edits: median ${percentile(timed, 0.5).toFixed(0)} ms, p90 ${percentile(timed, 0.9).toFixed(0)} ms`);
  console.log(`save → reload event over all ${times.length} edits: median ${percentile(times, 0.5).toFixed(0)} ms, p90 ${percentile(times, 0.9).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  if (rebuilds.length > 0) {
    console.log(`change seen → outputs written (as mimeo dev prints it) over ${rebuilds.length} rebuilds: median ${percentile(rebuilds, 0.5).toFixed(0)} ms, p90 ${percentile(rebuilds, 0.9).toFixed(0)} ms`);
  }
  for (const [when, usage] of memory) {
    console.log(`memory ${when}: ${usage ? `${usage.rss.toFixed(1)} MiB resident, ${usage.peak.toFixed(1)} MiB peak` : 'n/a (no /proc)'}`);
  }
  console.log(`peak memory at exit (max RSS): ${peakAtExit === undefined ? 'n/a' : `${peakAtExit.toFixed(1)} MiB`}`);
}
