import { createCollector } from '../diagnostics/diagnostic.js';
import { classifyPath, parseIssueNumber } from '../model/classify.js';
import { parseFrontMatter } from '../parse/front-matter.js';

/** A file of the webzine: its path relative to the root, and its text when it was read as text. */
export interface ContentFile {
  path: string;
  text?: string;
}

/** An issue folder as `mimeo new` sees it. */
export interface IndexedIssue {
  /** The folder's name under content/issues/: `7` or `007`. */
  folderName: string;
  number: number;
  /** Whether its issue.md makes it a draft: no `date`, or `draft: true` (SPEC §2). */
  draft: boolean;
  /** The names of the files directly in the folder, sorted. */
  fileNames: string[];
}

/** What `mimeo new` needs to know of a webzine: its issue folders. */
export interface ContentIndex {
  /** Folders with a number for a name, lowest number first. */
  issues: IndexedIssue[];
}

/** Finds the numbered issue folders among the webzine's `files`, and which of them are drafts. */
export function indexContent(files: readonly ContentFile[]): ContentIndex {
  const issues = new Map<string, IndexedIssue>();
  for (const file of files) {
    const place = classifyPath(file.path);
    if (place.kind !== 'issue' && place.kind !== 'article' && place.kind !== 'issue-asset') continue;
    const number = parseIssueNumber(place.folderName);
    if (number === undefined) continue;
    const issue = issues.get(place.folderName) ?? { folderName: place.folderName, number, draft: false, fileNames: [] };
    issues.set(place.folderName, issue);
    const fileName = file.path.slice(place.folder.length + 1);
    if (!fileName.includes('/')) issue.fileNames.push(fileName);
    if (place.kind === 'issue' && file.text !== undefined) issue.draft = isDraftIssue(file.text, file.path);
  }
  for (const issue of issues.values()) issue.fileNames.sort();
  return { issues: [...issues.values()].sort((a, b) => a.number - b.number || (a.folderName < b.folderName ? -1 : 1)) };
}

function isDraftIssue(text: string, file: string): boolean {
  // Mistakes in the front matter are `mimeo check`'s to report; here they only mean "not a draft".
  const { data } = parseFrontMatter(text, file, createCollector().report);
  const value = data?.value;
  if (value === null || typeof value !== 'object') return false;
  return !('date' in value) || (value as { draft?: unknown }).draft === true;
}
