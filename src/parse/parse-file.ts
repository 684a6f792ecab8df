import type { Html, Nodes } from 'mdast';
import { isStackOverflow, type Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import type { TextSource } from '../load/load-sources.js';
import { parseFrontMatter } from './front-matter.js';
import { parseMarkdown, type MarkdownOptions, type ParsedMarkdown } from './markdown.js';
import { findSlowMarkdown } from './slow-markdown.js';
import type { YamlData } from './yaml-data.js';

/** A Markdown file after its one parse: front matter data and body tree. */
export interface ParsedFile extends ParsedMarkdown {
  /** Path relative to the root. */
  path: string;
  /** Front matter, not yet checked against a schema; `undefined` when unreadable (reported). */
  frontMatter: YamlData | undefined;
  /** Whether the body was too deep or too large to read (reported), and so is left empty. */
  refused?: true;
}

/** Parses one Markdown file. Pure: the same text and options always give the same result. */
export function parseFile(source: TextSource, report: Report, options: MarkdownOptions = {}): ParsedFile {
  const { data, body, bodyLineOffset } = parseFrontMatter(source.text, source.path, report);
  const empty: ParsedMarkdown = { tree: { type: 'root', children: [] }, anchors: [], headings: [] };
  // Read before it is parsed: micromark would take minutes and gigabytes over some small bodies.
  const slow = findSlowMarkdown(body, { maxDepth });
  if (slow) {
    const place = { file: source.path, line: bodyLineOffset + slow.line };
    if (slow.kind === 'deep') reportRule(report, 'markdown/too-deep', place, { depth: String(slow.depth), limit: maxDepth });
    else reportRule(report, limitRules[slow.kind], place, { limit: slow.limit });
    return { path: source.path, frontMatter: data, ...empty, refused: true };
  }
  let markdown: ParsedMarkdown;
  try {
    markdown = parseMarkdown(body, bodyLineOffset, options);
  } catch (error) {
    // The parsers recurse once a level: thousands of nested quotes or lists exhaust the stack.
    if (!isStackOverflow(error)) throw new Error(`could not parse ${source.path}`, { cause: error });
    reportRule(report, 'markdown/too-deep', { file: source.path, line: bodyLineOffset + 1 }, { depth: 'thousands of', limit: maxDepth }, error);
    return { path: source.path, frontMatter: data, ...empty, refused: true };
  }
  const depth = treeDepth(markdown.tree);
  if (depth > maxDepth) {
    reportRule(report, 'markdown/too-deep', { file: source.path, line: bodyLineOffset + 1 }, { depth: String(depth), limit: maxDepth });
    return { path: source.path, frontMatter: data, ...empty, refused: true };
  }
  return { path: source.path, frontMatter: data, ...markdown };
}

const limitRules = { delimiters: 'markdown/too-many-delimiters', cells: 'markdown/too-many-cells', blocks: 'markdown/too-many-blocks', large: 'markdown/too-large', lines: 'markdown/too-many-lines', markup: 'markdown/too-much-markup', long: 'markdown/too-long-paragraph', code: 'markdown/too-much-code' } as const;

/** How deep a body may nest quotes, lists, emphasis and HTML elements: far beyond any real text, well within the renderers' stack. */
export const maxDepth = 200;

// Elements whose end tag may be left out: the next one of their kind closes them, so they do not nest.
const selfClosing = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'colgroup', 'option', 'optgroup', 'rt', 'rp', 'html', 'head', 'body']);
// Elements that never have content.
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
// No `<` inside a tag: a tag that never closes stops at the next one, so `<a <a <a …` takes linear time, not quadratic.
const tag = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
// What holds no tags for the HTML parser: comments, CDATA, and the text of script-like elements.
const notTags = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<(script|style|textarea|title|xmp)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
// Markdown nodes whose raw HTML the parser closes when they end: a stray `<T>` in a paragraph ends with it.
const phrasing = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * How deep a body's raw HTML nests its elements, as the HTML parser will build them (a `<div>`
 * a block, one block after another, nests them all; a stray `<T>` in a paragraph ends with it),
 * and the line where it first goes deeper than {@link maxDepth}; `undefined` when it never does.
 * Its tree is at most {@link maxDepth} deep, checked before. `blockByBlock`: each node of raw HTML
 * is parsed on its own (HTML shown as text, whose capsule lines still take its text out of it).
 */
export function deepHtml(tree: Nodes, blockByBlock = false): { depth: number; line: number } | undefined {
  let deepest = 0;
  let line: number | undefined;
  let flow = 0;
  const scan = (node: Html, depth: number): number => {
    for (const [, closing, name, empty] of node.value.replace(notTags, '').matchAll(tag)) {
      const element = name!.toLowerCase();
      if (empty || voidElements.has(element) || selfClosing.has(element)) continue;
      if (closing) depth = Math.max(0, depth - 1);
      else if (++depth > deepest) {
        deepest = depth;
        if (deepest > maxDepth) line ??= node.position?.start.line ?? 1;
      }
    }
    return depth;
  };
  const visit = (node: Nodes, inline: { depth: number } | undefined): void => {
    if (node.type === 'html') {
      if (blockByBlock) scan(node, 0);
      else if (inline) inline.depth = scan(node, inline.depth);
      else flow = scan(node, flow);
      return;
    }
    if (!('children' in node)) return;
    const inside = inline ?? (phrasing.has(node.type) ? { depth: flow } : undefined);
    for (const child of node.children) visit(child, inside);
  };
  visit(tree, undefined);
  return line === undefined ? undefined : { depth: deepest, line };
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
