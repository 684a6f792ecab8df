import path from 'node:path/posix';
import type { Diagnostic } from './diagnostic.js';
import { sortDiagnostics } from './diagnostic.js';

/** The output formats of `check` (and of `build`'s errors, which are always `text`). */
export type DiagnosticFormat = 'text' | 'json' | 'github';

/** The formats, as listed in messages and `--help`. */
export const diagnosticFormats: readonly DiagnosticFormat[] = ['text', 'json', 'github'];

/** Options of {@link formatDiagnostics}. */
export interface FormatOptions {
  /** Whether the third-party cause is shown under each diagnostic (default: `false`). */
  debug?: boolean;
  /**
   * The root's folder inside its Git repository (`zine/`), put before each file of a `github`
   * annotation, which GitHub reads from the repository's top, and that top, which an absolute
   * path is made relative to; `text` and `json` stay relative to the root (default: prefix `''`,
   * the root is the repository's top).
   */
  repository?: { prefix: string; top?: string };
}

/** Formats diagnostics, sorted by file, line and column, one after the other. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: DiagnosticFormat, options: FormatOptions = {}): string {
  const sorted = sortDiagnostics(diagnostics);
  if (format === 'json') return sorted.map((d) => JSON.stringify(toJson(d))).join('\n') + (sorted.length ? '\n' : '');
  const render = format === 'github' ? (d: Diagnostic) => toGithub(d, options.repository ?? { prefix: '' }) : (d: Diagnostic) => toText(d, options);
  return sorted.map((d) => render(d) + '\n').join('');
}

/** `file:line:col: severity: message [rule-id]`, then the hint indented below (SPEC §5). */
export function toText(d: Diagnostic, options: FormatOptions = {}): string {
  let text = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${oneLine(d.message)} [${d.ruleId}]`;
  if (d.hint) text += '\n' + indent(commandFree(d.hint));
  if (options.debug && d.cause !== undefined) text += '\n' + indent(commandFree(`cause: ${describeCause(d.cause)}`));
  return text;
}

/**
 * Lines below a diagnostic as they are, unless one would start (past its spaces) with `::`, as a
 * value a hint or a cause quotes over several lines may: GitHub's runner reads such a line of a
 * job's output as a workflow command (an invented annotation, or `::stop-commands::` hiding the
 * real ones), so those lines are put on one, their breaks written `\n`.
 */
function commandFree(text: string): string {
  // The runner (.NET) trims NEL (U+0085) as white space too, which `\s` does not match.
  return /^[\s\u0085]*::/m.test(text) ? oneLine(text) : text;
}

/**
 * A message on one line: a value it quotes may hold a line break (`[x](a&#10;b)`), which would
 * begin a line of its own, one that CI could read as a command (`::error::…` on GitHub).
 */
function oneLine(message: string): string {
  return message.replace(/[\r\n\u2028\u2029]/g, (character) => lineBreakEscapes[character] ?? '');
}

const lineBreakEscapes: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function toJson(d: Diagnostic): Omit<Diagnostic, 'cause'> {
  const { cause: _cause, ...rest } = d;
  return rest;
}

/**
 * A GitHub workflow command, which the Actions runner turns into an annotation on the line. Its
 * file is read from the repository's top, so a webzine in a subfolder names it with `prefix`.
 */
function toGithub(d: Diagnostic, repository: { prefix: string; top?: string }): string {
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  // A file outside the root (a theme elsewhere in the repository) is named by its absolute path.
  const inside = repository.top !== undefined && path.isAbsolute(d.file) ? path.relative(repository.top, d.file) : undefined;
  const file = inside !== undefined ? (inside.startsWith('..') ? d.file : inside) : repository.prefix === '' || path.isAbsolute(d.file) ? d.file : path.normalize(repository.prefix + d.file);
  const properties = `file=${escapeProperty(file)},line=${d.line},col=${d.column},title=${escapeProperty(d.ruleId)}`;
  return `::${d.severity} ${properties}::${escapeData(message)}`;
}

// Escaping as the Actions toolkit does (actions/toolkit packages/core/src/command.ts).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => '  ' + line)
    .join('\n');
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.stack ?? cause.message;
  return String(cause);
}

/**
 * Notes of a run (not mistakes), one `note:` line each, for standard error: a note may name a
 * file whose name holds a line break (a committed cache entry), which must not begin a line CI
 * could read as a command.
 */
export function formatNotes(notes: readonly string[]): string {
  return notes.map((note) => `note: ${oneLine(note)}\n`).join('');
}

/** The closing summary of a run: `2 errors, 1 warning`. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** `1 page`, `2 pages`; `pluralNoun` for nouns that do not just take an s. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
