import type { Report } from '../diagnostics/diagnostic.js';
import type { TextSource } from '../load/load-sources.js';
import { parseFrontMatter } from './front-matter.js';
import { parseMarkdown, type ParsedMarkdown } from './markdown.js';
import type { YamlData } from './yaml-data.js';

/** A Markdown file after its one parse: front matter data and body tree. */
export interface ParsedFile extends ParsedMarkdown {
  /** Path relative to the root. */
  path: string;
  /** Front matter, not yet checked against a schema; `undefined` when unreadable (reported). */
  frontMatter: YamlData | undefined;
}

/** Parses one Markdown file. Pure: the same text always gives the same result. */
export function parseFile(source: TextSource, report: Report): ParsedFile {
  const { data, body, bodyLineOffset } = parseFrontMatter(source.text, source.path, report);
  return { path: source.path, frontMatter: data, ...parseMarkdown(body, bodyLineOffset) };
}

/**
 * Reads only a Markdown file's front matter, leaving its body unparsed (an empty tree, no
 * anchors): for files that a `check --changed` run needs to know of but not to check.
 */
export function parseFrontMatterOnly(source: TextSource, report: Report): ParsedFile {
  const { data } = parseFrontMatter(source.text, source.path, report);
  return { path: source.path, frontMatter: data, tree: { type: 'root', children: [] }, anchors: [] };
}
