import path from 'node:path/posix';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { AssetSource } from '../load/load-sources.js';
import { classifyPath, parseIssueNumber } from './classify.js';
import type { Asset, Issue } from './types.js';

/**
 * Places the copied files: an issue's files beside its pages (`issues/<n>/…`), files of pages/
 * and static/ at the root (SPEC §2).
 */
export function collectAssets(sources: readonly AssetSource[], report: Report): Asset[] {
  const assets: Asset[] = [];
  for (const source of sources) {
    const place = classifyPath(source.path);
    if (place.kind === 'static' || place.kind === 'page-asset') assets.push({ ...source, output: place.rest });
    else if (place.kind === 'issue-asset') {
      const number = parseIssueNumber(place.folderName);
      if (number === undefined) {
        reportRule(report, 'slug/invalid', { file: source.path }, { name: place.folder, expected: 'by its issue number, like content/issues/7/' });
      } else assets.push({ ...source, output: `issues/${number}/${place.rest}` });
    }
  }
  return assets;
}

/** Checks that an issue's `cover` names a file of its folder, and keeps that file's output path. */
export function resolveCover(issue: Issue, assets: readonly Asset[], report: Report): void {
  if (issue.cover === undefined) return;
  const place = { file: issue.path, ...(issue.fields['cover'] ?? { line: 1, column: 1 }) };
  const target = path.normalize(path.join(issue.folder, issue.cover));
  if (!target.startsWith('content/') || path.isAbsolute(issue.cover)) {
    reportRule(report, 'path/outside-root', place, { url: issue.cover });
    delete issue.cover;
    return;
  }
  const asset = assets.find((candidate) => candidate.path === target);
  if (!asset) {
    const siblings = assets.filter((asset) => asset.path.startsWith(issue.folder + '/')).map((asset) => path.relative(issue.folder, asset.path));
    reportRule(report, 'asset/missing', place, { url: issue.cover, suggestion: didYouMean(issue.cover, siblings) });
    delete issue.cover;
    return;
  }
  issue.cover = asset.output;
}
