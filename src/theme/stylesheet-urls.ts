import path from 'node:path';
import type { Report } from '../diagnostics/diagnostic.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { reportRule } from '../diagnostics/rules.js';
import { builtInThemeFolder, type ThemeFiles } from '../load/load-theme.js';
import { placeOf } from '../util/text-place.js';
import { safeDecode, schemeOf } from '../transform/link-target.js';

// `url(…)` as CSS writes it, quoted or not (CSS Values §4.5.1); `@import "…"` is left to the browser.
const urlToken = /\burl\(\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^"'()\s]*))\s*\)/gi;

/**
 * Reports each relative `url(…)` of the webzine's theme's stylesheets (`assets/**.css`) that names
 * no file published beside it (`asset/missing`), at its place in the CSS, with the name likely
 * meant: a font or image misnamed would leave the published stylesheet pointing at nothing. An
 * address with a scheme (`https:`, `data:`), one from the site's root or another host (`/`, `//`)
 * and a fragment alone (`#clip`, an SVG filter) are not checked. `published` lists the webzine's
 * copied files, which are published at the web root beside the theme's `assets/` (and replace a
 * stylesheet there of the same path, then not checked), by their path there.
 */
export function checkStylesheetUrls(files: ThemeFiles, stylesheet: string, published: Iterable<string>, report: Report): void {
  const outputs = new Set(published);
  const sheets: Array<[relative: string, output: string]> = [];
  for (const [relative, file] of files) {
    if (!relative.startsWith('assets/')) continue;
    const output = relative === 'assets/style.css' ? stylesheet : relative.slice('assets/'.length);
    // One that a copied file of the webzine replaces (content/static/extra.css) is not published.
    if (relative.endsWith('.css') && !outputs.has(output) && !file.absolutePath.startsWith(builtInThemeFolder)) sheets.push([relative, output]);
    outputs.add(output);
  }
  for (const [relative, output] of sheets) {
    const file = files.get(relative)!;
    const css = withoutComments(file.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    const folder = path.posix.dirname(output) === '.' ? '' : `${path.posix.dirname(output)}/`;
    for (const match of css.matchAll(urlToken)) {
      const url = (match[1] ?? match[2] ?? match[3] ?? '').trim();
      const target = targetOf(url, folder);
      if (target === undefined || outputs.has(target)) continue;
      const written = url.replace(/[?#].*$/s, '');
      const near = [...outputs].filter((candidate) => candidate !== output).map((candidate) => path.posix.relative(folder || '.', candidate));
      const offset = match.index + match[0].indexOf(url, 4);
      reportRule(report, 'asset/missing', { file: file.displayPath, ...placeOf(css, offset) }, { url: written, suggestion: didYouMean(written, near) });
    }
  }
}

/** The published path `url` names from a stylesheet in `folder`, or `undefined` when it is not one to check (see above). */
function targetOf(url: string, folder: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || schemeOf(url) !== undefined) return undefined;
  // A `%` that starts no escape is a character of the name, as a server reads it. Above the web
  // root (`../fonts/a.woff2` from the root's stylesheet) is never published: kept, to be told.
  return path.posix.normalize(`${folder}${safeDecode(url.replace(/[?#].*$/s, ''))}`);
}

/** `css` with its comments blanked, keeping every line and column: `/* url(old.png) *\/` names nothing. */
function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
}
