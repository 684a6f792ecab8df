import type { Report } from '../diagnostics/diagnostic.js';
import type { ThemeFiles } from '../load/load-theme.js';
import { parseArticleName } from '../model/classify.js';
import type { ContentIndex, IndexedIssue } from './content-index.js';
import { nextIssue } from './numbering.js';
import { renderScaffold } from './render-scaffold.js';
import type { Plan, PlannedFile } from './types.js';

const sectionsFolder = 'scaffolds/sections/';

/**
 * Plans the next issue: its folder, its draft `issue.md` from `scaffolds/issue.md`, and one article
 * for each of the theme's `scaffolds/sections/NN-slug.md`, under the same name.
 */
export function planIssue(index: ContentIndex, theme: ThemeFiles, report: Report): Plan {
  const { number, folderName } = nextIssue(index.issues.map((issue) => issue.folderName));
  const folder = `content/issues/${folderName}`;
  const sections = [...theme.keys()].filter((name) => name.startsWith(sectionsFolder) && name.endsWith('.md')).sort();
  const misnamed = sections.find((name) => parseArticleName(name.slice(sectionsFolder.length)) === undefined);
  if (misnamed !== undefined) {
    const message = `${theme.get(misnamed)?.displayPath ?? misnamed} is not named like an article, NN-slug.md (20-tip.md), so it can not become one`;
    return { refusal: { kind: 'content', message } };
  }
  const files: PlannedFile[] = [];
  const add = (name: string, path: string, context: object) => {
    const text = renderScaffold(theme, name, { number, folder: folderName, ...context }, path, report);
    if (text !== undefined) files.push({ path, text });
  };
  add('scaffolds/issue.md', `${folder}/issue.md`, {});
  for (const name of sections) {
    const fileName = name.slice(sectionsFolder.length);
    add(name, `${folder}/${fileName}`, { ...parseArticleName(fileName) });
  }
  const newest = index.issues.at(-1);
  return { files, ...(newest?.draft ? { notes: [draftBefore(newest, number)] } : {}) };
}

/**
 * The note for a new issue `number` started while the newest, `draft`, is not out yet: two
 * drafts may be meant (an issue prepared ahead), but a second `mimeo new issue` run by mistake
 * would leave the first behind, and `mimeo new article` now goes to the new one.
 */
function draftBefore(draft: IndexedIssue, number: number): string {
  return (
    `issue ${draft.number} (content/issues/${draft.folderName}/) is still a draft, so the new issue, ${number}, comes after it; ` +
    `to work on issue ${draft.number} instead, add articles with \`mimeo new article "Title" --issue ${draft.number}\` or edit its folder`
  );
}
