import type { Definition, Image, ImageReference, Link, LinkReference, Table } from 'mdast';
import type { Node } from 'unist';
import { walk } from '../parse/walk.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { footnoteFinder, type FootnoteMistake } from '../parse/footnote-calls.js';
import { isStackOverflow, type Diagnostic, type Report } from '../diagnostics/diagnostic.js';
import type { TextSource } from '../load/load-sources.js';
import { deepHtml, maxDepth, parseFile } from '../parse/parse-file.js';
import { reportRule } from '../diagnostics/rules.js';
import { inFileOrder, reportShown } from '../diagnostics/report-shown.js';
import { toHtmlVariants, type Removal } from '../render/html/markdown-to-html.js';
import type { Misplacement } from '../render/html/place-elements.js';
import type { SkippedLevel } from '../render/html/heading-levels.js';
import type { InvalidValue, MisplacedAttribute } from '../render/html/attribute-values.js';
import { loadRawHtmlParsers } from '../render/raw-html.js';
import { toGemtext } from '../render/gemtext/to-gemtext.js';
import { markers, reservedCharacters, slotMarker, type Slot } from '../render/slots.js';
import { isUnsafeUrl, removedScheme, withLowerScheme } from '../transform/link-target.js';
import { emptyBody, fieldPositions, withTextCause, type CompiledBody, type CompileOptions, type CompiledFile, type Resource } from './compiled.js';

// The Markdown stack is imported from here down: a build loads this module only when a file must be compiled.

/**
 * Compiles one Markdown file: parses it once and derives from the one tree the HTML for its own
 * page, the HTML inside its issue's page and the feeds, and its gemtext. Pure: the result depends
 * on the text, the path and `options` only, so it can be cached and made in a worker.
 */
