import { hash as hashOnce } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import { writeEntry } from '../compile/file-cache.js';
import { listWords } from '../parse/field-schema.js';
import { parseScaffold, scaffoldNames } from '../scaffold/render-scaffold.js';
import { toldKey } from './template-errors.js';
import { crossedTemplates } from './template-kinds.js';
import type { LoopReporter } from './template-loops.js';
import { missingTemplates, pageTemplates, templateNames, templatePrefix, unusedTemplates } from './template-names.js';

/** What checking a theme's templates needs of the theme that {@link createTheme} is making. */
export interface TemplateCheck {
  /** The theme's name (`theme:` in site.yml, `default` without it). */
  name: string;
  files: ThemeFiles;
  report: Report;
  /** The mistakes told already, by {@link toldKey}: none is told twice. */
  told: Set<string>;
  loops: LoopReporter;
  /** Compiles template `name`, reporting its syntax mistakes. */
  compile: (name: string) => unknown;
  /** The did-you-mean of a template lookup that failed, for a `template/syntax` message. */
  suggest: (name: string, reason: string) => object;
  /** The theme's fingerprint: a theme found sound is known by it. */
  fingerprint: () => string;
  /** The persistent cache's folder, where a theme found sound is remembered (default: none). */
  cacheDir?: string | undefined;
}

/**
 * Reads every template and scaffold of a theme and reports its mistakes, and each template named
 * that the theme does not have. A theme found sound is remembered (in the cache folder, and by
 * the process), and not read again until its files or mimeo change.
 */
export function checkTemplates(check: TemplateCheck): void {
  const { files, report, told } = check;
  // Told on every check: a warning leaves the theme sound.
  for (const unused of unusedTemplates(files)) {
    const known = listWords(pageTemplates[unused.folder === `${templatePrefix}gemini/` ? 'gemini/' : ''].map((name) => `${name}.liquid`));
    reportRule(report, 'theme/unknown-template', { file: unused.file, line: 1, column: 1 }, { folder: unused.folder, known, partials: unused.folder.slice(templatePrefix.length), ...(unused.suggestion ? { suggestion: unused.suggestion } : {}) });
  }
  const unusedScaffolds = webzineScaffoldsOf(files, check.name);
  for (const name of unusedScaffolds) reportRule(report, 'theme/unused-scaffold', { file: files.get(name)!.displayPath, line: 1, column: 1 }, { name: check.name });
  // A theme found sound once (the same files, the same mimeo) is not read whole again: by this
  // process (`mimeo dev`), or by any build with the same cache folder.
  const soundAs = hashOnce('sha1', check.fingerprint(), 'hex');
  const marker = check.cacheDir === undefined ? undefined : path.join(check.cacheDir, 'sound-themes', soundAs);
  if (soundThemes.has(soundAs) || (marker !== undefined && existsSync(marker))) return;
  const before = told.size;
  const looping = check.loops.tellLoops().length > 0;
  for (const name of templateNames(files)) check.compile(name);
  // What `mimeo new` starts files from is the theme's too: a mistake in it is told now, not at the
  // next `new`. Not in a file no `new` reads, which is told to be moved or deleted instead.
  for (const name of scaffoldNames(files)) if (!unusedScaffolds.includes(name)) parseScaffold(files, name, report, told);
  for (const mistake of missingTemplates(files)) {
    const reason = `Failed to lookup "${mistake.name}" in "templates"`;
    if (told.has(toldKey(mistake.place, reason))) continue;
    told.add(toldKey(mistake.place, reason));
    reportRule(report, 'template/syntax', mistake.place, { reason, ...check.suggest(mistake.from, reason) });
  }
  for (const crossed of crossedTemplates(files)) {
    if (told.has(toldKey(crossed.place, crossed.name))) continue;
    told.add(toldKey(crossed.place, crossed.name));
    reportRule(report, 'template/other-kind', crossed.place, { name: crossed.name, kind: crossed.kind, ...(crossed.counterpart === undefined ? {} : { counterpart: crossed.counterpart }) });
  }
  if (told.size !== before || looping) return;
  soundThemes.add(soundAs);
  if (marker !== undefined) writeEntry(marker, new Uint8Array());
}

/**
 * The webzine scaffolds (`scaffolds/webzine/`) of a theme other than `default` that are the
 * webzine's own: `mimeo new webzine` reads the folder's `themes/default/` alone, having no
 * site.yml to name a theme (themes/default/README.md, Scaffolds).
 */
function webzineScaffoldsOf(files: ThemeFiles, name: string): string[] {
  if (name === 'default') return [];
  return [...files].filter(([relative, file]) => relative.startsWith('scaffolds/webzine/') && !file.absolutePath.startsWith(builtInThemeFolder)).map(([relative]) => relative);
}

// Themes whose every template was read without a mistake, by the hash of their fingerprint.
const soundThemes = new Set<string>();
