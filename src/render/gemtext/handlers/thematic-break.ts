import type { State } from '../state.js';

/** A thematic break as a short rule of text. */
export function thematicBreak(_node: unknown, state: State): void {
  state.lines.push({ type: 'text', text: '---' }, { type: 'blank' });
}
