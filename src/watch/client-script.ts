/** The URL of the live-reload event stream. */
export const eventsPath = '/_mimeo/events';

// The error overlay's id: a theme can leave room for it, a test can find it.
const overlayId = 'mimeo-dev-overlay';

// Runs in the browser. Built pages carry no JavaScript (SPEC §3): only the dev server adds this,
// to each HTML response, never to a file. `own` is the output file the page was served from.
const client = `
const source = new EventSource(${JSON.stringify(eventsPath)});
const assets = (files) => files.some((file) => !/\\.(html|gmi|xml|txt)$/.test(file));
const stem = (url) => new URL(url, location.href).pathname.split('/').pop().replace(/\\.[0-9a-f]{10}\\.css$/, '');
function swapStylesheets(files) {
  for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
    const match = files.find((file) => stem(file) === stem(link.href));
    if (match) link.href = match + '?' + Date.now();
  }
}
function showErrors(text) {
  let overlay = document.getElementById(${JSON.stringify(overlayId)});
  if (!overlay) {
    overlay = document.createElement('div');
    overlay.id = ${JSON.stringify(overlayId)};
    overlay.setAttribute('role', 'alert');
    overlay.style.cssText = 'position:fixed;inset:0 0 auto 0;max-height:70vh;overflow:auto;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;border-bottom:4px solid #e5484d;font:14px/1.5 ui-monospace,monospace;box-shadow:0 4px 24px #0008';
    const title = document.createElement('p');
    title.style.cssText = 'margin:0 0 .5rem;font-weight:bold';
    title.textContent = 'mimeo dev: the build failed. The last good page is shown below; fix the file and save.';
    overlay.append(title, document.createElement('pre'));
    overlay.lastChild.style.cssText = 'margin:0;white-space:pre-wrap';
    document.body.append(overlay);
  }
  overlay.lastChild.textContent = text;
}
source.onmessage = (message) => {
  const event = JSON.parse(message.data);
  if (event.type === 'hello' && event.build !== served) location.reload();
  if (event.type === 'change' && (event.files.includes(own) || assets(event.files))) location.reload();
  if (event.type === 'css') swapStylesheets(event.files);
  if (event.type === 'errors') showErrors(event.text);
  if (event.type === 'fixed') document.getElementById(${JSON.stringify(overlayId)})?.remove();
};
`;

/** The live-reload script for a page served from output file `own` (`web/index.html`) of build `served`. */
export function liveReloadScript(own: string, served: string): string {
  // JSON in a script element: `<` is escaped so no value can close the element.
  const values = JSON.stringify({ own, served }).replace(/</g, '\\u003c');
  return `<script>(() => {\nconst { own, served } = ${values};${client}})();</script>`;
}

/** Adds a script at the end of an HTML document's body (or of the document, if it has none). */
export function injectScript(html: string, script: string): string {
  const end = html.toLowerCase().lastIndexOf('</body>');
  return end === -1 ? html + script : html.slice(0, end) + script + '\n' + html.slice(end);
}
