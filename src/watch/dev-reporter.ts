import { formatDiagnostics, formatNotes, plural, summarizeDiagnostics } from '../diagnostics/format.js';
import type { SessionEvent } from './dev-session.js';
import type { GoodRebuild } from './incremental-build.js';
import type { LiveReload } from './live-reload.js';

/** Where `mimeo dev` prints: results on `out`, diagnostics and trouble on `err`. */
export interface Printer {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Options of {@link createDevReporter}. */
export interface ReporterOptions {
  /** Whether the underlying error of each diagnostic is shown (default: `false`). */
  debug?: boolean;
}

/**
 * Makes what turns each session event into terminal lines and live-reload events: located errors
 * (SPEC §5) in the terminal and as an overlay in every open page, "fixed" once the build is good
 * again, a reload of the pages whose files changed, a stylesheet swap when only CSS changed.
 */
export function createDevReporter(print: Printer, liveReload: LiveReload, options: ReporterOptions = {}): (event: SessionEvent) => void {
  const state = { failing: false, built: false, notesShown: false, warnings: '' };
  return (event) => {
    if (event.kind === 'watch-error') return print.err(`mimeo dev: watching the files failed: ${event.error.message}\n`);
    if (event.kind === 'internal-error') {
      return print.err(`mimeo dev: internal error. This is a bug in mimeo; please report it with the text below. The preview keeps the last good build.\n${describe(event.error)}\n`);
    }
    const { outcome, milliseconds } = event;
    // Notes (no Git history, …) hold for the whole session: said once.
    if (!state.notesShown) print.err(formatNotes(outcome.notes));
    state.notesShown = true;
    const shown = formatDiagnostics(outcome.diagnostics, 'text', { debug: options.debug ?? false });
    if (!outcome.ok) {
      print.err(`${shown}build failed: ${summarizeDiagnostics(outcome.diagnostics)}; ${state.built ? 'the preview keeps the last good build' : 'the preview is empty until the webzine builds'}\n`);
      liveReload.send({ type: 'errors', text: shown, empty: !state.built });
      state.failing = true;
      return;
    }
    // Warnings are printed when they change, not again at every save.
    if (shown !== state.warnings) print.err(shown);
    state.warnings = shown;
    if (state.failing) liveReload.send({ type: 'fixed' });
    const summary = state.built ? rebuiltLine(outcome) : builtLine(outcome);
    const fixed = !state.failing ? '' : state.built ? 'fixed: the webzine builds again; ' : 'fixed: the webzine builds; ';
    print.out(`${fixed}${summary} in ${duration(milliseconds)}${state.built ? '' : ', drafts included'}\n`);
    state.failing = false;
    state.built = true;
    sendReload(outcome, liveReload);
  };
}

/** Reloads the pages whose files changed, or swaps stylesheets when a save changed only CSS. */
function sendReload(outcome: GoodRebuild, liveReload: LiveReload): void {
  const files = [...outcome.update.written, ...outcome.update.removed];
  if (files.length === 0) return;
  const stylesheets = outcome.update.written.filter((file) => file.startsWith('web/') && file.endsWith('.css'));
  const onlyCss = outcome.changes.length > 0 && outcome.changes.every((change) => change.endsWith('.css'));
  if (onlyCss && stylesheets.length > 0) liveReload.send({ type: 'css', files: stylesheets.map((file) => file.slice('web'.length)) });
  else liveReload.send({ type: 'change', files });
}

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

function builtLine(outcome: GoodRebuild): string {
  const present = [...outcome.present];
  const pages = present.filter((key) => key.startsWith('web/') && key.endsWith('.html')).length;
  const gemtext = present.filter((key) => key.startsWith('gemini/') && key.endsWith('.gmi')).length;
  const counts = [plural(pages, 'page'), ...(gemtext > 0 ? [plural(gemtext, 'gemtext file')] : []), plural(present.length - pages - gemtext, 'other file')];
  return `built ${counts.join(', ')}`;
}

function rebuiltLine(outcome: GoodRebuild): string {
  const { written, removed } = outcome.update;
  const did = written.length + removed.length === 0 ? 'nothing changed' : [`${plural(written.length, 'file')} written`, ...(removed.length > 0 ? [`${removed.length} removed`] : [])].join(', ');
  const cause = outcome.changes.length === 0 ? '' : ` after ${outcome.changes[0]}${outcome.changes.length > 1 ? ` and ${plural(outcome.changes.length - 1, 'more change')}` : ''}`;
  return `rebuilt${cause}: ${did}`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.stack ?? error.message : `${error.stack ?? error.message}\ncaused by: ${describe(error.cause)}`;
}
