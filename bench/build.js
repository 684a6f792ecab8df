// The build benchmark: on one generated corpus, times eight commands round by round, alternating
// their order so that drift of the machine (heat, other load) falls on all of them alike:
//   floor   bench/floor.js, the least work a Markdown-to-HTML build must do (see there)
//   cold    mimeo build --no-cache, after deleting dist/
//   warm    mimeo build --cache-dir, right after a build of the same content with that cache: it
//           finds its stamp, and says that nothing changed
//   lookup  the same, after one output file (the sitemap) was removed by hand: the stamp can not
//           vouch for the output, so the build looks every file up and renders what is missing
//   edit10  the same as warm, after appending a sentence to ten articles (others each round)
//   floor10 bench/floor.js on a copy of just the ten articles edit10 edited: what a fresh process
//           must spend to load the Markdown stack and turn ten articles into HTML, the least
//           edit10 can take beyond what warm takes (see build-report.js)
//   start   bench/start.js, which does nothing: the start of a Node process, which warm and
//           floor10 both pay and an edit pays once
//   cp      cp -r content/ to a fresh folder: the cost of merely reading and writing the files
// Then prints each command's median, ms per article and peak memory, and the three ratios that
// mimeo aims for (see build-report.js).
// A priming build fills the cache first. When cold ran since the last cached build, one more cached
// build ("settle", not counted) runs before edit10, so that every edit starts, like a writer's, from
// the output and cache of a cached build of the same content.
// The folders a command starts without (dist/ for cold, the floor's and cp's output) are moved
// aside, not deleted, and deleted after the last round: on ext4 without a journal (these
// machines' disk), a file created within 30 s of thousands of deletions costs the kernel a scan
// of the deleted inodes, which put 1 to 2 s of system time on a cold build at 1 000 articles
// (perf: find_inode_bit, recently_deleted) and less on the floor, which makes a third as many files.

import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { printSummary } from './build-report.js';
import { listArticles } from './generate.js';
import { createRandom, hashSeed, sentence } from './prose.js';
import { runTimed } from './timed-run.js';

const editsPerRound = 10;

/** Runs the build benchmark on the corpus in `root`; `options` as parsed by run.js. */
export async function runBuildBench(root, options, context) {
  const state = { codeChanges: 0 };
  const measure = createMeasure(root, options.seed, context, state);
  try {
    printSummary(await runRounds(measure, options.runs), options);
    if (state.codeChanges > 0) console.log(`\nwarning: lib/ changed ${state.codeChanges} time${state.codeChanges === 1 ? '' : 's'} during the bench (see above), so some cached builds were not warm; run it again once lib/ stays put`);
  } catch (error) {
    if (!(error instanceof CommandFailure)) throw error;
    console.error(`bench: ${error.message}; its stderr follows.\n`);
    console.error(error.stderr.trimEnd() || '(empty)');
    console.error(options.keep ? `\nthe corpus is kept at ${root}` : '\nre-run with --keep to inspect the corpus');
    process.exitCode = 1;
  } finally {
    rmSync(path.join(root, setAsideName), { recursive: true, force: true });
  }
}

/** Where {@link setAside} moves folders, inside the corpus's folder. */
const setAsideName = '.set-aside';

/** Primes the cache, then runs the rounds; resolves to each command's results, one per round. */
async function runRounds(measure, runs) {
  const results = { floor: [], cold: [], warm: [], lookup: [], edit10: [], floor10: [], start: [], cp: [] };
  await measure('warm', 'prime');
  let afterCold = false;
  for (let round = 1; round <= runs; round++) {
    for (const name of roundOrder(round)) {
      if (name === 'edit10' && afterCold) await measure('warm', `round ${round} settle`);
      results[name].push(await measure(name, `round ${round} ${name}`));
      if (name === 'cold' || name === 'warm' || name === 'lookup') afterCold = name === 'cold';
    }
  }
  return results;
}

/**
 * Returns a function that readies the corpus for a command, runs it, prints the outcome and
 * resolves to it; a failed command throws. Counts changes to mimeo's compiled code in `state`.
 */
function createMeasure(root, seed, { cli, rssReporter, repoRoot }, state) {
  const commands = planCommands(root, seed, cli, path.join(repoRoot, 'bench', 'floor.js'));
  const compiled = path.join(repoRoot, 'lib');
  let code = fingerprintOf(compiled);
  return async (name, label) => {
    const command = commands[name];
    command.prepare?.();
    const result = await runTimed(command, { cwd: repoRoot, rssReporter, rssFile: path.join(root, 'max-rss.txt') });
    if (result.code !== 0) throw new CommandFailure(label, command, result);
    printRun(label, result);
    // mimeo's compiled code is part of every cache key, so a change to lib/ makes the next cached build compile everything.
    const now = fingerprintOf(compiled);
    if (now !== code) {
      console.log(`warning: lib/ changed by the end of ${label}; the next cached build (settle, edit10 or warm) is not warm`);
      state.codeChanges++;
    }
    code = now;
    return result;
  };
}

