import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { migrate, openDatabase } from './db.ts';
import { entities } from './entities/index.ts';
import { createServerApp } from './server-app.ts';

const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`);

const db = await openDatabase(process.env.DATA_DIR ?? './data');
await migrate(db, entities);
// dist/server/server.js serves dist/client.
const clientDir = fileURLToPath(new URL('../client', import.meta.url));
const app = createServerApp({ db, apiToken: process.env.API_TOKEN, clientDir });

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Listening on http://localhost:${info.port} (API under /api)`);
});

// Closing the database flushes it to disk; without this a Ctrl-C could lose the last writes.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    void db.close().finally(() => process.exit(0));
  });
}
