import { build } from '../../build.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, formatNotes, plural, summarizeDiagnostics } from '../../diagnostics/format.js';
import { isSiteAddress } from '../../parse/addresses.js';
import { selectFeedIssues } from '../../render/feeds/entries.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';
import { resolveCompiling, resolveFolders } from './paths.js';
import { createProgress } from './progress.js';

/** `mimeo build`: builds the webzine and prints its diagnostics and one summary line. */
export async function runBuild(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const folders = resolveFolders('build', values['root'], values['out'], cwd);
  const baseUrl = values['base-url'];
  if (typeof baseUrl === 'string' && !isSiteAddress(baseUrl, ['https:', 'http:'])) {
    throw new UsageError(`--base-url must be an http(s) URL like https://zine.example/, without ?query or #fragment, got "${baseUrl}"`, 'build');
  }
  const started = performance.now();
  const progress = createProgress(terminal);
  const compiling = resolveCompiling('build', values, folders, cwd);
  // Cleared whatever happens: a message about a failed write starts on a line of its own.
  const result = await build({
    ...folders,
    ...compiling,
    progress: (parsed, total) => progress.update(parsed, total),
    drafts: values['drafts'] === true,
    ...(typeof baseUrl === 'string' ? { baseUrl } : {}),
  }).finally(() => progress.clear());
  terminal.err(formatNotes(result.notes));
  terminal.err(formatDiagnostics(result.diagnostics, 'text', { debug: values['debug'] === true }));
  if (hasErrors(result.diagnostics)) {
    terminal.err(`build failed: ${summarizeDiagnostics(result.diagnostics)}; nothing was written\n`);
    return exitCodes.content;
  }
  const pages = (result.trees['web'] ?? []).filter((file) => file.path.endsWith('.html')).length;
  const gemtext = (result.trees['gemini'] ?? []).filter((file) => file.path.endsWith('.gmi')).length;
  const entries = result.site ? selectFeedIssues(result.site).length : 0;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  terminal.out(`built ${plural(pages, 'page')}, ${plural(entries, 'feed entry', 'feed entries')}, ${plural(gemtext, 'gemtext file')} in ${seconds} s\n`);
  return exitCodes.success;
}
