// Preloaded into the benchmarked build with `node --import`: on exit, writes the process's peak
// resident set size (KiB, from process.resourceUsage().maxRSS) to the file named by
// $MIMEO_BENCH_RSS_FILE, so run.js can measure memory without any code in src/.

import { writeFileSync } from 'node:fs';

const file = process.env.MIMEO_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
