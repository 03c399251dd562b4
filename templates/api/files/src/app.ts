import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { appInfo, features } from './app-info.ts';
import { crudRoutes } from './crud.ts';
import type { Database } from './db.ts';
import { entities } from './entities/index.ts';
import { openApiDocument } from './openapi.ts';

export interface AppOptions {
  db: Database;
  /** Required when the API protects writes: clients send `Authorization: Bearer <token>`. */
  apiToken?: string | undefined;
  /** Where this API is mounted, for the OpenAPI `servers` entry. */
  basePath?: string;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The whole API as a Hono app; tests call `app.request()` on it, the server mounts it. */
export function createApp({ db, apiToken, basePath = '/' }: AppOptions): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok' }));
  const document = openApiDocument(appInfo, entities, features, basePath);
  app.get('/openapi.json', (c) => c.json(document));

  if (features.auth) {
    if (apiToken === undefined || apiToken === '') throw new Error('API_TOKEN must be set: this API protects its write routes with a bearer token');
    const auth = bearerAuth({ token: apiToken });
    app.use('*', (c, next) => (READS.has(c.req.method) ? next() : auth(c, next)));
  }
  for (const entity of entities) app.route(`/${entity.path}`, crudRoutes(db, entity, features, entities));

  app.notFound((c) => c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((error, c) => {
    if ('getResponse' in error && typeof error.getResponse === 'function') return error.getResponse() as Response;
    console.error(error);
    return c.json({ error: 'internal_error', message: 'internal server error' }, 500);
  });
  return app;
}
