import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from './app.ts';
import type { Database } from './db.ts';

export interface ServerAppOptions {
  db: Database;
  apiToken?: string | undefined;
  /** The folder Vite built the client into. */
  clientDir: string;
}

/** The API under /api and the built React client everywhere else. */
export function createServerApp({ db, apiToken, clientDir }: ServerAppOptions): Hono {
  const app = new Hono();
  app.route('/api', createApp({ db, apiToken, basePath: '/api' }));
  app.all('/api/*', (c) => c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  // serveStatic resolves `root` against the working directory.
  const root = relative(process.cwd(), clientDir) || '.';
  app.use('/*', serveStatic({ root }));
  // Client-side routes load the app shell.
  app.get('*', serveStatic({ root, path: 'index.html' }));
  return app;
}
