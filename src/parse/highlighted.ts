import { common, createLowlight } from 'lowlight';

// The languages rehype-highlight colours (src/render/html/markdown-to-html.ts): lowlight's common
// ones, plain text aside, which is marked with nothing.
let lowlight: ReturnType<typeof createLowlight> | undefined;
const plain = new Set(['plaintext', 'text', 'txt']);

/**
 * Whether a code fence's info string (what follows the ``` or ~~~) names a language whose code is
 * highlighted, each keyword, number and string marked: only that code costs highlighting.
 */
export function isHighlighted(info: string): boolean {
  const language = /^\S+/.exec(info.trimStart())?.[0];
  if (language === undefined || plain.has(language.toLowerCase())) return false;
  lowlight ??= createLowlight(common);
  return lowlight.registered(language);
}
