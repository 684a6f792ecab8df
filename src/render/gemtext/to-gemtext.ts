import type { Definition, FootnoteDefinition, Image, Link, Nodes, Parents, Root } from 'mdast';
import { walk } from '../../parse/walk.js';
import { flushSection } from './handlers/heading.js';
import { handlers } from './handlers/index.js';
import { toInline } from './inline.js';
import type { GemLine } from './lines.js';
import type { LinkPlacement, RawResource, State } from './state.js';

/** Options of {@link toGemtext}. */
export interface GemtextOptions {
  /** Where inline links go (default: `paragraph`). */
  placement?: LinkPlacement;
  /** The URL of a link or image (`type`) on this capsule page; `undefined` drops the link. */
  href: (url: string, resource: Link | Image | Definition, type: 'link' | 'image') => string | undefined;
  /** Heading of the footnotes list (default: `Footnotes`). */
  footnoteLabel?: string;
  /** Links and images of raw HTML that the web page keeps (default: none, raw HTML keeps its text only). */
  rawResource?: RawResource;
  /** The level the web page shows each heading of raw HTML at, by its place in the file (default: as written). */
  rawHeadingLevel?: (line: number, column: number) => number | undefined;
}

/** Renders a Markdown body to typed gemtext lines, from the same tree as the HTML (SPEC §3). */
export function toGemtext(tree: Root, options: GemtextOptions): GemLine[] {
  const definitions = new Map<string, Definition>();
  const footnotes = new Map<string, FootnoteDefinition>();
  walk(tree as Nodes, (node) => {
    if (node.type === 'definition') definitions.set(node.identifier.toUpperCase(), node);
    if (node.type === 'footnoteDefinition') footnotes.set(node.identifier.toUpperCase(), node);
  });
  const state: State = {
    lines: [],
    pending: [],
    placement: options.placement ?? 'paragraph',
    definitions,
    footnotes,
    footnoteOrder: [],
    href: options.href,
    rawResource: options.rawResource ?? (() => undefined),
    rawHeadingLevel: options.rawHeadingLevel ?? (() => undefined),
    blocks: (parent) => renderBlocks(parent, state),
    // `off` leaves links out, not images, which follow their block as with `paragraph`.
    flush: () => {
      if (state.placement !== 'end') flushSection(state);
    },
  };
  renderBlocks(tree, state);
  flushSection(state);
  renderFootnotes(state, options.footnoteLabel ?? 'Footnotes');
  return state.lines;
}

function renderBlocks(parent: Parents, state: State): void {
  for (const child of parent.children as Nodes[]) {
    const handler = handlers[child.type];
    if (handler) handler(child as never, state);
  }
}

/** Footnotes as a list at the end, numbered in order of first reference. */
function renderFootnotes(state: State, label: string): void {
  if (state.footnoteOrder.length === 0) return;
  state.lines.push({ type: 'heading', level: 3, text: label }, { type: 'blank' });
  // Rendering a footnote can reference another, which then joins the end of the order.
  for (let index = 0; index < state.footnoteOrder.length; index++) {
    const children = state.footnotes.get(state.footnoteOrder[index]!)?.children ?? [];
    const paragraphs = children.filter((child) => child.type === 'paragraph');
    const text = paragraphs
      .map((child) => toInline(child.children, state))
      .flatMap((result) => {
        for (const link of result.links) state.pending.push(link);
        return result.lines;
      })
      .join(' ');
    state.lines.push({ type: 'list', text: `[${index + 1}] ${text}`.trim() });
    // Code or a quote inside a footnote follows its list line.
    const blocks = children.filter((child) => child.type !== 'paragraph');
    if (blocks.length > 0) state.blocks({ type: 'root', children: blocks });
  }
  state.lines.push({ type: 'blank' });
  flushSection(state);
}
