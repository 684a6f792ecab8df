import path from 'node:path/posix';
import type { TextSource } from '../load/load-sources.js';

/** Which files a check limited to a change parses, and which it reports on. */
export interface ChangeScope {
  /** Markdown files parsed in full: the changed ones, those that may link to them, and what those link to. */
  parse: Set<string>;
  /** Files whose diagnostics are reported: the changed ones and those that may link to them. */
  report: Set<string>;
  /** Whether the change touches what every page depends on (site.yml, authors.yml, a theme): then everything is checked. */
  whole: boolean;
}

const sharedFiles = /^(content\/site\.ya?ml|content\/authors\.ya?ml|themes\/)/;

/**
 * Decides, from the files' text alone, what `check --changed` must parse: the changed files,
 * every file that mentions one of them (a superset of the files linking to them), every
 * Markdown file those mention, and the issue.md of each issue involved (for drafts).
 */
export function changeScope(texts: readonly TextSource[], changed: ReadonlySet<string>): ChangeScope {
  const markdown = texts.filter((text) => text.path.endsWith('.md'));
  if ([...changed].some((file) => sharedFiles.test(file))) {
    const all = new Set(markdown.map((text) => text.path));
    return { parse: all, report: new Set([...changed, ...all]), whole: true };
  }
  const patterns = [...changed].map(mentionPattern);
  const report = new Set(changed);
  for (const text of markdown) if (patterns.some((pattern) => pattern.test(text.text))) report.add(text.path);
  const parse = new Set([...report].filter((file) => file.endsWith('.md')));
  const byPath = new Map(markdown.map((text) => [text.path, text]));
  for (const file of [...parse]) {
    for (const target of mentionedMarkdown(byPath.get(file)?.text ?? '', file)) if (byPath.has(target)) parse.add(target);
  }
  for (const file of [...parse]) {
    const issue = /^content\/issues\/[^/]+\//.exec(file)?.[0];
    if (issue && byPath.has(`${issue}issue.md`)) parse.add(`${issue}issue.md`);
  }
  return { parse, report, whole: false };
}

/** What a link to `file` contains: its name, or for an issue.md its folder (`../3/`). */
function mentionPattern(file: string): RegExp {
  const name = path.basename(file);
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (name !== 'issue.md') return new RegExp(escape(name));
  const folder = path.basename(path.dirname(file));
  return new RegExp(`${escape(name)}|/${escape(folder)}/?[)#\\s"']`);
}

/** Markdown files a text mentions by relative path, resolved from its folder. */
function mentionedMarkdown(text: string, file: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/([^\s()<>[\]"']+\.md)(?:#[^\s()]*)?/g)) {
    found.push(path.normalize(path.join(path.dirname(file), match[1]!)));
  }
  for (const match of text.matchAll(/\]\(([^\s()]*\/)(?:#[^\s()]*)?\)/g)) {
    found.push(path.normalize(path.join(path.dirname(file), match[1]!, 'issue.md')));
  }
  return found;
}
