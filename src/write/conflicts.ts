import type { Report } from '../diagnostics/diagnostic.js';
import { InternalError } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { isBuiltInThemeSource, type OutputFile } from './output-file.js';

/** Two sources that would write one output: the one to blame, the other, and where. */
interface Conflict {
  blamed: string;
  other: string;
  output: string;
}

/**
 * Removes from each output tree (`web`, `gemini`) the files that another source writes too
 * ({@link removeConflicts}), and reports each pair of sources once, with every output they share:
 * a page named as a generated one collides in every edition of both trees, which is one mistake.
 */
export function removeTreeConflicts(trees: Record<string, readonly OutputFile[]>, report: Report): Record<string, OutputFile[]> {
  const found: Conflict[] = [];
  const kept = Object.fromEntries(Object.entries(trees).map(([tree, files]) => [tree, removeConflicts(files, tree, found, report)]));
  const byPair = new Map<string, Conflict[]>();
  for (const conflict of found) {
    const pair = `${conflict.blamed}\0${conflict.other}`;
    byPair.set(pair, [...(byPair.get(pair) ?? []), conflict]);
  }
  for (const conflicts of byPair.values()) {
    const { blamed, other } = conflicts[0]!;
    reportRule(report, 'path/conflict', { file: blamed, related: [other] }, { places: placesOf(conflicts.map((conflict) => conflict.output)), count: conflicts.length, other, own: madeByMimeo(other) });
  }
  return kept;
}

/** Outputs as a message names them: one by its path, several by their number and the first four. */
function placesOf(outputs: readonly string[]): string {
  if (outputs.length === 1) return outputs[0]!;
  const named = outputs.length > 4 ? [...outputs.slice(0, 4), `${outputs.length - 4} more`] : outputs;
  return `${outputs.length} places (${named.slice(0, -1).join(', ')} and ${named.at(-1)})`;
}

/**
 * Finds two sources that would write the same output file, and keeps the first. The blame goes
 * to the file a contributor can rename: where one of the two is a file mimeo makes itself
 * (a home page, a feed, the authors page, from site.yml or authors.yml; an asset of a theme, the
 * built-in one's too), to the other. An output path that is absolute or climbs with `..` is a
 * bug: models only make paths inside their tree.
 */
function removeConflicts(files: readonly OutputFile[], tree: string, found: Conflict[], report: Report): OutputFile[] {
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
    found.push({ blamed: blamed.source, other: other.source, output: `${tree}/${file.path}` });
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
