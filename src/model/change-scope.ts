import path from 'node:path/posix';
import type { TextSource } from '../load/load-sources.js';
import { classifyPath, parseArticleName, parseIssueNumber, parsePageName, translationSuffix } from './classify.js';
import { safeDecode } from '../transform/link-target.js';

/** Which files a check limited to a change parses, and which it reports on. */
export interface ChangeScope {
  /** Markdown files parsed in full: the changed ones, those that may link to them, and what those link to. */
  parse: Set<string>;
  /** Files whose diagnostics are reported: the changed ones and those that may link to them (site.yml's menu among them). */
  report: Set<string>;
  /** Whether the change touches what every page depends on (site.yml, authors.yml, a theme, mimeo's version): then everything is checked and reported. */
  whole: boolean;
}

// What every page depends on; and mimeo itself, whose upgrade (the lock file) may change any page or check.
const sharedFiles = /^(content\/site\.ya?ml|content\/authors\.ya?ml|themes\/|package\.json$|package-lock\.json$|npm-shrinkwrap\.json$|pnpm-lock\.yaml$|yarn\.lock$|bun\.lockb?$)/;

/**
 * Decides, from paths and text alone, what `check --changed` must parse: the changed files
 * (deleted and renamed ones included), their originals and translations, every file that
 * mentions one of them by name or by address (a superset of the files linking to them), every
 * Markdown file those mention, and the issue.md of each issue involved (for drafts). A change to
 * what every page depends on, the folder of the theme (`theme`, relative to the root) among them,
 * checks everything.
 */
export function changeScope(texts: readonly TextSource[], changed: ReadonlySet<string>, theme?: string): ChangeScope {
  const markdown = texts.filter((text) => text.path.endsWith('.md'));
  const inTheme = (file: string) => theme !== undefined && file.startsWith(`${theme.replace(/\/$/, '')}/`);
  if ([...changed].some((file) => sharedFiles.test(file) || inTheme(file))) {
    const all = new Set(markdown.map((text) => text.path));
    return { parse: all, report: new Set([...changed, ...all]), whole: true };
  }
  // Files outside the webzine's folder are none of its own, but for its theme's (above).
  const related = new Set([...changed].filter((file) => !file.startsWith('../')));
  for (const file of changed) {
    related.add(file.replace(translationSuffix, '.md'));
    for (const text of markdown) {
      if (text.path.replace(translationSuffix, '.md') === file.replace(translationSuffix, '.md')) related.add(text.path);
      // An issue.md that changed may have made its issue a draft, or published it: and so every article of it.
      if (path.basename(file) === 'issue.md' && text.path.startsWith(`${path.dirname(file)}/`)) related.add(text.path);
    }
  }
  const patterns = [...related].flatMap(mentionPatterns);
  const report = new Set(related);
  // site.yml's menu may lead to a changed page (a menu entry is a link like any other).
  const config = texts.find((text) => text.path === 'content/site.yml');
  if (config && mentionsAny(config.text, patterns)) report.add(config.path);
  for (const text of markdown) {
    if (mentionsAny(text.text, patterns)) report.add(text.path);
    // An editorial's anchors are linked as `./#x` or `#x` from its own folder.
    if ([...related].some((file) => file.endsWith('/issue.md') && path.dirname(file) === path.dirname(text.path))) report.add(text.path);
  }
  const byPath = new Map(markdown.map((text) => [text.path, text]));
  const routes = routeIndex(markdown);
  const parse = new Set([...report].filter((file) => byPath.has(file)));
  for (const file of [...parse]) {
    for (const target of mentionedMarkdown(byPath.get(file)?.text ?? '', file, routes)) if (byPath.has(target)) parse.add(target);
  }
  for (const file of [...parse]) {
    const issue = /^content\/issues\/[^/]+\//.exec(file)?.[0];
    if (issue && byPath.has(`${issue}issue.md`)) parse.add(`${issue}issue.md`);
    for (const text of markdown) if (text.path !== file && text.path.replace(translationSuffix, '.md') === file) parse.add(text.path);
  }
  return { parse, report, whole: false };
}

/**
 * Whether a text holds one of the patterns as written or with its `%xx` escapes decoded, as the
 * link checker decodes a link's path: `annual%20report.pdf` names `annual report.pdf`.
 */
function mentionsAny(text: string, patterns: readonly RegExp[]): boolean {
  if (patterns.some((pattern) => pattern.test(text))) return true;
  // A link's path decodes whole or not at all, so each run of escapes in it decodes on its own.
  const decoded = text.includes('%') ? text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => safeDecode(run)) : text;
  return decoded !== text && patterns.some((pattern) => pattern.test(decoded));
}

/** What a link to `file` contains: its name, its web address (`/issues/3/current/`), or for an issue.md its folder (`../3/`). */
function mentionPatterns(file: string): RegExp[] {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const name = path.basename(file);
  const patterns = [new RegExp(escape(name))];
  const route = routeOf(file.replace(translationSuffix, '.md'));
  // Root-relative links may carry an edition's prefix (`/fr/about/`).
  if (route !== undefined) patterns.push(new RegExp(`/(?:[a-zA-Z-]{2,8}/)?${escape(route.replace(/\/$/, ''))}(?:[/#)\\s"']|$)`));
  if (name === 'issue.md') patterns.push(new RegExp(`/${escape(path.basename(path.dirname(file)))}/?[)#\\s"']`));
  return patterns;
}

/** The web route of an original Markdown file, from its path alone. */
function routeOf(file: string): string | undefined {
  const place = classifyPath(file);
  if (place.kind === 'page') {
    const slug = parsePageName(place.fileName);
    return slug === undefined ? undefined : `${slug}/`;
  }
  if (place.kind !== 'issue' && place.kind !== 'article') return undefined;
  const number = parseIssueNumber(place.folderName);
  if (number === undefined) return undefined;
  if (place.kind === 'issue') return `issues/${number}/`;
  const name = parseArticleName(place.fileName);
  return name === undefined ? undefined : `issues/${number}/${name.slug}/`;
}

function routeIndex(markdown: readonly TextSource[]): Map<string, string> {
  const routes = new Map<string, string>();
  for (const { path: file } of markdown) {
    const route = routeOf(file);
    if (route !== undefined && !translationSuffix.test(path.basename(file).replace(/^[^.]*/, ''))) routes.set(route, file);
  }
  return routes;
}

/** Markdown files a text mentions by relative path or by web address. */
function mentionedMarkdown(text: string, file: string, routes: Map<string, string>): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/([^\s()<>[\]"']+\.md)(?:#[^\s()]*)?/g)) {
    found.push(path.normalize(path.join(path.dirname(file), safeDecode(match[1]!))));
  }
  for (const match of text.matchAll(/\]\(([^\s()]*\/)(?:#[^\s()]*)?\)/g)) {
    found.push(path.normalize(path.join(path.dirname(file), match[1]!, 'issue.md')));
  }
  for (const match of text.matchAll(/\(\/(?:[a-zA-Z-]{2,8}\/)?([^\s()#]*)/g)) {
    const route = match[1]!.endsWith('/') || match[1] === '' ? match[1]! : `${match[1]}/`;
    const target = routes.get(route);
    if (target) found.push(target);
  }
  return found;
}
