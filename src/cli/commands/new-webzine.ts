import { createCollector, hasErrors } from '../../diagnostics/diagnostic.js';
import { formatDiagnostics, summarizeDiagnostics } from '../../diagnostics/format.js';
import { loadTheme } from '../../load/load-theme.js';
import { readSetupFiles, type SetupFiles } from '../../load/setup-files.js';
import { missingLines, planWebzine } from '../../scaffold/plan-webzine.js';
import type { PlannedFile } from '../../scaffold/types.js';
import { writeScaffold } from '../../write/write-scaffold.js';
import type { ParsedArgs } from '../main.js';
import { exitCodes, type Terminal } from '../usage.js';
import { resolveNewRoot } from './paths.js';
import { refuseUnwritten } from './scaffold-result.js';

// The files a folder may have already, which mimeo adds to rather than writes: the lines they lack are printed.
const addedTo = new Map<string, (setup: SetupFiles) => string | undefined>([
  ['.gitignore', (setup) => setup.gitignore],
  ['.gitattributes', (setup) => setup.gitattributes],
]);

/** The text the folder has already of planned file `file`, when it is one mimeo adds to and it is there. */
function existing(setup: SetupFiles, file: string): string | undefined {
  return addedTo.get(file)?.(setup);
}

/** The scripts a webzine's contributors run (its CONTRIBUTING.md calls them so). */
const scripts = { build: 'mimeo build', dev: 'mimeo dev', check: 'mimeo check' } as const;

/**
 * `mimeo new webzine "Title"`: starts a webzine in `--root` or the current folder from the
 * default theme's `scaffolds/webzine/` (a webzine's own `themes/default/` over it), then prints
 * the files it wrote and what to do next. An existing .gitignore or .gitattributes is not
 * replaced: the lines it lacks are printed.
 */
export async function runNewWebzine(title: string, args: ParsedArgs, terminal: Terminal, cwd: string): Promise<number> {
  const root = resolveNewRoot('new', args.values['root'], cwd);
  const { report, diagnostics } = createCollector();
  const theme = await loadTheme(root, 'default', report);
  const plan = hasErrors(diagnostics) ? undefined : planWebzine(title, theme, report);
  if (!plan || 'refusal' in plan || hasErrors(diagnostics)) {
    terminal.err(formatDiagnostics(diagnostics, 'text', { debug: args.values['debug'] === true }));
    terminal.err(`new failed: ${summarizeDiagnostics(diagnostics)}; nothing was written\n`);
    return exitCodes.content;
  }
  const setup = await readSetupFiles(root);
  const files = plan.files.filter((file) => existing(setup, file.path) === undefined);
  const result = await writeScaffold(root, files, 'root');
  if (!('written' in result)) return refuseUnwritten(result, 'root', terminal);
  terminal.out(result.written.map((file) => `${file}\n`).join(''));
  terminal.out(nextSteps(setup, plan.files, typeof args.values['root'] === 'string' && root !== cwd ? args.values['root'] : undefined));
  return exitCodes.success;
}

const publishWorkflow = '.github/workflows/publish.yml';

/** What the maintainer does next, as text to print after the files: base URL, .gitignore and .gitattributes, scripts, first issue, Pages. */
function nextSteps(setup: SetupFiles, planned: readonly PlannedFile[], folder: string | undefined): string {
  const steps = ['Set baseUrl in content/site.yml to the https address the site will be served at:\n   mimeo check and mimeo build need it.'];
  for (const file of planned) {
    const there = existing(setup, file.path);
    const lacking = there === undefined ? [] : missingLines(there, file.text);
    if (lacking.length > 0) steps.push(`Add to ${file.path}, which was there already and is left as it was:\n${indent(lacking.join('\n'))}`);
  }
  const toJson = (entries: ReadonlyArray<readonly [string, string]>, separator: string) => entries.map(([name, command]) => `"${name}": "${command}"`).join(separator);
  const absent = Object.entries(scripts).filter(([name]) => !setup.scripts?.includes(name));
  if (setup.scripts === undefined) {
    steps.push(`Make package.json (npm init -y), install mimeo in it as a development dependency (see mimeo's README),\n   and give it the scripts contributors run (CONTRIBUTING.md calls them so):\n${indent(`"scripts": { ${toJson(absent, ', ')} }`)}`);
  } else if (absent.length > 0) {
    steps.push(`Add to the "scripts" of package.json the ones contributors run (CONTRIBUTING.md calls them so):\n${indent(toJson(absent, ',\n'))}`);
  }
  steps.push(`Start the first issue, and preview it:\n${indent([...(folder === undefined ? [] : [`cd ${folder}`]), 'npx mimeo new issue', 'npm run dev'].join('\n'))}`);
  if (planned.some((file) => file.path === publishWorkflow)) {
    steps.push(`To publish the site on GitHub Pages, push the repository to GitHub and turn Pages on once\n   (Settings → Pages → Source: GitHub Actions): ${publishWorkflow} then deploys dist/web/\n   at every push to main.`);
  }
  return `\nNext:\n${steps.map((step, index) => `${index + 1}. ${step}\n`).join('')}`;
}

function indent(text: string): string {
  return text.replace(/^/gm, '     ');
}
