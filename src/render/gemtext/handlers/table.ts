import type { Table } from 'mdast';
import { toInline } from '../inline.js';
import type { State } from '../state.js';

/** A table drawn in plain text inside a preformatted block, its header as the alt text. */
export function table(node: Table, state: State): void {
  // As GFM has it (and the web page shows): the header row sets the columns, and a body row's
  // cells beyond them, with their links, are dropped.
  const columns = node.children[0]?.children.length ?? 0;
  const rows = node.children.map((row) =>
    row.children.slice(0, columns).map((cell) => {
      const { lines, links } = toInline(cell.children, state);
      for (const link of links) state.pending.push(link);
      return lines.join(' ');
    }),
  );
  const widths = Array.from({ length: columns }, (_, i) => rows.reduce((most, row) => Math.max(most, [...(row[i] ?? '')].length), 1));
  const draw = (row: string[]) => widths.map((width, i) => pad(row[i] ?? '', width, node.align?.[i] ?? null)).join(' | ').trimEnd();
  const [header = [], ...body] = rows;
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  // An empty header cell (above a column of row names) names nothing: `Table: , Mon` would read as a typo.
  const named = header.filter((cell) => cell !== '');
  state.lines.push({ type: 'preformatted', alt: named.length > 0 ? `Table: ${named.join(', ')}` : 'Table', lines: [draw(header), rule, ...body.map(draw)] }, { type: 'blank' });
  state.flush();
}

function pad(text: string, width: number, align: 'left' | 'right' | 'center' | null): string {
  const room = width - [...text].length;
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}
