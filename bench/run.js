// The build benchmark: generates a seeded webzine of N articles in a temporary folder, then runs
// R rounds of eight commands on it as child processes (the parse floor, mimeo build cold, warm, warm
// with one output removed, and after a ten-article edit, the parse floor of those ten articles
// alone, a Node process that does nothing, and cp -r), and prints their median wall times, time per article, peak
// memory (max RSS, reported by bench/report-rss.js) and ratios (see bench/build.js).
// Usage: npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--keep]
// With --dev it measures `mimeo dev` instead (see bench/dev.js): [--edits 20] [--total 200].

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { runBuildBench } from './build.js';
import { runDevBench } from './dev.js';
import { generateZine } from './generate.js';

const benchFolder = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.dirname(benchFolder);
const cli = path.join(repoRoot, 'bin', 'mimeo.js');
const rssReporter = pathToFileURL(path.join(benchFolder, 'report-rss.js')).href;

const usage = `Usage: npm run bench -- [--articles 1000] [--runs 3] [--seed 1] [--translate-every 0] [--keep]
       npm run bench -- --dev [--articles 1000] [--edits 20] [--total 200] [--seed 1] [--translate-every 0] [--keep]

Generates a seeded webzine of --articles articles in a temporary folder and times, over --runs
alternating rounds, the parse floor, mimeo build --no-cache, a warm build, a warm build with one
output removed, a build after editing ten articles, the parse floor of those ten alone, the start
of a Node process and cp -r of the content; it prints medians, peak memory and the ratios of
issue #7. With --dev it times mimeo dev instead over --total saves, the first --edits of them also
apart, and reads its memory after the first build, after --edits saves and after --total.
--translate-every N gives the webzine a French edition in which every Nth article is translated
(0, the default: none). --keep leaves the corpus in place; -h, --help shows this.
`;

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({ options: optionTypes });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return checkedOptions(values);
}

const optionTypes = {
  articles: { type: 'string', default: '1000' },
  runs: { type: 'string', default: '3' },
  seed: { type: 'string', default: '1' },
  'translate-every': { type: 'string', default: '0' },
  keep: { type: 'boolean', default: false },
  dev: { type: 'boolean', default: false },
  edits: { type: 'string', default: '20' },
  total: { type: 'string', default: '200' },
  help: { type: 'boolean', short: 'h', default: false },
};

function checkedOptions(values) {
  const options = {
    articles: Number(values.articles),
    runs: Number(values.runs),
    seed: Number(values.seed),
    translateEvery: Number(values['translate-every']),
    keep: values.keep,
    dev: values.dev,
    edits: Number(values.edits),
    total: Number(values.total),
  };
  for (const name of ['articles', 'runs', 'edits', 'total']) {
    if (!Number.isInteger(options[name]) || options[name] < 1) fail(`--${name} must be a positive whole number, got "${values[name]}"`);
  }
  if (!Number.isInteger(options.seed)) fail(`--seed must be a whole number, got "${values.seed}"`);
  if (!Number.isInteger(options.translateEvery) || options.translateEvery < 0) fail(`--translate-every must be 0 or a positive whole number, got "${values['translate-every']}"`);
  if (options.edits > options.total) fail(`--edits must be at most --total (${options.total}), got "${values.edits}"`);
  return options;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

async function main() {
  const options = readOptions();
  const cpus = os.cpus();
  console.log(`mimeo ${options.dev ? 'dev' : 'build'} benchmark: node ${process.version}, ${cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}`);

  const root = mkdtempSync(path.join(os.tmpdir(), 'mimeo-bench-'));
  const generateStart = performance.now();
  const zine = generateZine(root, { articles: options.articles, seed: options.seed, translateEvery: options.translateEvery });
  const translated = zine.translations > 0 ? ` (${zine.translations} translated into French)` : '';
  console.log(`corpus: ${zine.articles} articles${translated} in ${zine.issues} issues, seed ${options.seed}, generated in ${((performance.now() - generateStart) / 1000).toFixed(2)} s at ${root}`);

  // Files deleted just before (an earlier bench's corpus, a test run's folders) make the kernel
  // scan them for every file created until it writes their inodes out, half a minute later (see
  // build.js); once written out (sync returns when they are), only for five seconds after their
  // deletion, which are over by the end of the untimed priming build.
  spawnSync('sync');
  try {
    if (options.dev) await runDevBench(root, options, { cli, rssReporter, repoRoot });
    else await runBuildBench(root, options, { cli, rssReporter, repoRoot });
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
    else console.log(`kept ${root}`);
  }
}

await main();
