import { InternalError } from '../diagnostics/diagnostic.js';

// Raw HTML in a body is parsed by parse5 for each output: by rehype-raw for its web page, by
// hast-util-from-html for its capsule lines. Loading them takes about a tenth of a second and
// most bodies hold none, so they are loaded (`loadRawHtmlParsers`) only when a text to compile
// has a `<`, which all raw HTML starts with; see `prepareToCompile`.

interface RawHtmlParsers {
  rehypeRaw: typeof import('rehype-raw').default;
  fromHtml: typeof import('hast-util-from-html').fromHtml;
}

let parsers: RawHtmlParsers | undefined;

/** Loads the parsers of raw HTML, which compiling a body that holds some needs. */
export async function loadRawHtmlParsers(): Promise<void> {
  if (parsers) return;
  const [raw, html] = await Promise.all([import('rehype-raw'), import('hast-util-from-html')]);
  parsers = { rehypeRaw: raw.default, fromHtml: html.fromHtml };
}

/** The parsers of raw HTML, once {@link loadRawHtmlParsers} loaded them. */
export function rawHtmlParsers(): RawHtmlParsers {
  if (!parsers) throw new InternalError('a body holds raw HTML, but its parsers were not loaded (prepareToCompile)');
  return parsers;
}
