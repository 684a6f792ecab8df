import type { Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { parseArticleName, toSlug } from '../model/classify.js';
import type { ContentIndex, IndexedIssue } from './content-index.js';
import { nextArticleOrder } from './numbering.js';
import { renderScaffold } from './render-scaffold.js';
import type { Plan, Refusal } from './types.js';

/**
 * Plans article `title` in issue `issue` (default: the newest draft issue) from
 * `scaffolds/article.md`: `NN-slug.md`, NN the next multiple of 10 in the issue.
 */
export function planArticle(index: ContentIndex, title: string, issueNumber: number | undefined, theme: ThemeFiles, report: Report): Plan {
  const slug = fileSlug(title);
  if (slug === '') return { refusal: emptySlug(title) };
  const issue = issueNumber === undefined ? newestDraft(index) : index.issues.find((entry) => entry.number === issueNumber);
  if (!issue) return { refusal: issueNumber === undefined ? noDraft() : noSuchIssue(issueNumber, index) };
  const folder = `content/issues/${issue.folderName}`;
  const twin = issue.fileNames.find((name) => parseArticleName(name)?.slug === slug);
  if (twin !== undefined) {
    return { refusal: { kind: 'content', message: `${folder}/${twin} already has the slug "${slug}"; give the new article another title` } };
  }
  const { order, prefix } = nextArticleOrder(issue.fileNames);
  const path = `${folder}/${prefix}-${slug}.md`;
  const context = { title, slug, order, number: issue.number, folder: issue.folderName };
  const text = renderScaffold(theme, 'scaffolds/article.md', context, path, report);
  return { files: text === undefined ? [] : [{ path, text }] };
}

// Long enough for any real title's words, short enough for a file name and an address.
const maxSlugLength = 60;

/** The slug a new article or page is named by: its title's, cut after a word to at most {@link maxSlugLength} characters. */
export function fileSlug(title: string): string {
  const slug = toSlug(title);
  if (slug.length <= maxSlugLength) return slug;
  const end = slug.lastIndexOf('-', maxSlugLength);
  return slug.slice(0, end > 0 ? end : maxSlugLength).replace(/-+$/, '');
}

/** The slug refusal shared by articles and pages. */
export function emptySlug(title: string): Refusal {
  return { kind: 'usage', message: `the title "${title}" has no letter or digit from a to z or 0 to 9 to make its file name from` };
}

function newestDraft(index: ContentIndex): IndexedIssue | undefined {
  return index.issues.findLast((issue) => issue.draft);
}

function noDraft(): Refusal {
  return { kind: 'usage', message: 'there is no draft issue to add the article to; start one with `mimeo new issue`, or pass --issue N' };
}

function noSuchIssue(number: number, index: ContentIndex): Refusal {
  const numbers = index.issues.map((issue) => String(issue.number));
  const known = numbers.length === 0 ? 'there are no issues yet' : `the issues are ${numbers.join(', ')}`;
  return { kind: 'usage', message: `there is no issue ${number} in content/issues/; ${known}` };
}
