import type { IncomingMessage, ServerResponse } from 'node:http';

/** What open pages are told, as one server-sent event each. */
export type ReloadEvent =
  /** Sent on every connection: a page served from another build than this one reloads. */
  | { type: 'hello'; build: string }
  /**
   * Output files written or removed (`web/issues/3/index.html`): their pages reload, the others
   * now count as served from `build`.
   */
  | { type: 'change'; files: string[]; build?: string }
  /** Only stylesheets changed: pages swap them without reloading (their new URLs). */
  | { type: 'css'; files: string[]; build?: string }
  /** The build failed: pages show the located errors over the last good page (`empty`: there is none yet). */
  | { type: 'errors'; text: string; empty?: boolean }
  /** The build is good again: pages drop the error overlay. */
  | { type: 'fixed' };

/** The live-reload channel of the dev server. */
export interface LiveReload {
  /** Answers a request for the event stream: keeps it open and sends it every event from now on. */
  connect(request: IncomingMessage, response: ServerResponse): void;
  /** Sends an event to every open page; errors are also kept for pages that open later. */
  send(event: ReloadEvent): void;
  /** Answers a page that opens with how things stand: the `hello` it would get on connecting, and the errors. */
  state(request: IncomingMessage, response: ServerResponse): void;
  /** The current build's id, which pages are served with. */
  build(): string;
  /** Ends every stream. */
  close(): void;
}

/** How often a comment line keeps idle streams open through proxies and sleeping tabs. */
const keepAliveMs = 20_000;

/**
 * Makes the live-reload channel: server-sent events (HTML Living Standard §9.2), which browsers
 * reconnect on their own. A page that connects while the build is broken gets the errors at once.
 */
export function createLiveReload(): LiveReload {
  const streams = new Set<ServerResponse>();
  let errors: ReloadEvent | undefined;
  let count = 0;
  // Ids differ across restarts too, so pages left open reload from the new server.
  const session = Date.now().toString(36);
  const build = () => `${session}.${count}`;
  const write = (response: ServerResponse, event: ReloadEvent) => response.write(`data: ${JSON.stringify(event)}\n\n`);
  const keepAlive = setInterval(() => streams.forEach((response) => response.write(': keep-alive\n\n')), keepAliveMs);
  keepAlive.unref();
  return {
    connect(request, response) {
      response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      // A HEAD request asks for the headers alone: no stream is kept open for it.
      if (request.method === 'HEAD') return void response.end();
      response.write('retry: 500\n\n');
      write(response, { type: 'hello', build: build() });
      if (errors) write(response, errors);
      streams.add(response);
      request.on('close', () => streams.delete(response));
    },
    send(sent) {
      let event = sent;
      if (event.type === 'errors') errors = event;
      if (event.type === 'fixed') errors = undefined;
      if (event.type === 'change' || event.type === 'css') {
        count++;
        event = { ...event, build: build() };
      }
      for (const response of streams) write(response, event);
    },
    state(request, response) {
      const body = JSON.stringify([{ type: 'hello', build: build() }, ...(errors ? [errors] : [])]);
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
    build,
    close() {
      clearInterval(keepAlive);
      for (const response of streams) response.end();
      streams.clear();
    },
  };
}
