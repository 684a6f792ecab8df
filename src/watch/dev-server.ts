import { readFile } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import { eventsPath, injectScript, liveReloadScript, statePath } from './client-script.js';
import { contentTypeOf } from './content-types.js';
import { toGeminiPreview } from './gemini-preview.js';
import type { LiveReload } from './live-reload.js';
import type { EditionPlace } from '../model/types.js';
import { resolveRequest, type Resolution } from './resolve-request.js';
import { toWaitingPage, type BuildProgress } from './waiting-page.js';

/** Options of {@link createDevHandler}. */
export interface DevHandlerOptions {
  /** The preview folder, which holds web/ and gemini/. */
  outDir: string;
  /**
   * The host names requests may name in their Host header (default: any). On loopback only local
   * names are let in, so a page on another site can not read the preview by DNS rebinding.
   */
  allowedHosts?: ReadonlySet<string>;
  liveReload: LiveReload;
  /**
   * The webzine's editions as the last good build made them, the original first, by which the
   * capsule preview finds the edition of a path (default: none, as before a first good build).
   */
  editions?: () => readonly EditionPlace[];
  /**
   * The first build while it runs, with how far it got, or `undefined` once it has ended, well or
   * not (default: ended). Till then a page is answered with a page that waits for it.
   */
  firstBuild?: () => { progress?: BuildProgress } | undefined;
  /** Told of a request that failed for a reason of mimeo's own. */
  onError: (error: unknown) => void;
}

/** Where the capsule preview lives in the dev server's URL space. */
export const capsulePrefix = '/_gemini/';

/**
 * Makes the dev server's request handler: the web tree at `/`, the capsule at `/_gemini/` (each
 * `.gmi` shown as a Gemini client would, `?raw` for the file itself), and the live-reload stream.
 * It serves only files of the preview folder, adds the live-reload script to HTML responses,
 * answers a missing page with the site's 404 page and never lists a folder (SPEC §4, §7); until
 * the first build ends, it answers a page with one that waits for that build.
 */
export function createDevHandler(options: DevHandlerOptions): RequestListener {
  return (request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      options.onError(error);
      if (!response.headersSent) send(response, request, 500, 'text/plain; charset=utf-8', 'mimeo dev: internal error, see the terminal\n');
      else response.end();
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: DevHandlerOptions): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, request, 405, 'text/plain; charset=utf-8', '405 method not allowed\n');
  }
  if (options.allowedHosts && !options.allowedHosts.has(hostName(request.headers.host))) {
    return send(response, request, 421, 'text/plain; charset=utf-8', '421 misdirected request: this preview answers only to its own address\n');
  }
  const target = request.url ?? '';
  // Only origin-form targets (RFC 9112 §3.2.1): a proxy's absolute form has nothing to do here.
  if (!target.startsWith('/')) return send(response, request, 400, 'text/plain; charset=utf-8', '400 bad request\n');
  const [urlPath = '/', query = ''] = target.split('?', 2);
  if (urlPath === eventsPath) return options.liveReload.connect(request, response);
  if (urlPath === statePath) return options.liveReload.state(request, response);
  if (urlPath.startsWith('/_mimeo/')) return send(response, request, 404, 'text/plain; charset=utf-8', '404 not found\n');
  if (urlPath === capsulePrefix.slice(0, -1)) return redirect(response, request, capsulePrefix);
  const waiting = options.firstBuild?.();
  if (waiting && isPage(urlPath, query)) return sendWaiting(response, request, urlPath, waiting.progress, options);
  if (urlPath.startsWith(capsulePrefix)) return serveCapsule(request, response, options, urlPath.slice(capsulePrefix.length - 1), query);
  const resolution = await resolveRequest(path.join(options.outDir, 'web'), urlPath, 'index.html');
  if (resolution.kind === 'file') {
    const bytes = await readFile(resolution.absolute);
    const type = contentTypeOf(resolution.relative);
    return type.startsWith('text/html') ? send(response, request, 200, type, withScript(bytes.toString('utf8'), `web/${resolution.relative}`, options)) : sendFile(response, request, type, bytes);
  }
  if (resolution.kind === 'missing') {
    const notFound = await readFile(path.join(options.outDir, 'web', '404.html'), 'utf8').catch(() => '<!doctype html><title>Not found</title><p>404 not found</p>');
    return send(response, request, 404, 'text/html; charset=utf-8', withScript(notFound, `web/${resolution.relative}`, options));
  }
  return refuse(response, request, resolution, '/');
}

