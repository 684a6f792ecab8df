import type { FS, Liquid } from 'liquidjs';
import type { ThemeFiles } from '../load/load-theme.js';
import { toTextLine } from '../render/gemtext/lines.js';
import { registerDateFilters } from './date-filters.js';
import { registerHtmlFilters } from './html-filters.js';
import { liquid } from './template-errors.js';

/** The two LiquidJS engines of a theme: one for web pages, which escapes output, one for gemtext. */
export interface Engines {
  html: Liquid;
  gemtext: Liquid;
}

// Bounds of one page's render: time in milliseconds, and LiquidJS's count of what filters allocate.
const renderLimitMs = 10_000;
const memoryLimit = 64 * 1024 * 1024;

/**
 * Makes the engines that read a theme's templates from its files. HTML templates escape every
 * output but one whose last filter escaped it already, and have the `text_dir` filter; gemtext
 * templates do not escape, and have `text_line`. Both have the date filters, whose `"now"` is `now()`.
 * `baseUrl` is the site's address, from which `absolute_url` makes the 404 page's (default: none,
 * which leaves them as they are).
 */
export function createEngines(files: ThemeFiles, now: () => number | undefined, baseUrl?: string): Engines {
  const { Liquid } = liquid();
  // A template that loops for ever, or builds ever longer text, stops at a bound no page comes near.
  const options = { root: ['templates'], extname: '.liquid', fs: memoryFs(files), cache: true, strictFilters: true, jsTruthy: true, ownPropertyOnly: true, renderLimit: renderLimitMs, memoryLimit };
  const gemtext = new Liquid(options);
  const html = new Liquid({ ...options, outputEscape: 'escape' });
  for (const engine of [gemtext, html]) registerDateFilters(engine, now);
  gemtext.registerFilter('text_line', (value: unknown) => toTextLine(String(value ?? '')));
  registerHtmlFilters(html, baseUrl);
  return { html, gemtext };
}

function memoryFs(files: ThemeFiles): FS {
  const read = (file: string): string => {
    const found = files.get(file);
    if (!found) throw new Error(`ENOENT: no template ${file}`);
    // A byte order mark (an editor's, on Windows) would be text on the page, before a capsule's heading.
    return found.bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  };
  return {
    exists: async (file) => files.has(file),
    existsSync: (file) => files.has(file),
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, ext) => `${dir}/${file.endsWith(ext) ? file : file + ext}`,
    contains: async () => true,
    containsSync: () => true,
    dirname: (file) => file.slice(0, file.lastIndexOf('/')),
    sep: '/',
  };
}
