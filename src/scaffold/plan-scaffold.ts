import type { Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import type { ContentIndex } from './content-index.js';
import { planArticle } from './plan-article.js';
import { planIssue } from './plan-issue.js';
import { planPage } from './plan-page.js';
import type { Plan, ScaffoldRequest } from './types.js';

/**
 * Decides which files `mimeo new` creates for `request`, with their text rendered from the
 * theme's scaffolds. Reads and writes nothing: template errors go to `report`.
 */
export function planScaffold(request: ScaffoldRequest, index: ContentIndex, theme: ThemeFiles, report: Report): Plan {
  switch (request.kind) {
    case 'issue':
      return planIssue(index, theme, report);
    case 'article':
      return planArticle(index, request.title, request.issue, theme, report);
    case 'page':
      return planPage(request.title, theme, report);
  }
}
