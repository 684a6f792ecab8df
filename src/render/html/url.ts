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
  // Every page links to dozens of places: one pass over the characters, no arrays.
  const folder = isFolderRoute(from) ? from : normalizedFolder(from);
  let shared = 0;
  for (let index = 0; index < folder.length && index < target.length && folder.charCodeAt(index) === target.charCodeAt(index); index++) {
    if (folder.charCodeAt(index) === slash) shared = index + 1;
  }
  let up = '';
  for (let index = shared; index < folder.length; index++) if (folder.charCodeAt(index) === slash) up += '../';
  const url = up + encodePath(target.slice(shared));
  return url === '' ? './' : url;
}

const slash = 47;

/** Whether `route` is `''` or names a folder as routes do: `issues/3/`. */
function isFolderRoute(route: string): boolean {
  return route === '' || (route.endsWith('/') && !route.startsWith('/') && !route.includes('//'));
}

/** `/issues//3` read as the folder `issues/3/`. */
function normalizedFolder(route: string): string {
  const parts = route.split('/').filter(Boolean);
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
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
