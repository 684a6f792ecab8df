/** The URL of the live-reload event stream. */
export const eventsPath = '/_mimeo/events';

/** The URL that tells a page opening how things stand: the current build, and its errors if it failed. */
export const statePath = '/_mimeo/state';

// The name of the lock and the channel the tabs of one preview share.
const channelName = 'mimeo-dev-events';

// The error overlay's id: a theme can leave room for it, a test can find it.
const overlayId = 'mimeo-dev-overlay';

// Runs in the browser. Built pages carry no JavaScript (SPEC §3): only the dev server adds this,
// to each HTML response, never to a file. `own` is the output file the page was served from.
const client = `
const assets = (files) => files.some((file) => !/\\.(html|gmi|xml|txt)$/.test(file));
const stem = (url) => new URL(url, location.href).pathname.split('/').pop().replace(/\\.[0-9a-f]{10}\\.css$/, '');
function swapStylesheets(files) {
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
    const match = files.find((file) => stem(file) === stem(link.href));
    if (match) link.href = match + '?' + Date.now();
  }
}
function showErrors(text, empty) {
  let overlay = document.getElementById(${JSON.stringify(overlayId)});
  if (!overlay) {
    overlay = document.createElement('div');
    overlay.id = ${JSON.stringify(overlayId)};
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;border-bottom:4px solid #e5484d;font:14px/1.5 ui-monospace,monospace;box-shadow:0 4px 24px #0008';
    const title = document.createElement('p');
    title.style.cssText = 'margin:0 0 .5rem;font-weight:bold';
    overlay.append(title, document.createElement('pre'));
    overlay.lastChild.style.cssText = 'margin:0;white-space:pre-wrap';
    document.body.append(overlay);
  }
  overlay.firstChild.textContent = empty ? 'mimeo dev: the build failed, and there is no page to show until it succeeds; fix the file and save.' : 'mimeo dev: the build failed. The last good page is shown below; fix the file and save.';
  overlay.lastChild.textContent = text;
}
let current = served;
function handle(event) {
  // A page that waits for the first build shows what follows it, the pages or the errors.
  if (waiting && event.type !== 'hello') return location.reload();
  if (event.type === 'hello' && event.build !== current) location.reload();
  if (event.type === 'change') {
    if (event.files.includes(own) || event.files.includes(own + '/index.html') || assets(event.files)) location.reload();
    else current = event.build;
  }
  if (event.type === 'css') {
    swapStylesheets(event.files);
    current = event.build;
  }
  if (event.type === 'errors') showErrors(event.text, event.empty);
  if (event.type === 'fixed') document.getElementById(${JSON.stringify(overlayId)})?.remove();
}
const listen = (source, pass) => (source.onmessage = (message) => {
  const event = JSON.parse(message.data);
  pass(event);
  handle(event);
});
// A browser opens at most six connections to one server: a stream held open by every tab would
// take them all from the seventh. One tab at a time holds it (a Web Lock) and passes each event on
// to the others; a tab that opens asks how things stand once.
if (navigator.locks && self.BroadcastChannel) {
  const channel = new BroadcastChannel(${JSON.stringify(channelName)});
  channel.onmessage = (message) => handle(message.data);
  navigator.locks.request(${JSON.stringify(channelName)}, () => new Promise(() => listen(new EventSource(${JSON.stringify(eventsPath)}), (event) => channel.postMessage(event))));
  const ask = () => fetch(${JSON.stringify(statePath)}, { cache: 'no-store' }).then((response) => response.json()).then((events) => events.forEach(handle), () => {});
  ask();
  // A page brought back from the browser's history cache missed what was said meanwhile.
  addEventListener('pageshow', (event) => event.persisted && ask());
} else listen(new EventSource(${JSON.stringify(eventsPath)}), () => {});
`;

/** Options of {@link liveReloadScript}. */
export interface ScriptOptions {
  /** Whether the page waits for the first build, and reloads at whatever comes after it (default: `false`). */
  waiting?: boolean;
}

/** The live-reload script for a page served from output file `own` (`web/index.html`) of build `served`. */
export function liveReloadScript(own: string, served: string, options: ScriptOptions = {}): string {
  // JSON in a script element: `<` is escaped so no value can close the element.
  const values = JSON.stringify({ own, served, waiting: options.waiting ?? false }).replace(/</g, '\\u003c');
  return `<script>(() => {\nconst { own, served, waiting } = ${values};${client}})();</script>`;
}

/** Adds a script at the end of an HTML document's body (or of the document, if it has none). */
export function injectScript(html: string, script: string): string {
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + script : html.slice(0, end) + script + '\n' + html.slice(end);
}
