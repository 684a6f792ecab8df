import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';

const replacement = '\uFFFD';
const literalReplacement = Buffer.from(replacement, 'utf8');

/**
 * Turns a file's bytes into text the parsers can trust: UTF-8 only, no byte order mark, LF line
 * endings (line and column numbers stay those the contributor's editor shows). Invalid UTF-8 is
 * reported at the first bad byte and gives `undefined`.
 */
export function decodeText(bytes: Uint8Array, file: string, report: Report): string | undefined {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bad = firstInvalidIndex(bytes, text);
  if (bad !== undefined) {
    const before = text.slice(0, bad);
    const line = before.split('\n').length;
    const column = bad - before.lastIndexOf('\n');
    reportRule(report, 'encoding/invalid-utf8', { file, line, column }, {});
    return undefined;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const control = controlCharacters.exec(text);
  if (control) {
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const code = control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    reportRule(report, 'encoding/control-character', { file, line, column: control.index - before.lastIndexOf('\n') }, { code });
    text = text.replace(controlCharactersEverywhere, '');
  }
  return text;
}

// Control characters no page, feed or capsule may hold (HTML §13.2.5, XML 1.0 §2.2): all of C0
// but tab and line feed, DEL, and C1.
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const controlCharactersEverywhere = new RegExp(controlCharacters.source, 'g');

/** Index in `text` of the first U+FFFD that stands for invalid bytes rather than for itself. */
function firstInvalidIndex(bytes: Uint8Array, text: string): number | undefined {
  let index = text.indexOf(replacement);
  while (index !== -1) {
    // Everything before `index` decoded cleanly, so its UTF-8 length is the byte offset.
    const offset = Buffer.byteLength(text.slice(0, index), 'utf8');
    const literal = literalReplacement.every((byte, i) => bytes[offset + i] === byte);
    if (!literal) return index;
    index = text.indexOf(replacement, index + 1);
  }
  return undefined;
}
