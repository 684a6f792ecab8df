import { SaxesParser } from 'saxes';

/** The well-formedness errors of an XML document, as a strict XML 1.0 parser reports them. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}

/** An element of an XML document: its name with its namespace (`{uri}local`), attributes, child elements and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** An XML document's root element, read by a strict XML 1.0 parser with namespaces (throws on its first error). */
export function readXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.uri ? `{${attribute.uri}}${attribute.local}` : attribute.local, attribute.value]));
    const element: XmlElement = { name: `{${tag.uri ?? ''}}${tag.local ?? tag.name}`, attributes, children: [], text: '' };
    open.at(-1)?.children.push(element);
    root ??= element;
    open.push(element);
  });
  parser.on('text', (text) => {
    const current = open.at(-1);
    if (current) current.text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

const sitemapsNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const xhtmlNamespace = 'http://www.w3.org/1999/xhtml';

/** One `<url>` of a sitemap: its `loc`, its `lastmod` (`''` without), its `xhtml:link` alternates as `lang url`. */
export interface SitemapUrl {
  loc: string;
  lastmod: string;
  alternates: string[];
}

/** The `<url>` entries of a sitemap (a `urlset`), in their order. */
export function readSitemap(xml: string): SitemapUrl[] {
  const root = readXml(xml);
  if (root.name !== `{${sitemapsNamespace}}urlset`) throw new Error(`a sitemap's root is a urlset, not ${root.name}`);
  return root.children.map((url) => ({
    loc: childText(url, `{${sitemapsNamespace}}loc`),
    lastmod: childText(url, `{${sitemapsNamespace}}lastmod`),
    alternates: url.children.filter((child) => child.name === `{${xhtmlNamespace}}link`).map((link) => `${link.attributes['hreflang']} ${link.attributes['href']}`),
  }));
}

/** The `<sitemap>` entries of a sitemap index, as `loc lastmod` (`loc` alone without one). */
export function readSitemapIndex(xml: string): string[] {
  const root = readXml(xml);
  if (root.name !== `{${sitemapsNamespace}}sitemapindex`) throw new Error(`a sitemap index's root is a sitemapindex, not ${root.name}`);
  return root.children.map((entry) => [childText(entry, `{${sitemapsNamespace}}loc`), childText(entry, `{${sitemapsNamespace}}lastmod`)].filter(Boolean).join(' '));
}

function childText(element: XmlElement, name: string): string {
  return element.children.find((child) => child.name === name)?.text ?? '';
}
