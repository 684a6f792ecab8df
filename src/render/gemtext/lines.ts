/** One line of gemtext (text/gemini, gemini spec §5.4): the six line types and a blank line. */
export type GemLine =
  | { type: 'text'; text: string }
  | { type: 'link'; url: string; label?: string; /** A paragraph of its own: its label stays as text when the link is dropped. */ alone?: boolean }
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'list'; text: string }
  | { type: 'quote'; text: string }
  | { type: 'preformatted'; alt: string; lines: string[] }
  | { type: 'blank' };

/** Zero-width space: gemtext has no escape character, so it shields a misreadable line start. */
export const shield = '\u200B';

// A text line starting with one of these would be read as another line type.
const misreadable = /^(=>|#|\* |>|```)/;

/** A line of plain text as gemtext: one line, and never mistaken for another line type. */
export function toTextLine(text: string): string {
  const single = joinLines(text);
  return misreadable.test(single) ? shield + single : single;
}

/**
 * A capsule page as a template made it, with its blank lines tidied: outside preformatted text,
 * a line of only spaces is blank, a run of blank lines is one, and the page neither starts nor
 * ends with one. A client shows every blank line, and a template's tags leave them in runs
 * (`{% if %}` whose body is not shown, a partial's comment) that a reader saw as gaps.
 */
export function tidyGemtext(page: string): string {
  const lines: string[] = [];
  let preformatted = false;
  for (const line of page.split('\n')) {
    if (line.startsWith('```')) preformatted = !preformatted;
    else if (!preformatted && line.trim() === '') {
      if (lines.length > 0 && lines.at(-1) !== '') lines.push('');
      continue;
    }
    lines.push(line);
  }
  while (lines.at(-1) === '') lines.pop();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Serializes typed lines into a gemtext document, the last step of rendering (STYLE §1). */
export function serializeLines(lines: readonly GemLine[]): string {
  const out: string[] = [];
  for (const line of collapseBlanks(lines)) out.push(...serializeLine(line));
  return out.length ? out.join('\n') + '\n' : '';
}

function serializeLine(line: GemLine): string[] {
  switch (line.type) {
    case 'text':
      return [toTextLine(line.text)];
    case 'link':
      return [`=> ${encodeSpaces(line.url)}${line.label ? ' ' + oneLine(line.label) : ''}`];
    case 'heading':
      return [`${'#'.repeat(line.level)} ${oneLine(line.text)}`];
    case 'list':
      return [`* ${oneLine(line.text)}`];
    case 'quote':
      return [`> ${oneLine(line.text)}`];
    case 'preformatted':
      // A line of the block that starts with ``` would close it early.
      return ['```' + oneLine(line.alt), ...line.lines.map((l) => (l.startsWith('```') ? shield + l : l)), '```'];
    case 'blank':
      return [''];
  }
}

/** Drops leading, trailing and repeated blank lines. */
function collapseBlanks(lines: readonly GemLine[]): GemLine[] {
  const result: GemLine[] = [];
  for (const line of lines) {
    if (line.type === 'blank' && (result.length === 0 || result[result.length - 1]!.type === 'blank')) continue;
    result.push(line);
  }
  while (result.length && result[result.length - 1]!.type === 'blank') result.pop();
  return result;
}

function oneLine(text: string): string {
  return joinLines(text).trim();
}

/**
 * The lines of `text` joined by single spaces, the spaces around each break dropped. A lone
 * carriage return breaks a line too, for some clients. Linear in the text: a pattern such as
 * `\s*\n\s*` would take quadratic time over a long run of spaces with no break after it.
 */
export function joinLines(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  const parts = text.split(/[\r\n]+/);
  const last = parts.length - 1;
  return parts
    .map((part, index) => (index === 0 ? part.trimEnd() : index === last ? part.trimStart() : part.trim()))
    .filter((part, index) => part !== '' || index === 0 || index === last)
    .join(' ');
}

function encodeSpaces(url: string): string {
  return url.replace(/\s/g, (c) => encodeURIComponent(c));
}
