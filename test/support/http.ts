import { request } from 'node:http';
import type { ReloadEvent } from '../../src/watch/live-reload.js';

/** A response, body read in full. */
export interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Requests `rawPath` from the server at `base` exactly as written: unlike fetch, node:http sends
 * `/../` and `%2e%2e` as they are, which is what an attacker does.
 */
export function get(base: string, rawPath: string, method = 'GET', headers: Record<string, string> = {}): Promise<Fetched> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: rawPath, method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** A connection to the live-reload stream of a dev server. */
export interface EventStream {
  /** Waits for the next event (already received or to come) that `accept` takes, dropping the others. */
  next(accept?: (event: ReloadEvent) => boolean): Promise<ReloadEvent>;
  close(): void;
}

/** Connects to the live-reload stream as a page does, once the server has answered. */
export function openEvents(base: string): Promise<EventStream> {
  const { hostname, port } = new URL(base);
  const received: ReloadEvent[] = [];
  let wake: (() => void) | undefined;
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: '/_mimeo/events' }, (response) => {
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          const data = buffer.slice(0, end).split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n');
          buffer = buffer.slice(end + 2);
          if (data) received.push(JSON.parse(data) as ReloadEvent);
          wake?.();
        }
      });
      resolve({
        async next(accept = () => true) {
          for (;;) {
            const index = received.findIndex(accept);
            if (index !== -1) return received.splice(0, index + 1).pop()!;
            received.length = 0;
            await new Promise<void>((done) => (wake = done));
          }
        },
        close: () => outgoing.destroy(),
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
