import { createServer } from 'node:net';

/**
 * A loopback port free at the moment of asking. The app binds it inside its own network
 * namespace, where nothing else listens, so any port would do; a free one also serves the
 * unconfined mode, where the app shares the server's network.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
