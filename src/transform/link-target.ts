/**
 * Where a link or image of a Markdown body leads, decided once and rendered by every output.
 * `edition` is the prefix of another edition (`fr/`) that a root-relative link named; without it
 * a link leads into the edition of the page it is on.
 */
export type LinkTarget =
  /**
   * Another document (or the same one) by its key, the original's path, maybe at one of its
   * anchors, with the `?query` the link gave it (`?x=1`, encoded as in a URL).
   */
  | { kind: 'document'; path: string; anchor?: string; query?: string; edition?: string }
  /** A copied file, by its output path: `issues/3/cover.svg`, with the `?query#fragment` the link gave it (`#page=3`). */
  | { kind: 'asset'; output: string; suffix?: string }
  /** A generated page that no document stands for: `''` (home), `authors/`, `atom.xml`. */
  | { kind: 'route'; route: string; anchor?: string; query?: string; edition?: string }
  /** A URL that could run code; the link keeps its text only. */
  | { kind: 'removed' };

/** Whether a URL could run code (`javascript:` and the like): such a link keeps its text only, such an image is dropped. */
export function isUnsafeUrl(url: string): boolean {
  const scheme = schemeOf(url.trim());
  return scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data';
}

/**
 * The schemes a link on the web page may have (SPEC §7): addresses a reader's browser hands to
 * the program that opens them (a web, Gemini, Gopher or FTP client, a mail, chat, phone or map
 * application, a terminal, a news reader, a torrent client), none of which runs in the page.
 * hast-util-sanitize's default list (`http`, `https`, `irc`, `ircs`, `mailto`, `xmpp`) took out
 * any other silently, while the capsule kept it.
 */
export const linkSchemes: readonly string[] = ['http', 'https', 'mailto', 'tel', 'sms', 'geo', 'gemini', 'gopher', 'ftp', 'ftps', 'sftp', 'ssh', 'irc', 'ircs', 'xmpp', 'news', 'nntp', 'magnet'];

/** The schemes an image on the web page may be loaded from: the web's own. */
export const imageSchemes: readonly string[] = ['http', 'https'];

/** `url` with its scheme in lowercase (`HTTPS://x` is `https://x`), as a browser reads it. */
export function withLowerScheme(url: string): string {
  const scheme = schemeOf(url);
  return scheme === undefined ? url : scheme + url.slice(scheme.length);
}

/**
 * The scheme `url` starts with, lowercased: a letter, then letters, digits, `+`, `-` or `.`, and a
 * colon (RFC 3986 §3.1); `undefined` for a relative URL (`a/b:c`, `a_b:c`, `//host/`), which a
 * browser reads as a path, and which is checked as a link to a file.
 */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]!.toLowerCase();
}

/**
 * The scheme of `url` when the web page leaves out a link (`type: 'link'`) or an image with it,
 * one that neither {@link isUnsafeUrl} nor {@link linkSchemes} (or {@link imageSchemes}) names:
 * the link keeps its text only, the image its alt text, on the web page and in the capsule alike.
 */
export function removedScheme(url: string, type: 'link' | 'image'): string | undefined {
  const scheme = schemeOf(url.trim());
  if (scheme === undefined || isUnsafeUrl(url)) return undefined;
  return (type === 'image' ? imageSchemes : linkSchemes).includes(scheme) ? undefined : scheme;
}

/** `text` with its `%xx` escapes decoded, or as it is where they are not valid. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A link split into the path it names (decoded, without `?query#fragment`), its anchor (the decoded `#fragment`), and its `?query#fragment` as written. */
export function splitLink(url: string): { path: string; anchor: string | undefined; rest: string } {
  const end = url.search(/[?#]/);
  const hash = url.indexOf('#');
  return { path: safeDecode(end < 0 ? url : url.slice(0, end)), anchor: hash < 0 ? undefined : safeDecode(url.slice(hash + 1)), rest: end < 0 ? '' : url.slice(end) };
}

/** The `?query` of a link's `?query#fragment` as {@link urlSuffix} writes it, or `undefined` when it has none. */
export function queryOf(rest: string): string | undefined {
  const query = rest.startsWith('?') ? rest.replace(/#.*$/s, '') : '';
  return query === '' ? undefined : urlSuffix(query);
}

/** A link's `?query#fragment` as written, with what may not stand in a URL percent-encoded (`%xx` escapes kept). */
export function urlSuffix(rest: string): string {
  return rest.replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]/gu, (character) => encodeURIComponent(character));
}

/**
 * A root-relative URL of the site (`/files/a%20b.txt?v=2#top`, not `//host/`) split as
 * {@link splitLink} does, its path without its leading slash (`files/a b.txt`); `undefined` for
 * any other URL.
 */
export function splitSitePath(url: string): ReturnType<typeof splitLink> | undefined {
  if (!url.startsWith('/') || url.startsWith('//')) return undefined;
  const link = splitLink(url);
  return { ...link, path: link.path.slice(1) };
}