// How often a waiting page reloads itself when its script can not: the build's progress moves meanwhile.
const waitSeconds = 3;

/**
 * Whether an address is one of a page (a folder, an `.html` file, a capsule's `.gmi` shown as a
 * page, or a name without an extension, as an alias may be), not of a file a page uses.
 */
function isPage(urlPath: string, query: string): boolean {
  const name = urlPath.slice(urlPath.lastIndexOf('/') + 1);
  if (urlPath.startsWith(capsulePrefix) && name.endsWith('.gmi')) return query !== 'raw';
  return name === '' || !name.includes('.') || /\.html?$/i.test(name);
}

/**
 * Answers a page asked for before the first build is done: 503 (RFC 9110 §15.6.4), as the
 * preview can not answer yet and will shortly, which a browser shows as any page, and which no
 * crawler or cache takes for the page itself. The page reloads itself to the one asked for.
 */
function sendWaiting(response: ServerResponse, request: IncomingMessage, urlPath: string, progress: BuildProgress | undefined, options: DevHandlerOptions): void {
  const page = toWaitingPage({ asked: urlPath, refreshSeconds: waitSeconds, ...(progress ? { progress } : {}) });
  const own = urlPath.startsWith(capsulePrefix) ? `gemini/${urlPath.slice(capsulePrefix.length)}` : `web/${urlPath.slice(1)}`;
  const script = liveReloadScript(own, options.liveReload.build(), { waiting: true });
  send(response, request, 503, 'text/html; charset=utf-8', injectScript(page, script), { 'Retry-After': String(waitSeconds) });
}

/** The host name of a Host header, lower case, without its port: `[::1]:4000` → `[::1]`. */
function hostName(header: string | undefined): string {
  const host = (header ?? '').toLowerCase();
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
}

async function serveCapsule(request: IncomingMessage, response: ServerResponse, options: DevHandlerOptions, urlPath: string, query: string): Promise<void> {
  const folder = path.join(options.outDir, 'gemini');
  const resolution = await resolveRequest(folder, urlPath, 'index.gmi');
  if (resolution.kind === 'missing') {
    const exists = (file: string) => readFile(file).then(() => true, () => false);
    const hasCapsule = await exists(path.join(folder, 'index.gmi'));
    // Before a first good build there is no website either: the capsule may be missing for that alone.
    const built = hasCapsule || (await exists(path.join(options.outDir, 'web', 'index.html')));
    // A link from the capsule's root, which the preview puts under its prefix, to the index of the
    // edition the path is in; the page is mimeo's, not a capsule file, so it has no raw text.
    const edition = editionOf(resolution.relative, options.editions?.() ?? []);
    const text = hasCapsule
      ? `# Not found\n\nThe capsule has no file ${resolution.relative}.\n\n=> /${edition.prefix} The capsule's index\n`
      : built
        ? '# No capsule\n\nThis webzine has no capsule: set geminiUrl in content/site.yml to build one.\n'
        : '# Not built yet\n\nThe webzine has not built yet: mimeo dev shows why in its terminal.\n';
    const page = toGeminiPreview(text, { file: resolution.relative, capsuleRoot: capsulePrefix });
    return send(response, request, 404, 'text/html; charset=utf-8', withScript(page, `gemini/${resolution.relative}`, options));
  }
  if (resolution.kind !== 'file') return refuse(response, request, resolution, capsulePrefix);
  const bytes = await readFile(resolution.absolute);
  if (!resolution.relative.endsWith('.gmi') || query === 'raw') return sendFile(response, request, contentTypeOf(resolution.relative), bytes);
  const rawUrl = `${capsulePrefix}${resolution.relative.split('/').map(encodeURIComponent).join('/')}?raw`;
  const { language } = editionOf(resolution.relative, options.editions?.() ?? []);
  const page = toGeminiPreview(bytes.toString('utf8'), { file: resolution.relative, rawUrl, language, capsuleRoot: capsulePrefix });
  return send(response, request, 200, 'text/html; charset=utf-8', withScript(page, `gemini/${resolution.relative}`, options));
}

