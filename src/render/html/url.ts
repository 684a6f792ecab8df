/**
 * Where links of a page are written from. Pages link relatively (`../2/`), so the site works
 * under any base path and when opened from disk; the 404 page, served at any depth, links from
 * the site's base path (`/zine/…`).
 */
export type UrlBase = { from: string } | { absolute: string };

/** The URL of `target` (a route like `issues/2/` or a file like `issues/2/cover.svg`) from `base`. */
export function linkTo(base: UrlBase, target: string): string {
  if ('absolute' in base) return base.absolute + encodePath(target);
  return relativePath(base.from, target);
}

/** The relative URL from the page folder `from` to `target`; `./` for the same folder. */
export function relativePath(from: string, target: string): string {
  // Pages of a site link to the same few hundred places again and again.
  const key = `${from}\0${target}`;
  let url = relativePaths.get(key);
  if (url === undefined) {
    url = computeRelativePath(from, target);
    if (relativePaths.size > 100_000) relativePaths.clear();
    relativePaths.set(key, url);
  }
  return url;
}

const relativePaths = new Map<string, string>();

function computeRelativePath(from: string, target: string): string {
  const fromParts = from.split('/').filter(Boolean);
  const targetParts = target.split('/');
  const targetFile = targetParts.pop() ?? '';
  let common = 0;
  while (common < fromParts.length && common < targetParts.length && fromParts[common] === targetParts[common]) common++;
  const up = '../'.repeat(fromParts.length - common);
  const down = targetParts.slice(common).map((part) => part + '/').join('');
  const url = up + encodePath(down + targetFile);
  return url === '' ? './' : url;
}

function encodePath(text: string): string {
  // Most paths need no encoding at all; checking costs far less than splitting and joining.
  if (/^[A-Za-z0-9\-_.!~*'()/]*$/.test(text)) return text;
  return text
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}

/** The absolute URL of `target` on the published site (`baseUrl` ends with a slash). */
export function absoluteUrl(baseUrl: string, target: string): string {
  return new URL(encodePath(target), baseUrl).href;
}
