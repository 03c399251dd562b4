import type { Hono } from 'hono';
import { createApp } from '../src/app.ts';
import { migrate, openDatabase, type Database } from '../src/db.ts';
import { entities } from '../src/entities/index.ts';

export const token = 'test-token';

export interface TestApi {
  app: Hono;
  db: Database;
  call(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A fresh API over an in-memory database. */
export async function createTestApi(): Promise<TestApi> {
  const db = await openDatabase();
  await migrate(db, entities);
  const app = createApp({ db, apiToken: token });
  return {
    app,
    db,
    call(method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      return Promise.resolve(app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    },
  };
}