/**
 * The edition a capsule path is in: the one with the longest prefix it starts with (`fr/` for
 * `fr/issues/1/first.gmi`), or the original, English unless a build said otherwise.
 */
function editionOf(relative: string, editions: readonly EditionPlace[]): EditionPlace {
  const longestFirst = [...editions].sort((one, other) => other.prefix.length - one.prefix.length);
  return longestFirst.find((edition) => relative.startsWith(edition.prefix)) ?? { language: 'en', prefix: '' };
}

function withScript(html: string, own: string, options: DevHandlerOptions): string {
  return injectScript(html, liveReloadScript(own, options.liveReload.build()));
}

function refuse(response: ServerResponse, request: IncomingMessage, resolution: Exclude<Resolution, { kind: 'file' | 'missing' }>, prefix: string): void {
  if (resolution.kind === 'redirect') return redirect(response, request, `${prefix}${resolution.relative.split('/').map(encodeURIComponent).join('/')}/`);
  if (resolution.kind === 'bad') return send(response, request, 400, 'text/plain; charset=utf-8', '400 bad request\n');
  return send(response, request, 403, 'text/plain; charset=utf-8', '403 forbidden: the dev server serves only the files of its preview folder\n');
}

function redirect(response: ServerResponse, request: IncomingMessage, location: string): void {
  response.setHeader('Location', location);
  send(response, request, 301, 'text/plain; charset=utf-8', `moved to ${location}\n`);
}

function send(response: ServerResponse, request: IncomingMessage, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // A preview changes with every save: nothing is cached, and nothing is sniffed into another type.
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
  response.end(request.method === 'HEAD' ? undefined : bytes);
}

/**
 * Sends a file as it is, or the one range of its bytes a `Range` header asks for (RFC 9110
 * §14): a browser plays and seeks a `<video>` or `<audio>` by ranges, and Safari plays none
 * from a server that answers them with the whole file. Several ranges at once get the whole.
 */
function sendFile(response: ServerResponse, request: IncomingMessage, type: string, bytes: Buffer): void {
  // A range is defined for GET alone (§14.2); and If-Range names a version the preview never gave,
  // as it sends no validator, so the whole file is sent (§13.1.5).
  const asked = request.method === 'GET' && request.headers['if-range'] === undefined ? request.headers.range : undefined;
  const range = /^bytes=(\d*)-(\d*)$/.exec((asked ?? '').trim());
  if (!range || (range[1] === '' && range[2] === '')) return send(response, request, 200, type, bytes, { 'Accept-Ranges': 'bytes' });
  const size = bytes.length;
  // `bytes=-500` is the last 500 bytes; `bytes=500-` all from the 500th.
  const start = range[1] === '' ? Math.max(0, size - Number(range[2])) : Number(range[1]);
  const end = range[1] === '' || range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
  if (start >= size || start > end) return send(response, request, 416, 'text/plain; charset=utf-8', '416 range not satisfiable\n', { 'Content-Range': `bytes */${size}` });
  send(response, request, 206, type, bytes.subarray(start, end + 1), { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${size}` });
}
