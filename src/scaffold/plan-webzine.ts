import type { Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { renderScaffold } from './render-scaffold.js';
import type { Plan, PlannedFile } from './types.js';

// The folder of the scaffolds `mimeo new webzine` renders, in the theme.
const webzineScaffolds = 'scaffolds/webzine/';

// Each scaffold of a new webzine and the file it becomes, relative to the root. The scaffolds of
// files that start with a dot have none (`gitignore`): npm leaves `.gitignore` out of a package.
const webzineFiles: ReadonlyArray<readonly [scaffold: string, path: string]> = [
  ['site.yml', 'content/site.yml'],
  ['authors.yml', 'content/authors.yml'],
  ['gitignore', '.gitignore'],
  ['gitattributes', '.gitattributes'],
  ['check-pull-request.yml', '.github/workflows/check-pull-request.yml'],
  ['publish.yml', '.github/workflows/publish.yml'],
  ['CONTRIBUTING.md', 'CONTRIBUTING.md'],
];

/**
 * Plans a new webzine titled `title`: its site.yml and authors.yml, .gitignore, .gitattributes, the workflows
 * that check pull requests and publish the site to GitHub Pages, and CONTRIBUTING.md, rendered
 * from the theme's `scaffolds/webzine/`. Reads and writes nothing: template errors go to `report`.
 */
export function planWebzine(title: string, theme: ThemeFiles, report: Report): Plan {
  const files: PlannedFile[] = [];
  for (const [scaffold, path] of webzineFiles) {
    const text = renderScaffold(theme, `${webzineScaffolds}${scaffold}`, { title }, path, report);
    if (text !== undefined) files.push({ path, text });
  }
  return { files };
}

/**
 * The lines of `wanted` (the rendered .gitignore or .gitattributes scaffold) that `existing`
 * lacks, compared without a leading or trailing `/` (`dist`, `/dist/` and `dist/` all keep
 * dist/ out of Git).
 */
export function missingLines(existing: string, wanted: string): string[] {
  const key = (line: string) => line.trim().replace(/^\/|\/$/g, '');
  const have = new Set(existing.split(/\r?\n/).map(key));
  return wanted.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#') && !have.has(key(line)));
}
