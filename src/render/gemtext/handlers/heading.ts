import type { Heading } from 'mdast';
import { toInline } from '../inline.js';
import type { State } from '../state.js';

/** A heading: body headings start at `##` (the title is `#`), deeper than `###` become `###`. */
export function heading(node: Heading, state: State): void {
  // Links of the section before a heading are written before it, whatever the placement.
  flushSection(state);
  const { lines, links } = toInline(node.children, state);
  const level = Math.min(3, Math.max(2, node.depth)) as 2 | 3;
  state.lines.push({ type: 'heading', level, text: lines.join(' ') }, { type: 'blank' });
  for (const link of links) state.pending.push(link);
  state.flush();
}

/** Writes the links still pending at the end of a section, or of a block; with placement `off`, only the images (SPEC §3). */
export function flushSection(state: State): void {
  const written = state.placement === 'off' ? state.pending.filter((link) => link.image) : state.pending;
  if (written.length > 0) {
    for (const link of written) state.lines.push({ type: 'link', url: link.url, label: link.label === link.url ? '' : link.label });
    state.lines.push({ type: 'blank' });
  }
  state.pending.length = 0;
}
