import GithubSlugger, { slug } from 'github-slugger';
import type { Heading, Html, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Node } from 'unist';
import { findLiterals, gfmSyntaxFor, gfmTrees, mayHoldLiteral } from './gfm-syntax.js';
import { textShown } from './heading-text.js';
import type { SiteConfig } from './schemas.js';
import { walk } from './walk.js';

/** A Markdown body as a syntax tree, with what other files may link to in it. */
export interface ParsedMarkdown {
  /** The mdast; positions are those of the whole file, front matter included. */
  tree: Root;
  /** Ids a link may point to with `#id`: headings (as GitHub makes them) and raw HTML ids. */
  anchors: string[];
  /** The ids of its headings in the order they come (a heading without one left out), which a translation's follow. */
  headings: string[];
}

/** How a body is read. */
export interface MarkdownOptions {
  /** What raw HTML becomes on the page (site.yml `markdown.html`), which headings' ids follow (default: `sanitize`). */
  html?: SiteConfig['markdown']['html'];
}

/**
 * Parses Markdown (CommonMark and GFM) once into the tree every output derives from, gives each
 * heading its id, and shifts positions past the front matter.
 */
export function parseMarkdown(body: string, lineOffset: number, options: MarkdownOptions = {}): ParsedMarkdown {
  const tree = fromMarkdown(body, { extensions: [gfmSyntaxFor(body)], mdastExtensions: gfmTrees });
  const slugger = new GithubSlugger();
  const anchors: string[] = [];
  const names: string[] = [];
  // The ids raw HTML gives its elements, which a heading with raw HTML does not take (see below).
  const rawIds = new Set<string>();
  // Headings that hold raw HTML shown as HTML, with their text as the page shows it. They get
  // their ids after the others: GitHub numbers a repeated id in document order, but these were
  // once made of their tags too (`## Head <b>raw</b> x` was `head-brawb-x`), and a heading without
  // raw HTML keeps the id its links lead to: `## Head raw x` stays `head-raw-x` even below
  // `## Head <b>raw</b> x`, which becomes `head-raw-x-1` (on GitHub, the other way round).
  const withHtml: Array<[Heading, string]> = [];
  // Every heading in document order: those with raw HTML get their ids last.
  const headings: Heading[] = [];
  // What remark-gfm's parser does, with GFM fitted to the text (gfm-syntax.ts): the search for
  // autolink literals in the text waits for this walk to see whether some text may hold one.
  let literals = false;
  walk(tree as Node, (node) => {
    shiftPosition(node, lineOffset);
    if (node.type === 'text' && !literals) literals = mayHoldLiteral((node as Text).value);
    if (node.type === 'heading') {
      const heading = node as Heading;
      headings.push(heading);
      // Escaped raw HTML is text the reader sees, tags and all, and the id keeps it.
      const shown = options.html === 'escape' ? undefined : textShown(heading);
      if (shown !== undefined) withHtml.push([heading, shown]);
      else {
        const id = identifyHeading(heading, toString(heading), slugger);
        if (id !== undefined) anchors.push(id);
      }
    }
    if (node.type === 'html') {
      const raw = htmlIds((node as Html).value);
      // One at a time: a block of 150 000 ids spread into one call would overflow the stack.
      for (const id of raw.ids) {
        anchors.push(id);
        rawIds.add(id);
      }
      for (const name of raw.names) names.push(name);
    }
  });
  if (literals) findLiterals(tree);
  // A heading with raw HTML takes no id of raw HTML's, nor an `<a name>`'s: its id was made of its
  // tags before, and took none of theirs (`<p id="intro">` and `## <b>Intro</b>` give the heading
  // `intro-1`), so a link to one of them still leads there.
  for (const name of names) rawIds.add(name);
  for (const [heading, shown] of withHtml) {
    const id = identifyHeading(heading, shown, slugger, rawIds);
    if (id !== undefined) anchors.push(id);
  }
  // A name becomes an id only where no element has it already.
  const taken = new Set(anchors);
  for (const name of names) {
    if (taken.has(name)) continue;
    taken.add(name);
    anchors.push(name);
  }
  const headingIds = headings.flatMap((heading) => {
    const id = heading.data?.hProperties?.['id'];
    return typeof id === 'string' ? [id] : [];
  });
  return { tree, anchors, headings: headingIds };
}

/**
 * Gives a heading its id as GitHub makes it of `text`, but never one that begins with `_`: those
 * are the theme's (`_main`, `_contents`). A heading with nothing to make an id of (`## !!!`) gets
 * none. An id the slugger gave before is numbered (`-1`, `-2`), as GitHub numbers repeats, and so is one of `taken`.
 */
function identifyHeading(heading: Heading, text: string, slugger: GithubSlugger, taken?: ReadonlySet<string>): string | undefined {
  const base = slug(text).replace(/^_+/, '');
  if (base === '') return undefined;
  let id = slugger.slug(base);
  while (taken?.has(id)) id = slugger.slug(base);
  heading.data = { ...heading.data, hProperties: { ...heading.data?.hProperties, id } };
  return id;
}

function htmlIds(html: string): { ids: string[]; names: string[] } {
  // Ids, but those that begin with `_`, and those HTML does not allow (empty, or with a space),
  // which are dropped (see `checkAttributeValues`); and the names of `<a name="top">` without an
  // id, which become ids when no other element has theirs (see `rawIds` in markdown-to-html.ts).
  const value = (m: RegExpMatchArray) => m[1] ?? m[2] ?? m[3] ?? '';
  const ids = [...html.matchAll(/\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(value).filter(isNamedAnchor);
  const names: string[] = [];
  for (const [tag] of html.matchAll(/<a\b[^<>]*/gi)) {
    if (/\sid\s*=/i.test(tag)) continue;
    const name = /\sname\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    if (name && isNamedAnchor(value(name))) names.push(value(name));
  }
  return { ids, names };
}

/** Whether an id of raw HTML, or the name of an `<a name>` (which becomes its id), is a target on the page: not empty, no spaces, not the theme's (`_`). */
export function isNamedAnchor(name: string): boolean {
  return name !== '' && !/\s/.test(name) && !name.startsWith('_');
}

function shiftPosition(node: Node, lineOffset: number): void {
  if (!node.position || lineOffset === 0) return;
  node.position.start.line += lineOffset;
  node.position.end.line += lineOffset;
}
