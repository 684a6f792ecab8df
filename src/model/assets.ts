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
    // An unsafe image fails the build (reported) but stays known, so links to it are not reported too.
    if (source.svg !== undefined) isSafeSvg(source.svg, source.path, report);
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

// What makes an SVG image run code when it is opened by itself (SVG 2 §15, HTML's event handlers).
const svgDangers: Array<[RegExp, string]> = [
  [/<script\b/i, 'a <script> element'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i, 'a javascript: or data: link'],
  [/<foreignObject\b/i, 'a <foreignObject> element'],
];

/** Whether an SVG image is free of script; reports the first danger where it stands. */
export function isSafeSvg(text: string, file: string, report: Report): boolean {
  for (const [pattern, found] of svgDangers) {
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(0, match.index + (match[0].startsWith(' ') || /^\s/.test(match[0]) ? 1 : 0));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    reportRule(report, 'asset/unsafe-svg', { file, line, column }, { found });
    return false;
  }
  return true;
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
