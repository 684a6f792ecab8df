import type { Html, Nodes } from 'mdast';
import type { Node } from 'unist';
import { walk } from './walk.js';
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
  const depth = Math.max(treeDepth(markdown.tree), htmlDepth(markdown.tree));
  if (depth > maxDepth) {
    reportRule(report, 'markdown/too-deep', { file: source.path, line: bodyLineOffset + 1 }, { depth: String(depth), limit: maxDepth });
    return { path: source.path, frontMatter: data, ...empty };
  }
  return { path: source.path, frontMatter: data, ...markdown };
}

/** How deep a body may nest quotes, lists, emphasis and HTML elements: far beyond any real text, well within the renderers' stack. */
export const maxDepth = 200;

// Elements whose end tag may be left out: the next one of their kind closes them, so they do not nest.
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'option', 'optgroup', 'rt', 'rp', 'html', 'head', 'body']);
// Elements that never have content.
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;

/**
 * How deep a body's raw HTML nests its elements, read in order as one document (which the HTML
 * parser later makes of it, each `<div>` of a line of its own inside the one before).
 */
function htmlDepth(tree: Nodes): number {
  let depth = 0;
  let deepest = 0;
  walk(tree as Node, (node) => {
    if (node.type !== 'html') return;
    for (const [, closing, name, empty] of (node as Html).value.matchAll(tag)) {
      const element = name!.toLowerCase();
      if (empty || voidElements.has(element) || selfClosing.has(element)) continue;
      if (closing) depth = Math.max(0, depth - 1);
      else deepest = Math.max(deepest, ++depth);
    }
  });
  return deepest;
}

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
