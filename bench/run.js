// The build benchmark: generates a seeded webzine of N articles in a temporary folder, runs
// `mimeo build` on it R times as a child process, and prints the median wall time, the time per
// article and the child's peak memory (max RSS, reported by bench/report-rss.js).
// Usage: npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--keep]
// With --dev it measures `mimeo dev` instead (see bench/dev.js): [--edits 20] [--total 200].

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runDevBench } from './dev.js';
import { generateZine } from './generate.js';

const benchFolder = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchFolder);
const cli = path.join(repoRoot, 'bin', 'mimeo.js');
const rssReporter = pathToFileURL(path.join(benchFolder, 'report-rss.js')).href;

function readOptions() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '1000' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      edits: { type: 'string', default: '20' },
      total: { type: 'string', default: '200' },
    },
  });
  const options = {
    articles: Number(values.articles),
    runs: Number(values.runs),
    seed: Number(values.seed),
    keep: values.keep,
    dev: values.dev,
    edits: Number(values.edits),
    total: Number(values.total),
  };
  for (const name of ['articles', 'runs', 'edits', 'total']) {
    if (!Number.isInteger(options[name]) || options[name] < 1) fail(`--${name} must be a positive whole number, got "${values[name]}"`);
  }
  if (!Number.isInteger(options.seed)) fail(`--seed must be a whole number, got "${values.seed}"`);
  if (options.edits > options.total) fail(`--edits must be at most --total (${options.total}), got "${values.edits}"`);
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

/** Runs one build of `root` in a child process; resolves to its exit code, output, wall time and peak RSS. */
function runBuild(root, run) {
  const rssFile = path.join(root, `max-rss-${run}.txt`);
  rmSync(path.join(root, 'dist'), { recursive: true, force: true });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', rssReporter, cli, 'build', '--root', root], {
      cwd: repoRoot,
      env: { ...process.env, MIMEO_BENCH_RSS_FILE: rssFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const seconds = (performance.now() - start) / 1000;
      let maxRssKiB;
      try {
        maxRssKiB = Number(readFileSync(rssFile, 'utf8'));
      } catch {
        maxRssKiB = undefined;
      }
      resolve({ code: code ?? signal, stdout, stderr, seconds, maxRssKiB });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
}

async function main() {
  const options = readOptions();
  const cpus = os.cpus();
  console.log(`mimeo ${options.dev ? 'dev' : 'build'} benchmark: node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}`);

  const root = mkdtempSync(path.join(os.tmpdir(), 'mimeo-bench-'));
  const generateStart = performance.now();
  const zine = generateZine(root, { articles: options.articles, seed: options.seed });
  console.log(`corpus: ${zine.articles} articles in ${zine.issues} issues, seed ${options.seed}, generated in ${((performance.now() - generateStart) / 1000).toFixed(2)} s at ${root}`);

  if (options.dev) {
    try {
      await runDevBench(root, options, { cli, rssReporter, repoRoot });
    } finally {
      if (!options.keep) rmSync(root, { recursive: true, force: true });
      else console.log(`kept ${root}`);
    }
    return;
  }

  const results = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      const result = await runBuild(root, run);
      if (result.code !== 0) {
        console.error(`bench: run ${run}: mimeo build exited with ${result.code}; its stderr follows.\n`);
        console.error(result.stderr.trimEnd() || '(empty)');
        console.error(options.keep ? `\nthe corpus is kept at ${root}` : '\nre-run with --keep to inspect the corpus');
        process.exitCode = 1;
        return;
      }
      // Notes (the generated corpus is not a Git repository) are not diagnostics.
      const printed = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('note: '));
      if (printed.length > 0) console.log(`run ${run}: the build printed diagnostics:\n${printed.join('\n')}`);
      const memory = result.maxRssKiB === undefined ? 'n/a' : `${(result.maxRssKiB / 1024).toFixed(1)} MiB`;
      console.log(`run ${run}: ${result.seconds.toFixed(2)} s, ${memory}; mimeo: ${result.stdout.trim()}`);
      results.push(result);
    }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }

  const seconds = median(results.map((result) => result.seconds));
  const rss = results.map((result) => result.maxRssKiB).filter((value) => Number.isFinite(value));
  console.log('');
  printTable([
    ['articles', 'runs', 'median wall (s)', 'ms/article', 'peak RSS (MiB)'],
    [
      String(options.articles),
      String(options.runs),
      seconds.toFixed(2),
      ((seconds * 1000) / options.articles).toFixed(1),
      rss.length > 0 ? (Math.max(...rss) / 1024).toFixed(1) : 'n/a',
    ],
  ]);
}

await main();
