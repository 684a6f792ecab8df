import type { Nodes } from 'mdast';
import type { State } from '../state.js';
import { blockquote } from './blockquote.js';
import { code } from './code.js';
import { heading } from './heading.js';
import { html } from './html.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import { thematicBreak } from './thematic-break.js';

type AnyHandler = (node: never, state: State) => void;

/** The block handlers, by mdast node type; definitions and footnote definitions write nothing where they stand. */
export const handlers: Partial<Record<Nodes['type'], AnyHandler>> = {
  blockquote,
  code,
  heading,
  html,
  list,
  paragraph,
  table,
  thematicBreak,
};
