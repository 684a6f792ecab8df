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
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())?.[1]?.toLowerCase();
  return scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data';
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