/**
 * The commands of a round in order: floor, cp and cold before the edit10 → floor10 → start → warm
 * → lookup run in odd rounds, after it (lookup first) in even rounds, so no command always runs
 * first or last. floor10 follows edit10, whose ten articles it parses.
 */
function roundOrder(round) {
  return round % 2 === 1
    ? ['floor', 'cp', 'cold', 'edit10', 'floor10', 'start', 'warm', 'lookup']
    : ['lookup', 'edit10', 'floor10', 'start', 'warm', 'cold', 'cp', 'floor'];
}

/** The eight commands, each with the untimed step that readies the corpus for it. */
function planCommands(root, seed, cli, floorScript) {
  const startScript = path.join(path.dirname(floorScript), 'start.js');
  const content = path.join(root, 'content');
  const build = (...args) => ({ script: cli, args: ['build', '--root', root, ...args], isMimeo: true });
  const cached = build('--cache-dir', path.join(root, '.mimeo-cache'));
  const remove = (folder) => () => setAside(root, folder);
  const floorOut = path.join(root, 'floor-html');
  const edited = path.join(root, 'edited-content');
  const editedOut = path.join(root, 'edited-html');
  const copy = path.join(root, 'content-copy');
  const edits = planEdits(root, seed);
  return {
    floor: { script: floorScript, args: [content, floorOut], prepare: remove(floorOut) },
    cold: { ...build('--no-cache'), prepare: remove(path.join(root, 'dist')) },
    warm: cached,
    lookup: { ...cached, prepare: () => rmSync(path.join(root, 'dist', 'web', 'sitemap.xml'), { force: true }) },
    edit10: { ...cached, prepare: edits.apply },
    floor10: {
      script: floorScript,
      args: [edited, editedOut],
      prepare: () => {
        remove(edited)();
        remove(editedOut)();
        copyEdited(root, edits.last(), edited);
      },
    },
    start: { script: startScript, args: [] },
    cp: { program: 'cp', args: ['-r', content, copy], prepare: remove(copy) },
  };
}

/** Copies `files` (paths from `root`, under content/) to the same paths under `folder`. */
function copyEdited(root, files, folder) {
  for (const file of files) {
    const target = path.join(folder, path.relative('content', file));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(root, file), target);
  }
}

/** Moves `folder`, if there is one, into the corpus's set-aside folder (see the top of this file). */
function setAside(root, folder) {
  if (!existsSync(folder)) return;
  const aside = path.join(root, setAsideName);
  mkdirSync(aside, { recursive: true });
  renameSync(folder, path.join(aside, `${path.basename(folder)}-${readdirSync(aside).length}`));
}

/**
 * Returns `apply`, a step that appends one seeded sentence, as its own paragraph, to the next ten
 * articles of a seeded shuffle, and `last`, which returns the articles it last edited.
 */
function planEdits(root, seed) {
  const random = createRandom(hashSeed(`${seed}:edit10`));
  const articles = listArticles(root);
  const order = random.sample(articles, articles.length);
  let next = 0;
  let last = [];
  const apply = () => {
    last = [];
    for (let edit = 0; edit < Math.min(editsPerRound, order.length); edit++) {
      const article = order[next % order.length];
      appendFileSync(path.join(root, article), `\n${sentence(random)}\n`);
      last.push(article);
      next++;
    }
  };
  return { apply, last: () => last };
}

/** A hash of the names and bytes of the files under `folder`. */
function fingerprintOf(folder) {
  const hash = createHash('sha256');
  for (const file of readdirSync(folder, { recursive: true }).sort()) {
    const full = path.join(folder, file);
    if (statSync(full).isFile()) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex');
}

function printRun(label, result) {
  const memory = result.maxRssKiB === undefined ? 'n/a' : `${(result.maxRssKiB / 1024).toFixed(1)} MiB`;
  const said = result.stdout.trim().split('\n').at(-1);
  console.log(`${label.padEnd(15)} ${result.seconds.toFixed(2).padStart(6)} s  ${memory.padStart(9)}${said ? `  ${said}` : ''}`);
  // Notes (the generated corpus is not a Git repository) are not diagnostics.
  const printed = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('note: '));
  if (printed.length > 0) console.log(`${label} printed diagnostics:\n${printed.join('\n')}`);
}

/** A benchmarked command that exited with a code other than 0: the bench stops and shows its stderr. */
class CommandFailure extends Error {
  constructor(label, command, result) {
    super(`${label}: ${command.isMimeo ? 'mimeo build' : path.basename(command.script ?? command.program)} exited with ${result.code}`);
    this.stderr = result.stderr;
  }
}
