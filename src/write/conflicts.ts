import type { Report } from '../diagnostics/diagnostic.js';
import { InternalError } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { isBuiltInThemeSource, type OutputFile } from './output-file.js';

/**
 * Reports two sources that would write the same output file, and keeps the first. The error
 * stands at the file a contributor can rename: where one of the two is a file mimeo makes itself
 * (a home page, a feed, the authors page, from site.yml or authors.yml; an asset of a theme, the
 * built-in one's too), at the other. An output path that is absolute or climbs with `..` is a
 * bug: models only make paths inside their tree.
 */
export function removeConflicts(files: readonly OutputFile[], tree: string, report: Report): OutputFile[] {
  const seen = new Map<string, OutputFile>();
  for (const file of files) {
    if (!isSafeOutputPath(file.path)) throw new InternalError(`unsafe output path "${file.path}" from ${file.source}`);
    const key = file.path.toLowerCase();
    const first = seen.get(key);
    if (!first) {
      seen.set(key, file);
      continue;
    }
    const [blamed, other] = madeByMimeo(file.source) && !madeByMimeo(first.source) ? [first, file] : [file, first];
    reportRule(report, 'path/conflict', { file: blamed.source, related: [other.source] }, { output: `${tree}/${file.path}`, other: other.source, own: madeByMimeo(other.source) });
  }
  return withoutFolderConflicts([...seen.values()], tree, report);
}

/**
 * Reports a file written where another output needs a folder (`static/about` against the page
 * `about/index.html`), which no folder can hold both of, and drops the file when it is to blame.
 */
function withoutFolderConflicts(files: OutputFile[], tree: string, report: Report): OutputFile[] {
  // The first output inside each folder, by the folder's path.
  const folders = new Map<string, OutputFile>();
  for (const file of files) {
    const parts = file.path.toLowerCase().split('/');
    for (let length = 1; length < parts.length; length++) {
      const folder = parts.slice(0, length).join('/');
      if (!folders.has(folder)) folders.set(folder, file);
    }
  }
  return files.filter((file) => {
    const inside = folders.get(file.path.toLowerCase());
    if (!inside) return true;
    const [blamed, other] = madeByMimeo(file.source) && !madeByMimeo(inside.source) ? [inside, file] : [file, inside];
    const output = `${tree}/${file.path}`;
    reportRule(report, 'path/folder-conflict', { file: blamed.source, related: [other.source] }, { output, inside: `${tree}/${inside.path}`, other: inside.source });
    return blamed !== file;
  });
}

/** Whether an output of `source` is one mimeo makes itself, rather than a contributor's page or file. */
function madeByMimeo(source: string): boolean {
  return source === 'content/site.yml' || source === 'content/authors.yml' || source.startsWith('themes/') || isBuiltInThemeSource(source);
}

/** Whether `path` stays inside the folder it is relative to. */
export function isSafeOutputPath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
