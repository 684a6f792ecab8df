import { isActiveUrl } from '../model/active-content.js';

// What may run script, cheap to look for: a page without it is not read tag by tag. An address
// is an attribute's value, where a browser drops tabs and line breaks (`java<tab>script:`) and
// reads character references (`&#106;avascript:`), only those to a letter, a colon, a tab or a
// line break spelling one out: `script:` or `data:` in prose ("a short script: …", common in a
// webzine about computers) and the page's own escapes (`&#39;`, `&#x3C;`) are not worth reading
// a page for.
const maybeScript = /<script|[\s/"'`]on[a-z]+\s*=|=\s*["']?[^"'<>]{0,64}?(s\s*c\s*r\s*i\s*p\s*t\s*(:|&colon;)|data:)|&#(x0*(4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]|3a|9|a)|0*(6[5-9]|[7-9]\d|1[01]\d|12[0-2]|58|9|10))(?![0-9a-f])|srcdoc|http-equiv|<(iframe|object|embed|base)/i;
// Elements whose text is not markup: what a title or data holds is not taken for tags.
const rawText = /<(script|style|textarea|title|xmp|noscript)\b(?:"[^"]*"|'[^']*'|[^'">])*>[\s\S]*?<\/\1\s*>/gi;
// A start tag: its name, then its attributes up to the `>` that is not inside a quoted value.
const startTag = /<([a-zA-Z][^\s/>]*)((?:"[^"]*"|'[^']*'|[^'">])*)>/g;
// An attribute, whatever separates it from the one before (a space, a `/`, nothing after a quote).
const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// Attributes whose value is an address, or which SVG animation writes into one.
const addressAttributes = new Set(['href', 'src', 'action', 'formaction', 'data', 'to', 'from', 'values', 'by', 'xlink:href', 'poster', 'background', 'ping', 'cite']);

/** An attribute's value as a browser reads it: character references decoded. */
function decoded(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n');
}

/**
 * What in a web page would run script, if anything (SPEC §3: no JavaScript in built pages): a
 * `<script>` (but for data, `application/ld+json`), an event handler attribute, a `javascript:`
 * or other active address (also written with character references, or written by an SVG
 * animation), a frame's `srcdoc`, a refresh to such an address. Read tag by tag, so text that
 * only speaks of them (`&lt;script&gt;`, a title holding `<b onclick>` in JSON-LD) is none.
 */
export function scriptIn(html: string): string | undefined {
  if (!maybeScript.test(html)) return undefined;
  for (const script of html.matchAll(/<script\b((?:"[^"]*"|'[^']*'|[^'">])*)>/gi)) {
    const type = [...(script[1] ?? '').matchAll(attribute)].find(([, name]) => name?.toLowerCase() === 'type');
    if (!/^application\/(ld\+)?json$/i.test((type?.[2] ?? type?.[3] ?? type?.[4] ?? '').trim())) return 'a <script> element';
  }
  for (const tag of html.replace(rawText, (element) => element.replace(/>[\s\S]*</, '><')).matchAll(startTag)) {
    const element = tag[1]!.toLowerCase();
    for (const [, name = '', ...values] of (tag[2] ?? '').matchAll(attribute)) {
      const value = decoded(values.find((v) => v !== undefined) ?? '');
      const key = name.toLowerCase();
      if (/^on[a-z]+$/.test(key)) return `an event handler (${key}) on <${element}>`;
      if (key === 'srcdoc') return `a document written in a frame's srcdoc on <${element}>`;
      if (addressAttributes.has(key) && isActiveUrl(value)) return `an address that runs script (${key}) on <${element}>`;
      if (key === 'style' && /(javascript|vbscript):|expression\(/i.test(value.replace(/[\u0000-\u0020]/g, ''))) return `an address that runs script (style) on <${element}>`;
      // A refresh to an address: `<meta http-equiv="refresh" content="0;url=javascript:…">`.
      const refresh = key === 'content' && element === 'meta' ? /url\s*=\s*['"]?(.*)$/i.exec(value)?.[1] : undefined;
      if (refresh !== undefined && isActiveUrl(refresh)) return 'a refresh to an address that runs script on <meta>';
    }
  }
  return undefined;
}
