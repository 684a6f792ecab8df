// Characters XML 1.0 can not hold at all, even escaped (XML 1.0 §2.2): C0 controls but tab, LF
// and CR, lone surrogates, U+FFFE and U+FFFF.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text that an XML document can hold: characters XML forbids are dropped. */
export function toXmlText(text: string): string {
  return text.replace(forbidden, '');
}


/**
 * HTML for a CDATA section: `]]>` would end the section, and the feed package splits only its
 * first occurrence, so every one becomes `]]&gt;`, which HTML reads the same in text and in
 * attribute values.
 */
export function toXmlHtml(html: string): string {
  return toXmlText(html).replaceAll(']]>', ']]&gt;');
}

/**
 * Plain text for a CDATA section (RSS titles), every character kept (SPEC §7): each `]]>` must
 * end one section and start the next (`]]]]><![CDATA[>`). The feed package's XML writer
 * (xml-js, `writeCdata` in lib/js2xml.js) splits the first one itself, with a `replace` of a
 * string, so only the ones after it are split here.
 */
export function toXmlPlainText(text: string): string {
  const xmlText = toXmlText(text);
  const first = xmlText.indexOf(']]>');
  if (first === -1) return xmlText;
  const rest = first + ']]>'.length;
  return xmlText.slice(0, rest) + xmlText.slice(rest).replaceAll(']]>', ']]]]><![CDATA[>');
}
