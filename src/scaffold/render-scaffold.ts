import { createRequire } from 'node:module';
import type { FS, Liquid, Template } from 'liquidjs';
import { InternalError, type Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { reportTemplateError } from '../theme/template-errors.js';
import { templateAdvice } from '../theme/template-names.js';
import { toYamlFlow } from './yaml-flow.js';

// A scaffold is one file: `render` and `include` find nothing, rather than files of the folder
// mimeo runs in, so planning stays free of the disk.
const missing = (file: string): never => {
  throw new Error(`ENOENT: a scaffold can not include another file, got ${file}`);
};
const noFiles: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => missing(file),
  readFileSync: missing,
  resolve: (_folder, file) => file,
  contains: async () => false,
  containsSync: () => false,
  dirname: () => '',
  sep: '/',
};

// LiquidJS is CommonJS: `require` loads it when a first scaffold is read, as the theme does, so a
// build that reads no template (its theme known sound) does not load it.
const load = createRequire(import.meta.url);
let made: Liquid | undefined;

// Scaffolds are Markdown and YAML, not HTML: nothing is escaped, and values that go into front
// matter pass through the `yaml` filter instead.
function engine(): Liquid {
  if (made) return made;
  const { Liquid } = load('liquidjs') as typeof import('liquidjs');
  made = new Liquid({ fs: noFiles, strictFilters: true, jsTruthy: true, ownPropertyOnly: true });
  made.registerFilter('yaml', toYamlFlow);
  return made;
}

/**
 * The scaffolds of a theme, by their path in it: `scaffolds/article.md`,
 * `scaffolds/sections/20-tip.md`, and every file of `scaffolds/webzine/` (`site.yml`, `gitignore`).
 */
export function scaffoldNames(theme: ThemeFiles): string[] {
  return [...theme.keys()].filter((name) => name.startsWith('scaffolds/') && (name.endsWith('.md') || name.startsWith('scaffolds/webzine/')));
}

/**
 * Reads the theme's scaffold `name` as a template, reporting its syntax errors and unknown filters
 * at its file and line (unless `told` holds them already); `undefined` after a reported error.
 */
export function parseScaffold(theme: ThemeFiles, name: string, report: Report, told?: Set<string>): Template[] | undefined {
  const template = theme.get(name);
  // The built-in theme has every scaffold, and a webzine's theme is layered over it.
  if (!template) throw new InternalError(`the theme has no scaffold ${name}`);
  try {
    return engine().parse(template.bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), name);
  } catch (error) {
    reportTemplateError(error, theme, name, report, (reason) => ({ rule: 'template/syntax', args: { reason, ...templateAdvice(engine(), reason, 'scaffold') } }), told);
    return undefined;
  }
}

/**
 * Renders the theme's scaffold `name` (`scaffolds/article.md`) for the new file `file`, reporting
 * template errors at the template's file and line; `undefined` after a reported error.
 */
export function renderScaffold(theme: ThemeFiles, name: string, context: object, file: string, report: Report): string | undefined {
  const parsed = parseScaffold(theme, name, report);
  if (!parsed) return undefined;
  try {
    return engine().renderSync(parsed, context) as string;
  } catch (error) {
    reportTemplateError(error, theme, name, report, (reason) => ({ rule: 'template/render', args: { reason, page: file, ...templateAdvice(engine(), reason, 'scaffold') } }));
    return undefined;
  }
}
