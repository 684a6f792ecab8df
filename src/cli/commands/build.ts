import { constants as osConstants } from 'node:os';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, formatNotes, plural, summarizeDiagnostics } from '../../diagnostics/format.js';
import { isSiteAddress } from '../../parse/addresses.js';
import { upToDate } from '../../write/build-stamp.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';
import { resolveCompiling, resolveFolders } from './paths.js';
import { createProgress } from './progress.js';
import { letSignalsIn } from '../../util/let-signals-in.js';

/**
 * `mimeo build`: builds the webzine and prints its diagnostics and one summary line. When
 * nothing the last build was made of changed and its output is as it left it, says so and
 * what that build said, without loading the rest of mimeo.
 */
export async function runBuild(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const folders = resolveFolders('build', values['root'], values['out'], cwd);
  const baseUrl = values['base-url'];
  if (typeof baseUrl === 'string' && !isBaseUrl(baseUrl)) {
    throw new UsageError(`--base-url must be an https URL like https://zine.example/ (http only for a preview on localhost, 127.0.0.1 or [::1]), without ?query or #fragment, got "${baseUrl}"`, 'build');
  }
  const started = performance.now();
  const compiling = resolveCompiling('build', values, folders, cwd);
  const drafts = values['drafts'] === true;
  const debug = values['debug'] === true;
  const seconds = () => ((performance.now() - started) / 1000).toFixed(2);
  const counted = (counts: { pages: number; entries: number; gemtext: number }) =>
    `${plural(counts.pages, 'page')}, ${plural(counts.entries, 'feed entry', 'feed entries')}, ${plural(counts.gemtext, 'gemtext file')}`;
  // `--debug` wants the build itself, causes of its warnings included.
  const stamp = compiling.cacheDir === undefined || debug ? undefined : await upToDate({ ...folders, cacheDir: compiling.cacheDir, drafts, baseUrl: typeof baseUrl === 'string' ? baseUrl : undefined }).catch(() => undefined);
  if (stamp && 'report' in stamp) {
    const { report } = stamp;
    terminal.err(formatNotes(report.notes));
    terminal.err(formatDiagnostics(report.diagnostics, 'text', { debug }));
    terminal.out(`nothing changed since the last build: ${counted(report)} are as it wrote them (${seconds()} s)\n`);
    return exitCodes.success;
  }
  const { build, countOutputs } = await import('../../build.js');
  const progress = createProgress(terminal);
  const interrupt = listenForInterrupt();
  let result;
  try {
    // Cleared whatever happens: a message about a failed write starts on a line of its own.
    result = await build({
      ...folders,
      ...compiling,
      progress: (parsed, total) => progress.update(parsed, total),
      drafts,
      ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
      ...(stamp ? { inputStates: stamp.inputs } : {}),
      signal: interrupt.signal,
    }).finally(() => progress.clear());
  } catch (error) {
    if (interrupt.heard() === undefined) throw error;
  } finally {
    // A signal that came during the last synchronous stretch (the swap) is heard before listening stops, not lost.
    await letSignalsIn();
    interrupt.cancel();
  }
  // Heard at any point, even after the last step: the one who pressed Ctrl+C is told it stopped.
  const signal = interrupt.heard();
  if (signal !== undefined || result === undefined) {
    terminal.err(`mimeo build: stopped by ${signal}; ${folders.out} holds whole trees, the previous build's, or this one's if they were being put in place\n`);
    return 128 + osConstants.signals[signal ?? 'SIGINT'];
  }
  terminal.err(formatNotes(result.notes));
  terminal.err(formatDiagnostics(result.diagnostics, 'text', { debug }));
  if (hasErrors(result.diagnostics)) {
    terminal.err(`build failed: ${summarizeDiagnostics(result.diagnostics)}; nothing was written\n`);
    return exitCodes.content;
  }
  terminal.out(`built ${counted(countOutputs(result.trees, result.site))} in ${seconds()} s\n`);
  return exitCodes.success;
}

// Ctrl+C, `kill`, and the terminal closed (or the SSH session dropped).
const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Listens for {@link stopSignals} while the build runs: the first aborts `signal`, so the build
 * stops at once, removing its staging folder, or, when the output's swap has begun, once it is
 * finished (SPEC §4: never half swapped); without a handler, a signal would end the process
 * in the middle of it. A second one ends the process at once, with the code a shell gives a
 * process that signal ended (130 for Ctrl+C): the swap, synchronous, can not be under way then.
 */
function listenForInterrupt(): { signal: AbortSignal; heard: () => NodeJS.Signals | undefined; cancel: () => void } {
  const controller = new AbortController();
  let heard: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (heard !== undefined) process.exit(128 + osConstants.signals[signal]);
    heard = signal;
    controller.abort(new Error(`stopped by ${signal}`));
  };
  stopSignals.forEach((signal) => process.on(signal, stop));
  return { signal: controller.signal, heard: () => heard, cancel: () => stopSignals.forEach((signal) => process.off(signal, stop)) };
}

// Hosts of `mimeo dev`'s address on loopback, as `URL` spells them.
const previewHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether `value` can stand for `baseUrl`: an https address, as site.yml requires (SPEC §2.1), or
 * an http one on this machine, where `mimeo dev` previews (`http://127.0.0.1:4000/`), so that a
 * build with the preview's address can be compared with it.
 */
function isBaseUrl(value: string): boolean {
  return isSiteAddress(value, ['https:']) || (isSiteAddress(value, ['http:']) && previewHosts.has(new URL(value).hostname));
}
