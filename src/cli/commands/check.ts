import { build } from '../../build.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { diagnosticFormats, formatDiagnostics, formatNotes, summarizeDiagnostics, type DiagnosticFormat } from '../../diagnostics/format.js';
import { listWords } from '../../parse/field-schema.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, UsageError, type Terminal } from '../usage.js';
import { resolveCompiling, resolveFolders } from './paths.js';
import { ChangeBaseError, readChangedFiles, readFileAtBase } from '../../load/git-changes.js';
import { configPlace } from '../../load/site-files.js';
import { reportWidenedSettings } from '../../model/widened-settings.js';
import { readRepositoryPrefix } from '../../load/repository-prefix.js';

async function changedFiles(root: string, ref: string): Promise<Set<string>> {
  try {
    return await readChangedFiles(root, ref);
  } catch (error) {
    if (error instanceof ChangeBaseError) throw new UsageError(error.message, 'check');
    throw error;
  }
}

/** `mimeo check`: every check of `build`, nothing written, diagnostics in the chosen format. */
export async function runCheck(args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const { values } = args;
  const format = (values['format'] ?? 'text') as DiagnosticFormat;
  if (!diagnosticFormats.includes(format)) {
    throw new UsageError(`--format must be ${listWords(diagnosticFormats.map((f) => `\`${f}\``))}, got \`${String(values['format'])}\``, 'check');
  }
  const folders = resolveFolders('check', values['root'], undefined, cwd);
  const changed = typeof values['changed'] === 'string' ? await changedFiles(folders.root, values['changed']) : undefined;
  const compiling = resolveCompiling('check', values, { root: folders.root }, cwd);
  // GitHub reads an annotation's file from the repository's top, not from the webzine's folder.
  const repository = format === 'github' ? readRepositoryPrefix(folders.root) : Promise.resolve({ prefix: '' });
  const result = await build({ ...folders, ...compiling, drafts: values['drafts'] === true, write: false, ...(changed ? { changed } : {}) });
  // What a change to site.yml lets every other file do, told to whoever reviews it.
  const config = result.site?.config;
  if (changed?.has('content/site.yml') && config && typeof values['changed'] === 'string') {
    const before = await readFileAtBase(folders.root, values['changed'], 'content/site.yml');
    reportWidenedSettings(before, config, (path) => configPlace(config, path), (diagnostic) => result.diagnostics.push(diagnostic));
  }
  terminal.err(formatNotes(result.notes));
  terminal.out(formatDiagnostics(result.diagnostics, format, { debug: values['debug'] === true, repository: await repository }));
  if (format === 'text') terminal.err(`checked: ${summarizeDiagnostics(result.diagnostics)}\n`);
  return hasErrors(result.diagnostics) ? exitCodes.content : exitCodes.success;
}
