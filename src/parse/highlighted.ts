import { common, createLowlight } from 'lowlight';
import { decodeString } from 'micromark-util-decode-string';

// The languages rehype-highlight colours (src/render/html/markdown-to-html.ts): lowlight's common
// ones, plain text aside, which is marked with nothing.
let lowlight: ReturnType<typeof createLowlight> | undefined;
const plain = new Set(['plaintext', 'text', 'txt']);

/**
 * Whether a code fence's info string (what follows the ``` or ~~~) names a language whose code is
 * highlighted, each keyword, number and string marked: only that code costs highlighting.
 */
export function isHighlighted(info: string): boolean {
  // The language is the info string's first word, its escapes and character references decoded
  // as micromark decodes them (```&#106;s is JavaScript).
  const written = /^\S+/.exec(info.trimStart())?.[0];
  const language = written === undefined ? undefined : decodeString(written);
  if (language === undefined || plain.has(language.toLowerCase())) return false;
  lowlight ??= createLowlight(common);
  return lowlight.registered(language);
}
