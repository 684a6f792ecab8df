import { existsSync } from 'node:fs';
import path from 'node:path';
import { createCollector, hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, formatNotes, summarizeDiagnostics } from '../../diagnostics/format.js';
import { isInside, loadSources, type Sources } from '../../load/load-sources.js';
import { loadTheme } from '../../load/load-theme.js';
import { configPlace, readSiteConfig } from '../../load/site-files.js';
import { indexContent, type ContentFile } from '../../scaffold/content-index.js';
import { planScaffold } from '../../scaffold/plan-scaffold.js';
import { planTranslation } from '../../scaffold/plan-translation.js';
import { toSlug } from '../../model/classify.js';
import { listWords } from '../../parse/field-schema.js';
import type { ScaffoldRequest } from '../../scaffold/types.js';
import { runNewWebzine } from './new-webzine.js';
import { resolveRoot } from './paths.js';
import { refuseUnwritten } from './scaffold-result.js';
import { writeScaffold } from '../../write/write-scaffold.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';

/** `mimeo new issue | article "Title" | page "Title" | translation FILE LANG | webzine "Title"`: creates files from the theme's scaffolds. */
export async function runNew(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const asked = toRequest(args);
  // There is no webzine yet, so no site.yml to look up for.
  if (asked.kind === 'webzine') return runNewWebzine(asked.title, args, terminal, cwd);
  const root = resolveRoot('new', args.values['root'], cwd);
  const request = asked.kind === 'translation' ? { ...asked, file: fromRoot(asked.file, root, cwd) } : asked;
  // Mistakes elsewhere in content/ are `mimeo check`'s to report: a new file does not need them fixed.
  const loading = createCollector();
  const sources = await loadSources(root, loading.report);
  const { report, diagnostics } = createCollector();
  // But site.yml, which a new file is made by: a file that could not be read is told why.
  for (const diagnostic of loading.diagnostics) if (diagnostic.file === 'content/site.yml') report(diagnostic);
  const config = readSiteConfig(sources.texts, report, sources.unreadable);
  const theme = config && (await loadTheme(root, config.theme, report, configPlace(config, ['theme'])));
  // A page may not take the address of what mimeo publishes itself.
  const reserved = ['authors', 'issues', ...(config?.languages ?? [])];
  if (request.kind === 'page' && reserved.includes(toSlug(request.title))) {
    throw new UsageError(`a page can not be called "${toSlug(request.title)}": mimeo publishes /${toSlug(request.title)}/ itself (so are ${listWords(reserved.map((r) => `/${r}/`))})`, 'new');
  }
  const plan =
    request.kind === 'translation'
      ? config && planTranslation({ ...request, languages: config.languages.filter((l) => l !== config.language), originalLanguage: config.language, files: toContentFiles(sources) })
      : theme && !hasErrors(diagnostics)
        ? planScaffold(request, indexContent(toContentFiles(sources)), theme, report)
        : undefined;
  if (!plan || hasErrors(diagnostics)) {
    terminal.err(formatDiagnostics(diagnostics, 'text', { debug: args.values['debug'] === true }));
    terminal.err(`new failed: ${summarizeDiagnostics(diagnostics)}; nothing was written\n`);
    return exitCodes.content;
  }
  if ('refusal' in plan) {
    if (plan.refusal.kind === 'usage') throw new UsageError(plan.refusal.message, 'new');
    terminal.err(`mimeo: ${plan.refusal.message}; nothing was written\n`);
    return exitCodes.content;
  }
  const result = await writeScaffold(root, plan.files);
  if (!('written' in result)) return refuseUnwritten(result, 'content', terminal);
  terminal.out(result.written.map((file) => `${file}\n`).join(''));
  terminal.err(formatNotes(plan.notes ?? []));
  return exitCodes.success;
}

/**
 * The path of the file to translate relative to the root, from what was typed: a path from the
 * current folder (absolute, or `20-current.md` from inside the issue) when it names a file of the
 * webzine there, else a path from the root (`content/issues/3/20-current.md` with `--root`).
 */
function fromRoot(file: string, root: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  return absolute !== root && isInside(absolute, root) && existsSync(absolute) ? path.relative(root, absolute).split(path.sep).join('/') : file;
}

const kinds = ['issue', 'article', 'page', 'translation', 'webzine'] as const;

function toRequest({ values, positionals }: ParsedArgs): ScaffoldRequest | { kind: 'translation'; file: string; language: string } | { kind: 'webzine'; title: string } {
  const [kind, title, ...extra] = positionals;
  if (kind === 'translation') {
    const [file, language] = [title, extra[0]];
    if (file === undefined || language === undefined || extra.length > 1) throw new UsageError('new translation takes a file and a language: mimeo new translation content/issues/3/20-current.md fr', 'new');
    return { kind, file: file.replace(/\\/g, '/').replace(/^\.\//, ''), language };
  }
  if (kind === undefined) throw new UsageError('say what to make: issue, article "Title", page "Title", translation FILE LANG or webzine "Title"', 'new');
  if (!(kinds as readonly string[]).includes(kind)) throw new UsageError(`the kinds are issue, article, page, translation and webzine, got "${kind}"`, 'new');
  if (extra.length > 0) {
    throw new UsageError(`new ${kind} takes one title, got ${positionals.length - 1} words; put a title of several words in quotes: "Like this one"`, 'new');
  }
  const issue = values['issue'];
  if (issue !== undefined && kind !== 'article') throw new UsageError(`--issue is only for new article, not new ${kind}`, 'new');
  if (kind === 'issue') {
    if (title !== undefined) throw new UsageError(`new issue takes no title, got "${title}"; the title is set in the new issue.md`, 'new');
    return { kind };
  }
  const trimmed = title?.trim() ?? '';
  if (trimmed === '') throw new UsageError(`new ${kind} needs a title: mimeo new ${kind} "The title"`, 'new');
  refuseControlCharacters(kind, trimmed);
  if (kind === 'page' || kind === 'webzine') return { kind, title: trimmed };
  return { kind: 'article', title: trimmed, ...(issue === undefined ? {} : { issue: toIssueNumber(issue) }) };
}

// Line breaks to YAML, Markdown or Unicode (U+0085, U+2028, U+2029 too); other control characters are C0, DEL and C1.
const lineBreak = /[\n\v\f\r\u0085\u2028\u2029]/u;
const controlCharacter = /\p{Cc}/u;

/**
 * Refuses a title that is not one line of text: it is written into files a line at a time
 * (a heading of CONTRIBUTING.md, front matter), where a line break would end it half-way.
 */
function refuseControlCharacters(kind: string, title: string): void {
  const shown = JSON.stringify(title).replace(/[\u0085\u2028\u2029]/gu, (character) => `\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`);
  if (lineBreak.test(title)) throw new UsageError(`new ${kind} takes a title of one line, got ${shown}; write it without the line break`, 'new');
  const control = controlCharacter.exec(title)?.[0];
  if (control !== undefined) {
    const code = control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new UsageError(`new ${kind} takes a title without control characters, got ${shown}, which has U+${code}; write it without`, 'new');
  }
}

function toIssueNumber(value: string | boolean): number {
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) {
    throw new UsageError(`--issue must be an issue number like 5, got "${String(value)}"`, 'new');
  }
  return Number(value);
}

function toContentFiles(sources: Sources): ContentFile[] {
  return [...sources.texts, ...sources.assets.map(({ path: file }) => ({ path: file })), ...sources.unreadable.map((file) => ({ path: file }))];
}
