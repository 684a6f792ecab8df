import type { Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { emptySlug, fileSlug } from './plan-article.js';
import { renderScaffold } from './render-scaffold.js';
import type { Plan } from './types.js';

/** Plans page `title` from `scaffolds/page.md`: `content/pages/<slug>.md`. */
export function planPage(title: string, theme: ThemeFiles, report: Report): Plan {
  const slug = fileSlug(title);
  if (slug === '') return { refusal: emptySlug(title) };
  const path = `content/pages/${slug}.md`;
  const text = renderScaffold(theme, 'scaffolds/page.md', { title, slug }, path, report);
  return { files: text === undefined ? [] : [{ path, text }] };
}
