import type { Nodes } from 'mdast';
import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
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
  const empty: ParsedMarkdown = { tree: { type: 'root', children: [] }, anchors: [] };
  let markdown: ParsedMarkdown;
  try {
    markdown = parseMarkdown(body, bodyLineOffset);
  } catch (error) {
    // The parsers recurse once a level: thousands of nested quotes or lists exhaust the stack.
    if (!(error instanceof RangeError)) throw new Error(`could not parse ${source.path}`, { cause: error });
    reportRule(report, 'markdown/too-deep', { file: source.path, line: bodyLineOffset + 1 }, { depth: 'thousands of', limit: maxDepth }, error);
    return { path: source.path, frontMatter: data, ...empty };
  }
  const depth = treeDepth(markdown.tree);
  if (depth > maxDepth) {
    reportRule(report, 'markdown/too-deep', { file: source.path, line: bodyLineOffset + 1 }, { depth: String(depth), limit: maxDepth });
    return { path: source.path, frontMatter: data, ...empty };
  }
  return { path: source.path, frontMatter: data, ...markdown };
}

/** How deep a body may nest quotes, lists and emphasis: far beyond any real text, well within the renderers' stack. */
const maxDepth = 200;

function treeDepth(tree: Nodes): number {
  let deepest = 0;
  const stack: Array<[Nodes, number]> = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > deepest) deepest = depth;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}
