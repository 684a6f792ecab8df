import type { Report } from '../diagnostics/diagnostic.js';
import { InternalError } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { OutputFile } from './output-file.js';

/**
 * Reports two sources that would write the same output file, and keeps the first. An output path
 * that is absolute or climbs with `..` is a bug: models only make paths inside their tree.
 */
export function removeConflicts(files: readonly OutputFile[], tree: string, report: Report): OutputFile[] {
  const seen = new Map<string, OutputFile>();
  for (const file of files) {
    if (!isSafeOutputPath(file.path)) throw new InternalError(`unsafe output path "${file.path}" from ${file.source}`);
    const key = file.path.toLowerCase();
    const first = seen.get(key);
    if (first) reportRule(report, 'path/conflict', { file: file.source, related: [first.source] }, { output: `${tree}/${file.path}`, other: first.source });
    else seen.set(key, file);
  }
  return [...seen.values()];
}

/** Whether `path` stays inside the folder it is relative to. */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
