import { createRequire } from 'node:module';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule, type FilterAdvice } from '../diagnostics/rules.js';
import { corruptEntryIn } from '../compile/file-cache.js';
import { themeFileName, type ThemeFiles } from '../load/load-theme.js';
import { printingTemplate, readTags, templatePrefix, templateSources } from './template-names.js';
import { locateScript } from './page-script.js';
import { placeOf } from '../util/text-place.js';

// LiquidJS is CommonJS: `require` loads it when it is first needed (a template read, an error
// converted), not when a module that may need it is imported: a warm build reads no template.
const load = createRequire(import.meta.url);
export const liquid = () => load('liquidjs') as typeof import('liquidjs');

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
  const said = (error.originalError?.message ?? error.message).split(/, (?:file|line):/)[0]!.replace(/^ENOENT: /, '');
  // LiquidJS tells a block left open where it stopped looking for its end: told at its opening instead.
  const open = /^tag (?:"end\w+" not found|\{%.*%\} not closed)$/s.test(said) ? unclosedBlock(files.get(file)?.bytes.toString('utf8') ?? '') : undefined;
  const reason = open?.reason ?? said;
  const { rule, args } = convert(reason);
  const place = { file: themeFileName(files, file), line: open?.line ?? line ?? 1, column: open?.column ?? column ?? 1 };
  // The same mistake, found when a template is read or when a page renders it, is told once.
  const key = toldKey(place, reason);
  if (told?.has(key)) return;
  told?.add(key);
  if (rule === 'template/syntax') reportRule(report, rule, place, args, error);
  else reportRule(report, rule, place, args, error);
}

// Liquid's tags that hold a body up to their end tag (`raw` and `comment` are blanked by `readTags`).
const blockTags = new Set(['if', 'unless', 'for', 'case', 'capture', 'block', 'tablerow']);

/**
 * The block tag of `text` left open, where it was opened, and why it is told so: the first end
 * tag that closes another block than the innermost one open, or one that closes none, or the
 * template's end with a block still open. `undefined` when every block is closed, or where the
 * template writes tags without delimiters (`{% liquid %}`), which this reading does not follow.
 */
export function unclosedBlock(text: string): { line: number; column: number; reason: string } | undefined {
  const read = readTags(text);
  if (/\{%-?\s*liquid\b/.test(read)) return undefined;
  const opened: Array<{ name: string; written: string; at: number }> = [];
  const place = (at: number) => placeOf(read, at);
  const shown = (written: string) => written.replace(/\s+/g, ' ');
  for (const tag of read.matchAll(/\{%-?\s*(\w+)[^]*?-?%\}/g)) {
    const [written, name = ''] = tag;
    if (blockTags.has(name)) opened.push({ name, written, at: tag.index });
    if (!name.startsWith('end') || !blockTags.has(name.slice(3))) continue;
    const inner = opened.pop();
    if (inner?.name === name.slice(3)) continue;
    const end = `${shown(written)} (line ${place(tag.index).line})`;
    if (!inner) return { ...place(tag.index), reason: `${shown(written)} closes no open {% ${name.slice(3)} %}` };
    return { ...place(inner.at), reason: `${shown(inner.written)} is never closed: ${end} comes before its {% end${inner.name} %}` };
  }
  const left = opened.pop();
  return left && { ...place(left.at), reason: `${shown(left.written)} is never closed: the template ends before its {% end${left.name} %}` };
}

/**
 * Tells the script `script` that the page `page`, made with the template `name`, holds: where a
 * template wrote it, as written (the page's template first), else at the template that printed
 * it; once for each place, however many pages hold it.
 */
export function reportTemplateScript(files: ThemeFiles, name: string, script: string, page: string, report: Report, told: Set<string>): void {
  const file = `${templatePrefix}${name}.liquid`;
  const located = locateScript(script, templateSources(files, name));
  const written = located ?? { file: printingTemplate(files, name), line: 1, column: 1 };
  const place = { file: themeFileName(files, written.file), line: written.line, column: written.column };
  const where = { ...(located === undefined ? { printed: true as const } : {}), ...(written.file === file ? {} : { template: file }) };
  if (!told.has(toldKey(place, script))) reportRule(report, 'template/script', place, { found: script, page, ...where });
  told.add(toldKey(place, script));
}
