import { Liquid, type FS, type Template } from 'liquidjs';
import { InternalError, type Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { suggestName } from '../theme/template-names.js';
import { reportTemplateError } from '../theme/theme.js';
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

// Scaffolds are Markdown and YAML, not HTML: nothing is escaped, and values that go into front
// matter pass through the `yaml` filter instead.
const engine = new Liquid({ fs: noFiles, strictFilters: true, jsTruthy: true, ownPropertyOnly: true });
engine.registerFilter('yaml', toYamlFlow);

/**
 * Renders the theme's scaffold `name` (`scaffolds/article.md`) for the new file `file`, reporting
 * template errors at the template's file and line; `undefined` after a reported error.
 */
export function renderScaffold(theme: ThemeFiles, name: string, context: object, file: string, report: Report): string | undefined {
  const template = theme.get(name);
  // The built-in theme has every scaffold, and a webzine's theme is layered over it.
  if (!template) throw new InternalError(`the theme has no scaffold ${name}`);
  let parsed: Template[];
  try {
    parsed = engine.parse(template.bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), name);
  } catch (error) {
    reportTemplateError(error, theme, name, report, (reason) => ({ rule: 'template/syntax', args: { reason, suggestion: suggestName(engine, reason) } }));
    return undefined;
  }
  try {
    return engine.renderSync(parsed, context) as string;
  } catch (error) {
    reportTemplateError(error, theme, name, report, (reason) => ({ rule: 'template/render', args: { reason, page: file, suggestion: suggestName(engine, reason) } }));
    return undefined;
  }
}
