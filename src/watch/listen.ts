import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many ports after the asked one are tried before giving up. */
const attempts = 20;

/**
 * Listens on `host` at `port`, or at the next free port when it is taken (as `hugo server` and
 * `zola serve` do), and gives the port. Port 0 lets the system choose one.
 */
export async function listenOnFreePort(server: Server, host: string, port: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      await listen(server, host, port === 0 ? 0 : port + attempt);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const taken = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
      if (!taken || port === 0 || attempt + 1 >= attempts || port + attempt >= 65535) throw error;
    }
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
