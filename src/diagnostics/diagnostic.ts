import { compareText } from '../util/compare-text.js';

/** Whether a diagnostic fails the build (`error`) or is only shown (`warning`). */
export type Severity = 'error' | 'warning';

/** A located mistake in content, configuration or a theme: data, never an exception. */
export interface Diagnostic {
  /** Path of the file, relative to the webzine root, with forward slashes. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: Severity;
  /** Permanent rule id, `area/kebab-name`. */
  ruleId: string;
  /** What was expected and what was found, from the contributor's side. */
  message: string;
  /** What to do about it, when there is something useful to say. */
  hint?: string;
  /** The underlying third-party error, shown only with `--debug`. */
  cause?: unknown;
  /** Other files the mistake is made of (the twin of a duplicate): a change to one of them may have made it. */
  related?: readonly string[];
}

/** Where a diagnostic points, before it becomes one. */
export interface Place {
  file: string;
  line?: number;
  column?: number;
  /** See {@link Diagnostic.related}. */
  related?: readonly string[];
}

/** The sink every stage reports to; stages keep going after reporting. */
export interface Report {
  (diagnostic: Diagnostic): void;
}

/** A report sink that keeps what it is given, in order, each mistake at each place once. */
export interface Collector {
  report: Report;
  diagnostics: Diagnostic[];
}

/** Makes a sink that collects diagnostics in memory. */
export function createCollector(): Collector {
  const diagnostics: Diagnostic[] = [];
  // The same mistake found twice at the same place (an image named by an <img>'s src and its
  // srcset) is told once, and counted once.
  const told = new Set<string>();
  return {
    diagnostics,
    report: (diagnostic) => {
      const { file, line, column, severity, ruleId, message, hint } = diagnostic;
      const key = JSON.stringify([file, line, column, severity, ruleId, message, hint]);
      if (told.has(key)) return;
      told.add(key);
      diagnostics.push(diagnostic);
    },
  };
}

/** Whether any of the diagnostics is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Sorts diagnostics by file, line, column and rule id, as they are printed (SPEC §5). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.message, b.message),
  );
}

/** A bug in mimeo, not a mistake in content: the only error that shows a stack (exit code 3). */
export class InternalError extends Error {
  override name = 'InternalError';
}

/**
 * Whether `error` is the engine running out of stack: what a parser or renderer that recurses
 * once a level meets in input nested thousands deep, and so a fault of the input. Any other
 * `RangeError` (a string or array too long) is not.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
