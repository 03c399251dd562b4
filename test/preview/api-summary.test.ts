import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiSummary, summarize } from '../../core/preview/api-summary.ts';

describe("an API preview's endpoint list", () => {
  it('keeps the operations of every path in document order, with summaries or descriptions', () => {
    const summary = summarize(
      {
        info: { title: 'Shop', version: '2' },
        paths: {
          '/items': { get: { summary: 'List' }, post: { description: 'Create' }, parameters: [{ name: 'q' }] },
          '/items/{id}': { put: {}, delete: { summary: 'Remove' } },
        },
      },
      'fallback',
    );
    expect(summary).toEqual({
      title: 'Shop',
      version: '2',
      truncated: false,
      endpoints: [
        { method: 'GET', path: '/items', summary: 'List' },
        { method: 'POST', path: '/items', summary: 'Create' },
        { method: 'PUT', path: '/items/{id}' },
        { method: 'DELETE', path: '/items/{id}', summary: 'Remove' },
      ],
    });
  });

  it('refuses what is not an OpenAPI document, and bounds what an app can make it hold', () => {
    expect(summarize({ openapi: '3.1.0' }, 'x')).toBeUndefined();
    expect(summarize('nope', 'x')).toBeUndefined();
    expect(summarize({ paths: { '/a': 'not an object' } }, 'x')).toBeUndefined();
    const paths = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`/r${i}`, { get: { summary: 's'.repeat(1_000) }, post: {} }]));
    const big = summarize({ paths }, 'fallback')!;
    expect(big.title).toBe('fallback');
    expect(big.endpoints).toHaveLength(200);
    expect(big.truncated).toBe(true);
    expect(big.endpoints[0]!.summary).toHaveLength(300);
  });

  describe('read from a running server', () => {
    let server: Server;
    let socket = '';
    const routes: Record<string, [number, string]> = {};

    beforeAll(async () => {
      server = createServer((req, res) => {
        const [status, body] = routes[current] ?? [404, ''];
        res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      });
      socket = join(mkdtempSync(join(tmpdir(), 'qlayer-api-summary-')), 'app.sock');
      await new Promise<void>((resolve) => server.listen(socket, resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    let current = '';
    const read = (which: string) => {
      current = which;
      return readApiSummary(socket, 'demo');
    };

    it('lists the endpoints of /openapi.json, and gives none for a missing, broken or oversized one', async () => {
      routes.good = [200, JSON.stringify({ info: { title: 'Books' }, paths: { '/books': { get: {} } } })];
      routes.missing = [404, '{}'];
      routes.broken = [200, '{"paths": '];
      routes.huge = [200, JSON.stringify({ paths: { '/a': { get: { summary: 'x'.repeat(1_100_000) } } } })];
      expect(await read('good')).toEqual({ title: 'Books', truncated: false, endpoints: [{ method: 'GET', path: '/books' }] });
      expect(await read('missing')).toBeUndefined();
      expect(await read('broken')).toBeUndefined();
      expect(await read('huge')).toBeUndefined();
    });

    it('gives none when nothing listens', async () => {
      expect(await readApiSummary(join(tmpdir(), 'qlayer-no-such-socket'), 'demo')).toBeUndefined();
    });
  });
});
