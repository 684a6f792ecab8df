import { createRequire } from 'node:module';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule, type FilterAdvice } from '../diagnostics/rules.js';
import { corruptEntryIn } from '../compile/file-cache.js';
import type { ThemeFiles } from '../load/load-theme.js';

// LiquidJS is CommonJS: `require` loads it when an error is first converted (see theme.ts).
const load = createRequire(import.meta.url);
const liquid = () => load('liquidjs') as typeof import('liquidjs');

/** The key of a mistake told at `place`, so that one found again (on another page) is not told twice. */
export function toldKey(place: { file: string; line: number; column: number }, reason: string): string {
  return `${place.file}:${place.line}:${place.column}:${reason}`;
}

/** Turns a template error's reason into the rule to report it under. */
export type Conversion = (reason: string) =>
  | { rule: 'template/syntax'; args: { reason: string; suggestion?: string; advice?: FilterAdvice } }
  | { rule: 'template/render'; args: { reason: string; page: string; suggestion?: string; advice?: FilterAdvice } };

/**
 * Reports a LiquidJS error at the template's file and line, as the rule `convert` picks, unless
 * `told` holds the same mistake at the same place already; any other error is rethrown with the
 * template's path.
 */
export function reportTemplateError(error: unknown, files: ThemeFiles, fallbackFile: string, report: Report, convert: Conversion, told?: Set<string>): void {
  // Fragments torn in the cache are the build's to handle (it starts again), not a template's fault.
  if (corruptEntryIn(error)) throw error;
  if (!(error instanceof liquid().LiquidError)) throw new Error(`the template ${fallbackFile} failed`, { cause: error });
  const file = error.token?.file ?? fallbackFile;
  const [line, column] = error.token ? error.token.getPosition() : [1, 1];
  const reason = (error.originalError?.message ?? error.message).split(/, (?:file|line):/)[0]!.replace(/^ENOENT: /, '');
  const { rule, args } = convert(reason);
  const place = { file: files.get(file)?.displayPath ?? file, line: line ?? 1, column: column ?? 1 };
  // The same mistake, found when a template is read or when a page renders it, is told once.
  const key = toldKey(place, reason);
  if (told?.has(key)) return;
  told?.add(key);
  if (rule === 'template/syntax') reportRule(report, rule, place, args, error);
  else reportRule(report, rule, place, args, error);
}
