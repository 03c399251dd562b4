import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../src/db.ts';
import { entities } from '../src/entities/index.ts';
import { createServerApp } from '../src/server-app.ts';
import type { Hono } from 'hono';

let db: Database;
let app: Hono;
let clientDir: string;

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>shell</title><div id="root"></div>');
  db = await openDatabase();
  await migrate(db, entities);
  app = createServerApp({ db, apiToken: 'test-token', clientDir });
});
afterAll(async () => {
  await db.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('server', () => {
  it('serves the API under /api', async () => {
    const response = await app.request('/api/health');
    expect(await response.json()).toEqual({ status: 'ok' });
    const list = await app.request(`/api/${entities[0]!.path}`);
    expect(list.status).toBe(200);
  });

  it('answers unknown API routes with JSON, not the app shell', async () => {
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves the client and falls back to it for client routes', async () => {
    for (const path of ['/', '/some/client/route']) {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
  });
});
