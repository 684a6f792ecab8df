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

const gitignore = '.gitignore';

/** The scripts a webzine's contributors run (its CONTRIBUTING.md calls them so). */
const scripts = { build: 'mimeo build', dev: 'mimeo dev', check: 'mimeo check' } as const;

/**
 * `mimeo new webzine "Title"`: starts a webzine in `--root` or the current folder from the
 * default theme's `scaffolds/webzine/` (a webzine's own `themes/default/` over it), then prints
 * the files it wrote and what to do next. An existing .gitignore is not replaced: the lines it
 * lacks are printed.
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
  const files = setup.gitignore === undefined ? plan.files : plan.files.filter((file) => file.path !== gitignore);
  const result = await writeScaffold(root, files, 'root');
  if (!('written' in result)) return refuseUnwritten(result, 'root', terminal);
  terminal.out(result.written.map((file) => `${file}\n`).join(''));
  terminal.out(nextSteps(setup, plan.files, typeof args.values['root'] === 'string' && root !== cwd ? args.values['root'] : undefined));
  return exitCodes.success;
}

const publishWorkflow = '.github/workflows/publish.yml';

/** What the maintainer does next, as text to print after the files: base URL, .gitignore, scripts, first issue, Pages. */
function nextSteps(setup: SetupFiles, planned: readonly PlannedFile[], folder: string | undefined): string {
  const steps = ['Set baseUrl in content/site.yml to the https address the site will be served at:\n   mimeo check and mimeo build need it.'];
  const wanted = planned.find((file) => file.path === gitignore)?.text ?? '';
  const lacking = setup.gitignore === undefined ? [] : missingLines(setup.gitignore, wanted);
  if (lacking.length > 0) steps.push(`Add to .gitignore, which was there already and is left as it was:\n${indent(lacking.join('\n'))}`);
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
