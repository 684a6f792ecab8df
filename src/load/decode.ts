import type { Report } from '../diagnostics/diagnostic.js';
import { reportRule } from '../diagnostics/rules.js';
import { findForbiddenCharacter, withoutForbiddenCharacters } from '../util/forbidden-characters.js';
import { placeOf } from '../util/text-place.js';

const replacement = '\uFFFD';
const literalReplacement = Buffer.from(replacement, 'utf8');

/**
 * Turns a file's bytes into text the parsers can trust: UTF-8 only, no byte order mark, LF line
 * endings (line and column numbers stay those the contributor's editor shows), no control
 * character or noncharacter (reported at the first one). Invalid UTF-8 is reported at the first
 * bad byte and gives `undefined`.
 */
export function decodeText(bytes: Uint8Array, file: string, report: Report): string | undefined {
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const bad = firstInvalidIndex(bytes, text);
  if (bad !== undefined) {
    reportRule(report, 'encoding/invalid-utf8', { file, ...placeOf(text, bad) }, {});
    return undefined;
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');
  const forbidden = findForbiddenCharacter(text);
  if (forbidden) {
    const place = { file, ...placeOf(text, forbidden.index) };
    reportRule(report, forbidden.noncharacter ? 'encoding/noncharacter' : 'encoding/control-character', place, { code: forbidden.code });
    text = withoutForbiddenCharacters(text);
  }
  return text;
}

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
