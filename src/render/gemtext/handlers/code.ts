import type { Code } from 'mdast';
import type { State } from '../state.js';

/** Fenced or indented code as a preformatted block; its language is the alt text. */
export function code(node: Code, state: State): void {
  state.lines.push({ type: 'preformatted', alt: node.lang ?? '', lines: node.value.split('\n') }, { type: 'blank' });
}
