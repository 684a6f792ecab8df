import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, formatNotes, plural, summarizeDiagnostics } from '../../diagnostics/format.js';
import { isSiteAddress } from '../../parse/addresses.js';
import { upToDate } from '../../write/build-stamp.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';
import { resolveCompiling, resolveFolders } from './paths.js';
import { createProgress } from './progress.js';

/**
 * `mimeo build`: builds the webzine and prints its diagnostics and one summary line. When
 * nothing the last build was made of changed and its output is as it left it, says so and
 * what that build said, without loading the rest of mimeo.
 */
export async function runBuild(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const folders = resolveFolders('build', values['root'], values['out'], cwd);
  const baseUrl = values['base-url'];
  if (typeof baseUrl === 'string' && !isSiteAddress(baseUrl, ['https:', 'http:'])) {
    throw new UsageError(`--base-url must be an http(s) URL like https://zine.example/, without ?query or #fragment, got "${baseUrl}"`, 'build');
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
  // Cleared whatever happens: a message about a failed write starts on a line of its own.
  const result = await build({
    ...folders,
    ...compiling,
    progress: (parsed, total) => progress.update(parsed, total),
    drafts,
    ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
    ...(stamp ? { inputStates: stamp.inputs } : {}),
  }).finally(() => progress.clear());
  terminal.err(formatNotes(result.notes));
  terminal.err(formatDiagnostics(result.diagnostics, 'text', { debug }));
  if (hasErrors(result.diagnostics)) {
    terminal.err(`build failed: ${summarizeDiagnostics(result.diagnostics)}; nothing was written\n`);
    return exitCodes.content;
  }
  terminal.out(`built ${counted(countOutputs(result.trees, result.site))} in ${seconds()} s\n`);
  return exitCodes.success;
}
