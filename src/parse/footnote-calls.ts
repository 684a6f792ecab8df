import type { FootnoteDefinition, FootnoteReference, Link, Text } from 'mdast';
import type { Node } from 'unist';
import type { Position } from './yaml-data.js';

/** A footnote's call with no note of its label, or a note nothing calls: each where it was written. */
export interface FootnoteMistake {
  kind: 'undefined' | 'unused';
  /** The label as written: `note-1` of `[^note-1]`. */
  label: string;
  line: number;
  column: number;
  /** The labels of the other kind that it may have meant (the notes, for a call; the calls, for a note). */
  others: string[];
}

/**
 * Finds, over one walk of a body's tree, the footnote calls with no note (`[^typo]`, which
 * Markdown leaves as text) and the notes no call leads to (which no output shows).
 */
export function footnoteFinder(): { visit: (node: Node) => void; mistakes: (text: string) => FootnoteMistake[] } {
  const calls = new Set<string>();
  const notes = new Map<string, FootnoteDefinition>();
  const texts: Text[] = [];
  // The text of an autolink or a bare URL is its address, `[^x]` included: no call.
  const addresses = new Set<Node>();
  return {
    visit(node) {
      if (node.type === 'link' && isAddressLink(node as Link)) for (const child of (node as Link).children) addresses.add(child);
      else if (node.type === 'footnoteReference') calls.add((node as FootnoteReference).identifier);
      else if (node.type === 'footnoteDefinition') {
        const note = node as FootnoteDefinition;
        if (!notes.has(note.identifier)) notes.set(note.identifier, note);
      } else if (node.type === 'text' && (node as Text).value.includes('[^') && !addresses.has(node)) texts.push(node as Text);
    },
    mistakes(text) {
      if (notes.size === 0 && texts.length === 0) return [];
      const mistakes: FootnoteMistake[] = [];
      const noteLabels = [...notes.values()].map((note) => note.label ?? note.identifier);
      const lines = text.split('\n');
      const written = new Set<string>();
      for (const node of texts) {
        for (const call of callsIn(node, lines)) {
          if (notes.has(call.identifier) || written.has(`${call.line}:${call.column}`)) continue;
          written.add(`${call.line}:${call.column}`);
          mistakes.push({ kind: 'undefined', label: call.label, line: call.line, column: call.column, others: noteLabels });
          calls.add(call.identifier);
        }
      }
      const callLabels = [...calls];
      for (const [identifier, note] of notes) {
        if (calls.has(identifier)) continue;
        const start = note.position?.start ?? { line: 1, column: 1 };
        mistakes.push({ kind: 'unused', label: note.label ?? identifier, line: start.line, column: start.column, others: callLabels });
      }
      return mistakes;
    },
  };
}

// A call as Markdown writes one: `[^` and a label without spaces or brackets, then `]`, not followed by `:` (a note).
const callPattern = /\[\^([^\s[\]^]+)\](?!:)/g;

/** The calls written in a text node (a call Markdown did not take, for want of a note), each with its place in the file's `lines`. */
function callsIn(node: Text, lines: readonly string[]): Array<{ label: string; identifier: string } & Position> {
  const found: Array<{ label: string; identifier: string } & Position> = [];
  const start = node.position?.start;
  if (!start) return found;
  // The node's lines in the source: its value lost escapes and indentation, so the source is searched.
  const end = node.position?.end ?? start;
  for (let line = start.line; line <= end.line; line++) {
    const source = lines[line - 1] ?? '';
    const from = line === start.line ? start.column - 1 : 0;
    for (const match of source.slice(from, line === end.line ? end.column - 1 : undefined).matchAll(callPattern)) {
      const column = from + match.index + 1;
      // `\[^x]`: written to show the brackets, not a call; `\\[^x]` shows a backslash before one.
      if (escaped(source, column - 1)) continue;
      found.push({ label: match[1]!, identifier: normalizeLabel(match[1]!), line, column });
    }
  }
  return found;
}

/** Whether the character at `index` of `source` is escaped: an odd run of backslashes precedes it. */
function escaped(source: string, index: number): boolean {
  let before = index;
  while (before > 0 && source[before - 1] === '\\') before--;
  return (index - before) % 2 === 1;
}

/** Whether a link's text is its address, as an autolink (`<https://…>`) or a bare URL (`www.…`, an e-mail address) writes it. */
function isAddressLink(link: Link): boolean {
  const [only] = link.children;
  if (link.children.length !== 1 || only?.type !== 'text') return false;
  return link.url === only.value || link.url === `http://${only.value}` || link.url === `mailto:${only.value}`;
}

/** A label as Markdown matches calls to notes: case and runs of spaces do not count (CommonMark's label matching). */
function normalizeLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}
