import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDev, type DevServer } from '../../src/watch/start-dev.js';
import type { Printer } from '../../src/watch/dev-reporter.js';
import { createDevHandler } from '../../src/watch/dev-server.js';
import { createLiveReload } from '../../src/watch/live-reload.js';
import { startHeldDev } from '../support/held-dev.js';
import { get, openEvents } from '../support/http.js';
import { fixtures, makeWebzine, removeTemporaryFolders } from '../support/webzine.js';

const silent: Printer = { out: () => {}, err: () => {} };
const servers: DevServer[] = [];

/** A dev server on a free loopback port for a fresh copy of the base webzine, with a capsule. */
async function serve(prepare: (root: string) => Promise<unknown> = async () => {}, print = silent): Promise<{ root: string; dev: DevServer }> {
  const root = await makeWebzine();
  const siteFile = path.join(root, 'content/site.yml');
  await writeFile(siteFile, `${await readFile(siteFile, 'utf8')}geminiUrl: gemini://zine.example/\n`);
  await prepare(root);
  const dev = await startDev({ root, port: 0 }, print);
  servers.push(dev);
  return { root, dev };
}

afterAll(async () => {
  await Promise.all(servers.splice(0).map((dev) => dev.close()));
  await removeTemporaryFolders();
});

describe('the dev server', () => {
  let shared: { root: string; dev: DevServer };
  beforeAll(async () => {
    shared = await serve();
  });

  it('listens on loopback by default, and writes its preview under the temporary folder, not dist/', async () => {
    expect(shared.dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(shared.dev.outDir.startsWith(path.join((await import('node:os')).tmpdir(), 'mimeo-dev-'))).toBe(true);
  });

  it('says at which addresses other machines reach a preview listening on all interfaces, and answers there', async () => {
    const said: string[] = [];
    const dev = await startDev({ root: shared.root, port: 0, host: '0.0.0.0' }, { out: () => {}, err: (text) => said.push(text) });
    servers.push(dev);
    const note = said.find((line) => line.includes('listening on 0.0.0.0')) ?? '';
    const addresses = [...note.matchAll(/http:\/\/([\d.]+):(\d+)\//g)];
    const { networkInterfaces } = await import('node:os');
    const external = Object.values(networkInterfaces()).flatMap((entries) => entries ?? []).filter((entry) => !entry.internal && entry.family === 'IPv4');
    expect(addresses.map((match) => match[1]).sort()).toEqual(external.map((entry) => entry.address).sort());
    // Reached at an address it gave, with the Host a browser there sends.
    for (const [url] of addresses) expect((await get(url, '/')).status).toBe(200);
  });

  it('serves captions and the audio and video files browsers play with their own types, which a <track> or Safari needs', async () => {
    const { dev } = await serve(async (root) => {
      const folder = path.join(root, 'content/issues/1');
      for (const name of ['captions.vtt', 'song.m4a', 'song.opus', 'take.wav', 'clip.mov', 'clip.ogv']) await writeFile(path.join(folder, name), 'x');
      await writeFile(path.join(folder, '30-media.md'), '---\ntitle: Media\n---\n[c](captions.vtt) [a](song.m4a) [o](song.opus) [w](take.wav) [m](clip.mov) [v](clip.ogv)\n');
    });
    const typeOf = async (name: string) => (await get(dev.url, `/issues/1/${name}`)).headers['content-type'];
    expect(await Promise.all(['captions.vtt', 'song.m4a', 'song.opus', 'take.wav', 'clip.mov', 'clip.ogv'].map(typeOf))).toEqual(['text/vtt; charset=utf-8', 'audio/mp4', 'audio/ogg', 'audio/wav', 'video/quicktime', 'video/ogg']);
  });

  it('takes the next free port when the one asked for is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const dev = await startDev({ root: shared.root, port }, silent);
      servers.push(dev);
      expect(Number(new URL(dev.url).port)).toBeGreaterThan(port);
    } finally {
      taken.close();
    }
  });

  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/issues/1/first/', 200, 'text/html; charset=utf-8'],
    ['/issues/1/cover.svg', 200, 'image/svg+xml'],
    ['/atom.xml', 200, 'application/atom+xml'],
    ['/rss.xml', 200, 'application/rss+xml'],
    ['/sitemap.xml', 200, 'application/xml'],
    ['/robots.txt', 200, 'text/plain; charset=utf-8'],
    ['/_gemini/issues/1/first.gmi?raw', 200, 'text/gemini; charset=utf-8'],
    ['/_gemini/issues/1/first.gmi', 200, 'text/html; charset=utf-8'],
    ['/_gemini/atom.xml', 200, 'application/atom+xml'],
  ])('serves %s with status %i and type %s', async (url, status, type) => {
    const response = await get(shared.dev.url, url);
    expect([response.status, response.headers['content-type']]).toEqual([status, type]);
  });

  it.each(['/../package.json', '/%2e%2e/package.json', '/issues/%2E%2E/%2e%2e/%2e%2e/etc/passwd', '/..%2fweb%2findex.html', '/_gemini/../web/index.html', '/_gemini/%2e%2e/web/index.html'])(
    'refuses the traversal attempt %s with 403',
    async (url) => {
      expect((await get(shared.dev.url, url)).status).toBe(403);
    },
  );

  it('refuses a file or a folder that a symbolic link leads out to', async () => {
    await writeFile(path.join(shared.dev.outDir, 'secret.txt'), 'not for the web\n');
    await symlink(path.join(shared.dev.outDir, 'secret.txt'), path.join(shared.dev.outDir, 'web/leak.txt'));
    await symlink(shared.root, path.join(shared.dev.outDir, 'web/webzine'));
    expect([(await get(shared.dev.url, '/leak.txt')).status, (await get(shared.dev.url, '/webzine/content/site.yml')).status]).toEqual([403, 403]);
  });

  it('lists no folder: one without an index answers 404, and a folder without its slash is redirected', async () => {
    const listing = await get(shared.dev.url, '/issues/');
    const redirect = await get(shared.dev.url, '/issues/1');
    expect([listing.status, redirect.status, redirect.headers['location']]).toEqual([404, 301, '/issues/1/']);
  });

  it('serves the page of an alias that names an .html or .htm file at that very address, not redirected to a folder', async () => {
    const { dev } = await serve(async (root) => {
      const file = path.join(root, 'content/issues/1/20-second.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('---\n## Details', 'aliases: [/legacy/post.html, /legacy/page.htm]\n---\n## Details'));
    });
    for (const url of ['/legacy/post.html', '/legacy/page.htm']) {
      const answer = await get(dev.url, url);
      expect([answer.status, answer.headers['content-type'], answer.body.match(/http-equiv="refresh" content="[^"]*"/)?.[0]], url).toEqual([200, 'text/html; charset=utf-8', 'http-equiv="refresh" content="0; url=../issues/1/second/"']);
    }
  });

  it('serves the page of an alias with characters beyond ASCII at its percent-encoded address', async () => {
    const { dev } = await serve(async (root) => {
      const file = path.join(root, 'content/issues/1/20-second.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace('---\n## Details', 'aliases: [issues/1/café, /issues/1/x%20y/]\n---\n## Details'));
    });
    for (const url of ['/issues/1/caf%C3%A9/', '/issues/1/x%20y/']) {
      const answer = await get(dev.url, url);
      expect([answer.status, answer.body.match(/http-equiv="refresh" content="[^"]*"/)?.[0]], url).toEqual([200, 'http-equiv="refresh" content="0; url=../second/"']);
    }
  });

  it('answers 404 for a file asked for as a folder, which would be served as a page', async () => {
    await writeFile(path.join(shared.dev.outDir, 'web/notes.txt'), '<script>alert(1)</script>\n');
    const asFile = await get(shared.dev.url, '/notes.txt');
    const asFolder = await get(shared.dev.url, '/notes.txt/');
    expect([asFile.status, asFile.headers['content-type']]).toEqual([200, 'text/plain; charset=utf-8']);
    expect(asFolder.status).toBe(404);
    expect(asFolder.body).not.toContain('alert(1)');
  });

  it('answers only to its own address on loopback, so another site can not read it by DNS rebinding', async () => {
    expect((await get(shared.dev.url, '/', 'GET', { host: 'evil.example' })).status).toBe(421);
    expect((await get(shared.dev.url, '/', 'GET', { host: `localhost:${new URL(shared.dev.url).port}` })).status).toBe(200);
  });

  it('answers a range of a file\'s bytes, as a browser asks to play and seek audio and video', async () => {
    const whole = await readFile(path.join(shared.root, 'content/issues/1/cover.svg'));
    const asked = async (range: string) => {
      const answer = await get(shared.dev.url, '/issues/1/cover.svg', 'GET', { range });
      return [answer.status, answer.headers['content-range'], answer.body];
    };
    expect(await asked('bytes=0-9')).toEqual([206, `bytes 0-9/${whole.length}`, whole.subarray(0, 10).toString('utf8')]);
    expect(await asked('bytes=-5')).toEqual([206, `bytes ${whole.length - 5}-${whole.length - 1}/${whole.length}`, whole.subarray(-5).toString('utf8')]);
    expect(await asked(`bytes=${whole.length - 3}-`)).toEqual([206, `bytes ${whole.length - 3}-${whole.length - 1}/${whole.length}`, whole.subarray(-3).toString('utf8')]);
    expect((await asked(`bytes=${whole.length}-`)).slice(0, 2)).toEqual([416, `bytes */${whole.length}`]);
    // Several ranges at once, or none readable: the whole file, which says it takes ranges.
    const several = await get(shared.dev.url, '/issues/1/cover.svg', 'GET', { range: 'bytes=0-1,4-5' });
    expect([several.status, several.headers['accept-ranges'], several.body]).toEqual([200, 'bytes', whole.toString('utf8')]);
  });

  it('answers HEAD with the whole file, as a range is defined for GET alone (RFC 9110 §14.2)', async () => {
    const whole = await readFile(path.join(shared.root, 'content/issues/1/cover.svg'));
    const head = await get(shared.dev.url, '/issues/1/cover.svg', 'HEAD', { range: 'bytes=0-9' });
    expect([head.status, head.headers['content-length'], head.headers['content-range']]).toEqual([200, String(whole.length), undefined]);
  });

  it('answers a range asked If-Range with the whole file: the preview gives no validator, so none is current (RFC 9110 §13.1.5)', async () => {
    const whole = await readFile(path.join(shared.root, 'content/issues/1/cover.svg'));
    for (const validator of ['"an-etag"', 'Fri, 27 Nov 2026 10:00:00 GMT']) {
      const answer = await get(shared.dev.url, '/issues/1/cover.svg', 'GET', { range: 'bytes=0-9', 'if-range': validator });
      expect([answer.status, answer.headers['content-range'], answer.body], validator).toEqual([200, undefined, whole.toString('utf8')]);
    }
  });

  it('answers only GET and HEAD', async () => {
    const head = await get(shared.dev.url, '/', 'HEAD');
    const post = await get(shared.dev.url, '/', 'POST');
    expect([head.status, head.body, post.status, post.headers['allow']]).toEqual([200, '', 405, 'GET, HEAD']);
  });

  it('answers HEAD of the event stream with its headers alone, and tells a page that opens which build it is', async () => {
    const head = await get(shared.dev.url, '/_mimeo/events', 'HEAD');
    expect([head.status, head.headers['content-type'], head.body]).toEqual([200, 'text/event-stream; charset=utf-8', '']);
    const state = await get(shared.dev.url, '/_mimeo/state');
    const served = await get(shared.dev.url, '/issues/1/first/');
    const { build } = JSON.parse(state.body)[0] as { build: string };
    expect(served.body).toContain(`"served":"${build}"`);
  });

  it('adds the live-reload script to the pages it serves, never to the files it writes', async () => {
    const served = await get(shared.dev.url, '/issues/1/first/');
    const written = await readFile(path.join(shared.dev.outDir, 'web/issues/1/first/index.html'), 'utf8');
    expect([served.body.includes('new EventSource("/_mimeo/events")'), written.includes('<script')]).toEqual([true, false]);
  });

  it('shows a capsule file as a Gemini client would, with a link to the raw text/gemini', async () => {
    const page = (await get(shared.dev.url, '/_gemini/issues/1/first.gmi')).body;
    expect(page).toContain('<h1>The first article</h1>');
    expect(page).toContain('<a href="/_gemini/issues/1/first.gmi?raw">raw text/gemini</a>');
    expect(page).toContain('<p class="link"><a href="second.gmi">');
    expect((await get(shared.dev.url, '/_gemini/issues/1/')).body).toContain('<h1>No. 1: First light</h1>');
  });
});

describe('the capsule preview of a webzine in three languages', () => {
  let shared: { root: string; dev: DevServer };
  beforeAll(async () => {
    shared = await serve(async (root) => {
      await cp(path.join(fixtures, 'translations/arabic-edition'), root, { recursive: true });
      const siteFile = path.join(root, 'content/site.yml');
      await writeFile(siteFile, `${(await readFile(siteFile, 'utf8')).replace('languages: [ar]', 'languages: [ar, fr]')}geminiUrl: gemini://zine.example/\n`);
    });
  });

  it.each([
    ['/_gemini/nonexist.gmi', '/_gemini/'],
    ['/_gemini/fr/nonexist.gmi', '/_gemini/fr/'],
    ['/_gemini/ar/issues/9/', '/_gemini/ar/'],
  ])('answers %s with 404, a link to its edition\'s index, %s, and no raw text/gemini', async (url, index) => {
    const response = await get(shared.dev.url, url);
    expect(response.status).toBe(404);
    expect(response.body.match(/<a href="[^"]*">[^<]*<\/a>/g)).toEqual([`<a href="${index}">The capsule&#39;s index</a>`]);
    expect((await get(shared.dev.url, index)).status).toBe(200);
  });

  it.each([
    ['/_gemini/', '<html lang="en">'],
    ['/_gemini/fr/', '<html lang="fr">'],
    ['/_gemini/ar/', '<html lang="ar" dir="rtl">'],
    ['/_gemini/ar/issues/1/first.gmi', '<html lang="ar" dir="rtl">'],
  ])('shows %s in the language and direction of its edition: %s', async (url, html) => {
    const page = (await get(shared.dev.url, url)).body;
    expect(page.match(/<html[^>]*>/)?.[0]).toBe(html);
    // The bar is mimeo's, in English whatever the edition.
    expect(page).toMatch(/<header class="bar" lang="en" dir="ltr">Gemini preview of /);
  });
});

describe('the dev server, as the webzine changes', () => {
  it('answers 404, with the site\'s 404 page, for a page whose article was removed', async () => {
    const { root, dev } = await serve();
    const events = await openEvents(dev.url);
    await rm(path.join(root, 'content/issues/1/20-second.md'));
    const first = path.join(root, 'content/issues/1/10-first.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('(20-second.md#details)', '(../../pages/about.md)'));
    await events.next((event) => event.type === 'change' && event.files.includes('web/issues/1/second/index.html'));
    events.close();
    const response = await get(dev.url, '/issues/1/second/');
    expect([response.status, response.body.includes((await readFile(path.join(dev.outDir, 'web/404.html'), 'utf8')).slice(0, 200))]).toEqual([404, true]);
  });

  it('sends the located errors to every page, also to one opened while they last, then says they are fixed', async () => {
    const { root, dev } = await serve();
    const events = await openEvents(dev.url);
    const file = path.join(root, 'content/issues/1/10-first.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, '---\ntitle: [unclosed\n---\nBroken.\n');
    const errors = await events.next((event) => event.type === 'errors');
    const late = await openEvents(dev.url);
    const lateErrors = await late.next((event) => event.type === 'errors');
    await writeFile(file, text);
    await events.next((event) => event.type === 'fixed');
    events.close();
    late.close();
    expect(errors.type === 'errors' && errors.text.startsWith('content/issues/1/10-first.md:2:')).toBe(true);
    expect(lateErrors).toEqual(errors);
  });

  it('says the webzine builds, not that it builds again, when it never built before, and why the capsule is missing till then', async () => {
    const printed: string[] = [];
    const file = (root: string) => path.join(root, 'content/issues/1/10-first.md');
    let text = '';
    const { root, dev } = await serve(
      async (root) => {
        text = await readFile(file(root), 'utf8');
        await writeFile(file(root), '---\ntitle: [unclosed\n---\nBroken.\n');
      },
      { out: (line) => void printed.push(line), err: (line) => void printed.push(line) },
    );
    // The capsule is not said to be missing for want of a geminiUrl.
    expect((await get(dev.url, '/_gemini/')).body).toContain('The webzine has not built yet');
    const events = await openEvents(dev.url);
    await writeFile(file(root), text);
    await events.next((event) => event.type === 'fixed');
    events.close();
    expect(printed.join('')).toMatch(/^fixed: the webzine builds; /m);
    expect((await get(dev.url, '/_gemini/')).body).not.toContain('not built yet');
  });

  it('tells pages to swap the stylesheet, not to reload, when only CSS changed', async () => {
    const { root, dev } = await serve();
    const events = await openEvents(dev.url);
    await mkdir(path.join(root, 'themes/default/assets'), { recursive: true });
    await writeFile(path.join(root, 'themes/default/assets/style.css'), 'body { color: #123; }\n');
    const event = await events.next((candidate) => candidate.type !== 'hello');
    events.close();
    expect(event).toEqual({ type: 'css', files: [expect.stringMatching(/^\/style\.[0-9a-f]{10}\.css$/)], build: expect.any(String) });
  });
});

describe('the dev server during its first build', () => {
  /** A held preview of a fresh copy of the base webzine, with a capsule, closed after the tests. */
  async function serveHeld(prepare: (root: string) => Promise<unknown> = async () => {}) {
    const root = await makeWebzine();
    const siteFile = path.join(root, 'content/site.yml');
    await writeFile(siteFile, `${await readFile(siteFile, 'utf8')}geminiUrl: gemini://zine.example/\n`);
    await prepare(root);
    const held = await startHeldDev(root);
    void held.started.then((dev) => servers.push(dev));
    return held;
  }

  it('answers a page with one that waits for the build: 503, Retry-After, never stored, with the live-reload script, then the article once built', async () => {
    const held = await serveHeld();
    const waiting = await get(held.url, '/issues/1/first/');
    expect([waiting.status, waiting.headers['retry-after'], waiting.headers['cache-control'], waiting.headers['content-type']]).toEqual([503, '3', 'no-store', 'text/html; charset=utf-8']);
    expect(waiting.body).toContain('<h1>The preview is being built</h1>');
    expect(waiting.body).toContain('<meta http-equiv="refresh" content="3">');
    expect(waiting.body).toContain('"waiting":true');
    expect(waiting.body).toContain('new EventSource("/_mimeo/events")');
    const events = await openEvents(held.url);
    held.release();
    // The first event after the hello is what makes the waiting page reload.
    const next = await events.next((event) => event.type !== 'hello');
    events.close();
    expect(next.type === 'change' && next.files.includes('web/issues/1/first/index.html')).toBe(true);
    await held.started;
    const built = await get(held.url, '/issues/1/first/');
    expect([built.status, built.body.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1], built.body.includes('"waiting":false')]).toEqual([200, 'The first article', true]);
  });

  describe('held', () => {
    let held: Awaited<ReturnType<typeof serveHeld>>;
    beforeAll(async () => {
      held = await serveHeld();
    });
    afterAll(async () => {
      held.release();
      await held.started;
    });

    it.each([
      ['/', 503],
      ['/fr/', 503],
      ['/legacy/post.html', 503],
      ['/issues/1/first', 503],
      ['/_gemini/', 503],
      ['/_gemini/issues/1/first.gmi', 503],
      ['/_gemini/issues/1/first.gmi?raw', 404],
      ['/issues/1/cover.svg', 404],
      ['/style.css', 404],
      ['/atom.xml', 404],
      ['/_mimeo/nothing', 404],
    ])('answers %s with %i: only pages wait', async (url, status) => {
      expect((await get(held.url, url)).status).toBe(status);
    });

    it('shows the address asked for escaped, never as markup', async () => {
      const raw = await get(held.url, '/<b>"x"&amp;</b>/');
      const encoded = await get(held.url, '/%3Cscript%3Ealert(1)%3C%2Fscript%3E/');
      expect(raw.body).toContain('<code>/&lt;b&gt;&quot;x&quot;&amp;amp;&lt;/b&gt;/</code>');
      expect(encoded.body).toContain('<code>/&lt;script&gt;alert(1)&lt;/script&gt;/</code>');
      expect([raw.body.includes('<b>'), encoded.body.includes('<script>alert')]).toEqual([false, false]);
    });
  });

  it('shows how many files the build parsed out of how many, as mimeo build does on a terminal', async () => {
    const liveReload = createLiveReload();
    let progress = { parsed: 120, total: 4500 };
    const server = createServer(createDevHandler({ outDir: path.join(fixtures, 'no-such-folder'), liveReload, firstBuild: () => ({ progress }), onError: () => {} }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const parsing = (await get(url, '/')).body.match(/<p id="mimeo-dev-progress">([^<]*)<\/p>/)?.[1];
      progress = { parsed: 4500, total: 4500 };
      const parsed = (await get(url, '/')).body.match(/<p id="mimeo-dev-progress">([^<]*)<\/p>/)?.[1];
      expect([parsing, parsed]).toEqual(['Parsing 120/4500 files…', 'Parsed 4500/4500 files; rendering and writing the pages…']);
    } finally {
      liveReload.close();
      server.close();
    }
  });

  it('answers, once a first build failed, as for a failed build: 404, and the located errors for the page to show', async () => {
    const held = await serveHeld(async (root) => writeFile(path.join(root, 'content/issues/1/10-first.md'), '---\ntitle: [unclosed\n---\nBroken.\n'));
    expect((await get(held.url, '/issues/1/first/')).status).toBe(503);
    const events = await openEvents(held.url);
    held.release();
    const next = await events.next((event) => event.type !== 'hello');
    events.close();
    await held.started;
    const page = await get(held.url, '/issues/1/first/');
    const state = JSON.parse((await get(held.url, '/_mimeo/state')).body) as Array<{ type: string; text?: string; empty?: boolean }>;
    expect([next.type, page.status, page.body.includes('being built')]).toEqual(['errors', 404, false]);
    expect(state[1]).toEqual({ type: 'errors', text: expect.stringMatching(/^content\/issues\/1\/10-first\.md:2:/), empty: true });
  });
});
