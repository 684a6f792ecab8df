import path from 'node:path/posix';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { AssetSource } from '../load/load-sources.js';
import { findEncodingDanger, findHtmlDanger, findXmlDanger, loadHtmlParser, type Danger } from './active-content.js';
import { classifyPath, parseIssueNumber } from './classify.js';
import type { Asset, Issue } from './types.js';

/**
 * Places the copied files: an issue's files beside its pages (`issues/<n>/…`), files of pages/
 * and static/ at the root (SPEC §2). {@link prepareAssetChecks} must have been called with them.
 */
export function collectAssets(sources: readonly AssetSource[], report: Report, hostFiles: ReadonlySet<string> = new Set()): Asset[] {
  const assets: Asset[] = [];
  for (const source of sources) {
    // An unsafe image fails the build (reported) but stays known, so links to it are not reported too.
    const place = classifyPath(source.path);
    if (place.kind === 'static' || place.kind === 'page-asset') {
      if (allowCopiedFile(source, place.rest, report, hostFiles)) assets.push({ ...source, output: place.rest });
    } else if (place.kind === 'issue-asset') {
      checkActiveContent(source, report);
      const number = parseIssueNumber(place.folderName);
      if (number === undefined) {
        reportRule(report, 'slug/invalid', { file: source.path }, { name: place.folder, expected: 'by its issue number, like content/issues/7/' });
      } else assets.push({ ...source, output: `issues/${number}/${place.rest}` });
    }
  }
  return assets;
}

// Files at the web root that configure the host rather than the site: Netlify's and Cloudflare
// Pages' redirects and headers (`/* https://elsewhere/ 200`), Cloudflare's routes and worker
// (code that runs on every request), GitHub Pages' domain, Azure's configuration. A pull request
// that adds one can take the whole site over: published only when site.yml's `hostFiles` lists it.
const hostControlFiles = new Set(['_redirects', '_headers', '_routes.json', '_worker.js', 'CNAME', 'staticwebapp.config.json']);

/**
 * Whether a copied file may be published at `output` (a path from the web root), reporting why
 * not: a file the host reads as its settings only when site.yml's `hostFiles` lists it. A file
 * that would run script is reported (which fails the build) but allowed, so links to it are not
 * reported too. The webzine's files and its theme's are checked alike: a pull request may add
 * either. {@link prepareAssetChecks} must have been called with it.
 */
export function allowCopiedFile(source: AssetSource, output: string, report: Report, hostFiles: ReadonlySet<string>): boolean {
  checkActiveContent(source, report);
  // A folder counts as its name: Cloudflare Pages runs a `_worker.js/` folder as it runs the file.
  const name = output.split('/')[0]!;
  if (!isUnlistedHostFile(name, hostFiles)) return true;
  reportRule(report, 'asset/host-file', { file: source.path }, { name });
  return false;
}

/**
 * Whether `name`, the first part of a path from the web root, is a file (or a folder) the host
 * reads as its settings or runs, which site.yml's `hostFiles` does not list: nothing of a pull
 * request may be published there, a copied file or the page of an alias.
 */
export function isUnlistedHostFile(name: string, hostFiles: ReadonlySet<string>): boolean {
  return hostControlFiles.has(name) && !hostFiles.has(name);
}

/** Prepares what {@link collectAssets} and {@link allowCopiedFile} need to check these files: call it first. */
export async function prepareAssetChecks(sources: readonly AssetSource[]): Promise<void> {
  if (sources.some((source) => source.markup !== undefined && isHtml(extensionOf(source.path)))) await loadHtmlParser();
}

function extensionOf(file: string): string {
  return file.slice(file.lastIndexOf('.')).toLowerCase();
}

// Read by a browser as HTML (served as text/html or as a web archive); the other markup as XML.
function isHtml(extension: string): boolean {
  return extension === '.html' || extension === '.htm' || extension === '.shtml' || extension === '.mht' || extension === '.mhtml';
}

// What the last check of each file found, with the text it checked: `mimeo dev` reads an
// unchanged file once and gives the same string again, so its check is not made again.
const checked = new Map<string, { markup: string; danger: Danger | undefined }>();

/** Reports a copied file that would run script when opened on the site (SPEC §7); a compressed SVG can not be inspected. */
function checkActiveContent(source: AssetSource, report: Report): void {
  const { markup } = source;
  if (markup === undefined) return;
  const extension = extensionOf(source.path);
  const known = checked.get(source.path);
  const danger =
    known?.markup === markup
      ? known.danger
      : extension === '.svgz'
        ? { found: 'compressed SVG, which mimeo can not inspect', line: 1, column: 1 }
        : (findEncodingDanger(markup) ?? (isHtml(extension) ? findHtmlDanger(markup) : findXmlDanger(markup)));
  if (checked.size >= 10_000 && !known) checked.clear();
  checked.set(source.path, { markup, danger });
  if (!danger) return;
  const place = { file: source.path, line: danger.line, column: danger.column };
  if (danger.encoding) reportRule(report, 'asset/not-utf8', place, { reason: danger.found });
  else if (danger.unreadable) reportRule(report, 'asset/unreadable-markup', place, { reason: danger.found });
  else if (extension === '.svg' || extension === '.svgz') reportRule(report, 'asset/unsafe-svg', place, { found: danger.found });
  else reportRule(report, 'asset/active-content', place, { found: danger.found });
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
  if ((issue.coverAlt ?? '').trim() === '') reportRule(report, 'image/alt', place, { written: 'cover' });
}
