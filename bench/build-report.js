// The summary of the build benchmark: one row per command (median wall time, ms per article, peak
// memory), then the ratios mimeo aims for, each against its target.

/** Rows of the table, in the order printed. */
const commandNames = ['floor', 'cold', 'warm', 'lookup', 'edit10', 'floor10', 'start', 'cp'];

/**
 * What mimeo aims for, as ratios of medians: a build without cache close to the parse floor, a
 * build with nothing changed close to copying the content, and a ten-article edit close to that.
 * The next ratio has no target: it weighs an edit against a warm build that does look every file
 * up (`lookup`), since `warm` now stops at the build stamp. The last is a bound: a build of ten
 * edited articles in a fresh process must at least load the Markdown stack and parse them, which
 * is all floor10 does, besides finding out, as warm does, that nothing else changed; the two
 * share one start of a process (`start`), so edit10 / warm can not be less than
 * (warm + floor10 − start) / warm.
 */
const targets = [
  { numerator: 'cold', denominator: 'floor', most: 1.2 },
  { numerator: 'warm', denominator: 'cp', most: 3 },
  { numerator: 'edit10', denominator: 'warm', most: 1.3 },
  { numerator: 'edit10', denominator: 'lookup' },
];

/** Prints the table and the ratios for `results` (command name → one result per round). */
export function printSummary(results, options) {
  const seconds = Object.fromEntries(commandNames.map((name) => [name, median(results[name].map((result) => result.seconds))]));
  console.log('');
  console.log(`medians of ${options.runs} round${options.runs === 1 ? '' : 's'}, ${options.articles} articles:`);
  printTable('lrrr', [
    ['command', 'median (s)', 'ms/article', 'peak RSS (MiB)'],
    ...commandNames.map((name) => [name, seconds[name].toFixed(2), ((seconds[name] * 1000) / options.articles).toFixed(1), peakMiB(results[name])]),
  ]);
  console.log('');
  const editTarget = targets.find((target) => target.numerator === 'edit10' && target.denominator === 'warm').most;
  const bound = (seconds.warm + seconds.floor10 - seconds.start) / seconds.warm;
  printTable(
    'lrll',
    [
      ...targets.map(({ numerator, denominator, most }) => {
        const ratio = seconds[numerator] / seconds[denominator];
        if (most === undefined) return [`${numerator} / ${denominator}`, ratio.toFixed(2), '(no target)', ''];
        return [`${numerator} / ${denominator}`, ratio.toFixed(2), `(target ≤ ${most})`, ratio <= most ? 'met' : 'missed'];
      }),
      ['(warm + floor10 − start) / warm', bound.toFixed(2), '(the least edit10 / warm can be)', ''],
    ],
  );
  if (bound > editTarget) {
    console.log(`\nan edit of ten articles must find, as warm does, that nothing else changed, and parse them, as floor10 does: that alone is more than ${editTarget} × warm, so no build that parses them in a fresh process can meet the edit10 / warm target on this machine`);
  }
}

function peakMiB(results) {
  const kib = results.map((result) => result.maxRssKiB).filter((value) => Number.isFinite(value));
  return kib.length > 0 ? (Math.max(...kib) / 1024).toFixed(1) : 'n/a';
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Prints rows as columns, each aligned as its letter in `align` says: `l` left, `r` right. */
function printTable(align, rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const pad = (cell, column) => (align[column] === 'l' ? cell.padEnd(widths[column]) : cell.padStart(widths[column]));
  for (const row of rows) console.log(row.map(pad).join('  ').trimEnd());
}