export function compileFile(source: TextSource, options: CompileOptions): CompiledFile {
  const diagnostics: Diagnostic[] = [];
  const text = source.text.replace(reservedCharacters, '\uFFFD');
  const report = (diagnostic: Diagnostic) => diagnostics.push(withTextCause(diagnostic));
  const parsed = parseFile({ path: source.path, text }, report, { html: options.html });
  // No text, or only notes (a scaffold's). A file whose front matter can not be read (never
  // closed) has no body to speak of, and one too deep or too large to read has one: both are reported.
  const blank = parsed.frontMatter !== undefined && !parsed.refused && parsed.tree.children.every((node) => node.type === 'html' && node.value.replace(/<!--[\s\S]*?-->/g, '').trim() === '');
  // Raw HTML that the HTML parser will build too deep for its stack: as one document, or (shown as
  // text, when only the capsule takes the text out of each block) block by block.
  const nested = deepHtml(parsed.tree, options.html === 'escape');
  if (nested) {
    reportRule(report, 'markdown/too-deep', { file: source.path, line: nested.line }, { depth: String(nested.depth), limit: maxDepth });
    parsed.tree = { type: 'root', children: [] };
    parsed.anchors = [];
    parsed.headings = [];
  }
  const frontMatter = parsed.frontMatter && { value: parsed.frontMatter.value, fields: fieldPositions(parsed.frontMatter) };
  const resources: Resource[] = [];
  const footnotes = footnoteFinder();
  const imageReferences = new Set<string>();
  const linkReferences = new Set<string>();
  const definitions: Array<[index: number, identifier: string]> = [];
  const extraRows: ExtraCells[] = [];
  walk(parsed.tree as Node, (node) => {
    withoutReservedCharacters(node as unknown as Record<string, unknown>);
    footnotes.visit(node);
    if (node.type === 'table') extraRows.push(...extraCells(node as Table));
    if (node.type === 'imageReference' || node.type === 'linkReference') (node.type === 'imageReference' ? imageReferences : linkReferences).add((node as ImageReference | LinkReference).identifier);
    if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
    const resource = node as Link | Image | Definition;
    if (resource.type === 'image' && (resource.alt ?? '').trim() === '') reportRule(report, 'image/alt', { file: source.path, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }, { written: 'markdown' });
    (resource as { data?: object }).data = { ...resource.data, resource: resources.length };
    if (resource.type === 'definition') definitions.push([resources.length, resource.identifier]);
    resources.push({ type: resource.type, url: resource.url, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  });
  // A definition only images use (`![a lamp][lamp]`) is checked as an image's address.
  for (const [index, identifier] of definitions) if (imageReferences.has(identifier) && !linkReferences.has(identifier)) resources[index]!.images = true;
  reportShown('markdown/table-extra-cells', extraRows, source.path, report, ({ cells, columns }) => ({ cells, columns }));
  reportFootnoteMistakes(footnotes.mistakes(text), source.path, report);
  // Resources from here on are raw HTML's.
  const markdownResources = resources.length;
  let rawIndex: Map<string, number> | undefined;
  const slots: Slot[] = [];
  const addSlot = (slot: Slot) => slotMarker(slots.push(slot) - 1);
  const addResource = (resource: Resource) => resources.push(resource) - 1;
  let content: CompiledBody['content'];
  try {
    const removals: Removal[] = [];
    const withoutAlt = (line: number, column: number) => reportRule(report, 'image/alt', { file: source.path, line, column }, { written: 'html' });
    const misplacements: Misplacement[] = [];
    const skips: SkippedLevel[] = [];
    const invalidValues: InvalidValue[] = [];
    const misplacedAttributes: MisplacedAttribute[] = [];
    const rawHeadingLevels = new Map<string, number>();
    const fragmentOptions = {
      html: options.html,
      issueShift: issueShiftOf(source.path),
      removed: (removal: Removal) => removals.push(removal),
      withoutAlt,
      misplaced: (misplacement: Misplacement) => misplacements.push(misplacement),
      invalidValue: (invalid: InvalidValue) => invalidValues.push(invalid),
      misplacedAttribute: (misplaced: MisplacedAttribute) => misplacedAttributes.push(misplaced),
      skippedLevel: (skip: SkippedLevel) => skips.push(skip),
      leveledRaw: (line: number, column: number, level: number) => rawHeadingLevels.set(`${line}:${column}`, level),
    };
    // Gives the tree's headings the depth they are shown at, which the capsule's follow (raw HTML's by their place).
    const { own, inIssue, ids } = toHtmlVariants(parsed.tree, fragmentOptions, addSlot, addResource);
    // A link may lead only to an id the page kept: not to one of raw HTML the sanitizer took out
    // with its element (`<font id>`), nor to one written in HTML that was escaped.
    parsed.anchors = parsed.anchors.filter((id) => ids.has(id));
    parsed.headings = parsed.headings.filter((id) => ids.has(id));
    reportRepairs({ removals, misplacements, invalidValues, misplacedAttributes, skips }, source.path, report);
    const gemtext = toGemtext(parsed.tree, {
      placement: options.links,
      footnoteLabel: markers.footnotes,
      // What the web page leaves out (see markdown-handlers.ts), the capsule leaves out too.
      href: (url, resource, type) => {
        if (isUnsafeUrl(url) || (options.html !== 'trust' && removedScheme(url, type) !== undefined)) return undefined;
        const index = (resource.data as { resource?: number } | undefined)?.resource;
        return addSlot(index === undefined ? { url } : { resource: index, url });
      },
      rawHeadingLevel: (line, column) => rawHeadingLevels.get(`${line}:${column}`),
      // Raw HTML's links and images were made resources by the HTML above, where they survived the sanitizer.
      rawResource: (type, url, line, column) => {
        rawIndex ??= indexRawResources(resources, markdownResources);
        const index = rawIndex.get(rawResourceKey(type, url, line, column));
        return index === undefined ? undefined : ({ type, url: withLowerScheme(url), ...(type === 'link' ? { children: [] } : {}), data: { resource: index } } as Link | Image);
      },
    });
    content = { html: own, issueHtml: inIssue, gemtext };
  } catch (error) {
    // Raw HTML nested deeper than `deepHtml` could tell (the HTML parser's tree builder recurses once a level).
    if (!isStackOverflow(error)) throw error;
    reportRule(report, 'markdown/too-deep', { file: source.path, line: 1 }, { depth: 'thousands of', limit: maxDepth }, error);
    return { path: source.path, frontMatter, body: emptyBody(), diagnostics };
  }
  const body: CompiledBody = { anchors: parsed.anchors, headings: parsed.headings, resources, slots, content, targets: [], ...(blank ? { blank: true as const } : {}) };
  return { path: source.path, frontMatter, body, diagnostics };
}

/**
 * Loads what compiling `texts` needs besides what this module imports: the parsers of raw HTML,
 * when one of them may hold some (has a `<`). Call it before {@link compileFile}.
 */
export async function prepareToCompile(texts: Iterable<string | Uint8Array>): Promise<void> {
  for (const text of texts) {
    if (typeof text === 'string' ? text.includes('<') : text.includes(0x3c)) return loadRawHtmlParsers();
  }
}

/** The table rows with more cells than their header row: the page shows only as many as the header has. */
function extraCells(table: Table): ExtraCells[] {
  const columns = table.align?.length ?? table.children[0]?.children.length ?? 0;
  const rows: ExtraCells[] = [];
  for (const row of table.children) {
    const extra = row.children[columns];
    if (!extra) continue;
    const start = extra.position?.start ?? row.position?.start;
    rows.push({ line: start?.line ?? 1, column: start?.column ?? 1, cells: row.children.length, columns });
  }
  return rows;
}

/** A table row with more cells than its table has columns, at its first extra cell. */
interface ExtraCells {
  line: number;
  column: number;
  cells: number;
  columns: number;
}

/** What the sanitizer took from the file's raw HTML, the raw HTML that stood where HTML does not let it, its attributes HTML does not allow, and the headings that skip a level: each where it was written, and what became of it. */
function reportRepairs(repairs: Repairs, file: string, report: Report): void {
  const named = (attributes: readonly string[]) => (attributes.length < 2 ? attributes.join('') : `${attributes.slice(0, -1).join(', ')} and ${attributes.at(-1)!}`);
  reportShown('html/removed', repairs.removals, file, report, ({ element, attributes }) => ({ element, attributes: named(attributes), several: attributes.length > 1 }));
  reportShown('html/misplaced', repairs.misplacements, file, report, ({ line, column, ...args }) => args);
  reportShown('html/invalid-value', repairs.invalidValues, file, report, ({ line, column, ...args }) => args);
  reportShown('html/misplaced-attribute', repairs.misplacedAttributes, file, report, ({ line, column, ...args }) => args);
  reportShown('markdown/heading-level', repairs.skips, file, report, ({ line, column, ...args }) => args);
}

interface Repairs {
  removals: readonly Removal[];
  misplacements: readonly Misplacement[];
  invalidValues: readonly InvalidValue[];
  misplacedAttributes: readonly MisplacedAttribute[];
  skips: readonly SkippedLevel[];
}

// Character references decode to text only after the source was cleaned: in Markdown (`&#xFDD0;`
// in a link or text) and in raw HTML, which the HTML parser decodes later. Those of raw HTML to
// a marker's characters or to any other noncharacter (`&#xFFFF;`, which Markdown's own decoding
// already makes U+FFFD) would give a page the Nu Html Checker rejects.
const lastTwoOfEachPlane = Array.from({ length: 17 }, (_, plane) => [plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff]).flat();
const reservedReference = new RegExp(
  `&#(?:[xX]0*(?:[fF][dD](?:[dD][0-9a-fA-F]|[eE][0-9a-fA-F])|(?:[1-9a-fA-F]|10)?[fF]{3}[eEfF])(?![0-9a-fA-F])|0*(?:6497[6-9]|649[89][0-9]|6500[0-7]|${lastTwoOfEachPlane.join('|')})(?![0-9]));?`,
  'g',
);

/** Replaces the characters reserved for slot markers in a node's text, so no content can forge a marker. */
function withoutReservedCharacters(node: Record<string, unknown>): void {
  for (const key of ['value', 'url', 'title', 'alt']) {
    const text = node[key];
    if (typeof text !== 'string') continue;
    let clean = text.replace(reservedCharacters, '\uFFFD');
    if (node['type'] === 'html') clean = clean.replace(reservedReference, '&#xFFFD;');
    if (clean !== text) node[key] = clean;
  }
}

/**
 * How far headings move down inside the issue page: one level, an article's under its title, the
 * editorial's under the page's "Editorial" heading (both `h2`, as a body's own top level is).
 */
function issueShiftOf(path: string): number | undefined {
  return path.startsWith('content/issues/') ? 1 : undefined;
}

/** The resources raw HTML made (those from `from` on) by what finds them again, the first of each kind kept. */
function indexRawResources(resources: readonly Resource[], from: number): Map<string, number> {
  const index = new Map<string, number>();
  for (let at = from; at < resources.length; at++) {
    const { type, url, line, column } = resources[at]!;
    const key = rawResourceKey(type, url, line, column);
    if (!index.has(key)) index.set(key, at);
  }
  return index;
}

function rawResourceKey(type: string, url: string, line: number, column: number): string {
  // The HTML's URL has its scheme in lowercase, which the sanitizer checks so (see lowerSchemes).
  return `${type} ${line}:${column} ${withLowerScheme(url)}`;
}

/**
 * Warns of the footnote calls without a note and the notes called nowhere, the first ten of each
 * and how many more: the name likely meant is looked for among all the others, and 3 000 calls
 * beside 3 000 notes took `mimeo check` 52 s to tell one by one.
 */
function reportFootnoteMistakes(mistakes: readonly FootnoteMistake[], file: string, report: Report): void {
  const inOrder = inFileOrder(mistakes);
  const withSuggestion = ({ label, others }: FootnoteMistake) => {
    const suggestion = didYouMean(label, others);
    return { label, ...(suggestion === undefined ? {} : { suggestion }) };
  };
  reportShown('markdown/footnote-undefined', inOrder.filter(({ kind }) => kind === 'undefined'), file, report, withSuggestion);
  reportShown('markdown/footnote-unused', inOrder.filter(({ kind }) => kind === 'unused'), file, report, withSuggestion);
}
