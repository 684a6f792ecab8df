import type { Liquid } from 'liquidjs';
import { InternalError } from '../diagnostics/diagnostic.js';
import { textDirection } from '../render/html/text-direction.js';

// What a filter reads of LiquidJS's `this` (its `FilterImpl`, which the package does not export).
interface FilterImpl {
  context: { getSync(paths: string[]): unknown };
}

/**
 * Gives the HTML templates' engine its filters of its own: `text_dir` (a language's direction,
 * `rtl` or `ltr`), `absolute_url` and `script_json` (see below); and LiquidJS's `escape`,
 * `escape_once` and `xml_escape` marked raw, so that a value escaped by them is not escaped again.
 */
export function registerHtmlFilters(html: Liquid, baseUrl: string | undefined): void {
  html.registerFilter('text_dir', (value: unknown) => textDirection(String(value ?? '')));
  html.registerFilter('absolute_url', function (this: FilterImpl, value: unknown) {
    return absoluteUrl(value, this.context.getSync(['page', 'url']), this.context.getSync(['page', 'root']), baseUrl);
  });
  // Safe inside a script element and in an attribute whatever the value holds, and so printed as it is.
  html.registerFilter('script_json', { handler: scriptJson, raw: true });
  // Jekyll and Shopify themes write `{{ page.title | escape }}`: a value whose last filter is `raw`
  // is not escaped again (LiquidJS's outputEscape), so `Q&A` does not reach readers as `Q&amp;A`.
  for (const name of ['escape', 'escape_once', 'xml_escape']) {
    const handler = html.filters[name];
    if (typeof handler !== 'function') throw new InternalError(`LiquidJS has no "${name}" filter to mark raw`);
    html.registerFilter(name, { handler, raw: true });
  }
}

/**
 * `value` made an absolute address, for what needs one (`og:image`): an address relative to the
 * page, as the context gives them, from the page's own address (`page.url`: a fallback page's
 * canonical address is the original's, in another folder); one that starts with `/`,
 * as Jekyll's `absolute_url` reads it, from the site's (`baseUrl`, its path included). Unchanged
 * where it is no address.
 *
 * The 404 page has no address (it is served at every missing one), and its context's
 * addresses start from `baseUrl`'s path (`page.root` is `/sub/`): one that starts with that path
 * is already the site's, and takes `baseUrl`'s origin alone; another that starts with `/` is read
 * from `baseUrl` as on every page; a relative one, which names no place there, is unchanged.
 */
export function absoluteUrl(value: unknown, address: unknown, root: unknown, baseUrl?: string): string {
  const url = String(value ?? '');
  if (typeof address !== 'string' || address === '') return withoutPage(url, root, baseUrl);
  try {
    if (!url.startsWith('/') || url.startsWith('//')) return new URL(url, address).href;
    return new URL(url.slice(1), new URL(typeof root === 'string' ? root : '', address)).href;
  } catch {
    return url;
  }
}

/** `url` made absolute on a page without an address (the 404 page; see {@link absoluteUrl}). */
function withoutPage(url: string, root: unknown, baseUrl: string | undefined): string {
  if (baseUrl === undefined || !url.startsWith('/') || url.startsWith('//')) return url;
  try {
    if (typeof root === 'string' && root.startsWith('/') && url.startsWith(root)) return new URL(url, baseUrl).href;
    return new URL(url.slice(1), baseUrl).href;
  } catch {
    return url;
  }
}

/**
 * `value` as JSON (compact) that means the same inside a `<script type="application/ld+json">`
 * and in an attribute, however it is quoted: a browser ends a script at `</script`, and an
 * attribute at its quote, and starts another attribute after a space. So inside its texts every
 * character that could end or start either (`<`, `>`, `&`, quotes, `=`, `/`, a backquote, a
 * space, and the line separators old script parsers ended a string at) is written as a `\u`
 * escape, which JSON reads as the same character; what is left outside texts is JSON's own
 * punctuation. A contributor's title `</script><script>…` or `' style='…` stays data.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value ?? null) ?? 'null';
  // An escape (`\"`, `\\`) is read whole, so the quote that ends a text after `\\` stays JSON's.
  return json.replace(/\\.|[<>&'=/` \u2028\u2029]/g, (found) => (found === '\\"' ? '\\u0022' : found.length === 2 ? found : `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
