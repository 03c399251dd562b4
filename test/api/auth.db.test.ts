import { GraphQLClient, ClientError } from 'graphql-request';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { startServer, type RunningServer } from '../../api/node.ts';
import { createApiKey, listApiKeys, revokeApiKey, verifyApiKey } from '../../core/auth/index.ts';
import { backend } from '../helpers/db.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

describe(`API keys in core/auth (${backend})`, () => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await apiFixture();
  });
  afterAll(async () => fx?.close());

  it('shows the key once, stores only a hash of the secret, verifies, and revokes', async () => {
    const created = await createApiKey(fx.db, { name: 'ci', scope: 'write' });
    expect(created.key).toMatch(/^ql_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(`ql_${created.id}_`)).toBe(true);
    const secret = created.key.slice(`ql_${created.id}_`.length);
    const [row] = await fx.db.query<{ hash: string }>('select hash from api_keys where id = $1', [created.id]);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).not.toContain(secret);
    expect(await verifyApiKey(fx.db, created.key)).toMatchObject({ id: created.id, scope: 'write', revokedAt: null });
    const last = created.key.at(-1) === 'A' ? 'B' : 'A';
    expect(await verifyApiKey(fx.db, created.key.slice(0, -1) + last)).toBeUndefined();
    expect(await verifyApiKey(fx.db, 'ql_nope')).toBeUndefined();
    const listed = await listApiKeys(fx.db);
    expect(listed.find((k) => k.id === created.id)).toMatchObject({ name: 'ci', scope: 'write' });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect((await listApiKeys(fx.db)).find((k) => k.id === created.id)!.lastUsedAt).not.toBeNull();
    await revokeApiKey(fx.db, created.id);
    expect(await verifyApiKey(fx.db, created.key)).toBeUndefined();
    await expect(createApiKey(fx.db, { name: ' ', scope: 'read' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(createApiKey(fx.db, { name: 'x', scope: 'root' as never })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(revokeApiKey(fx.db, 'unknown')).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe(`without any API key (${backend})`, () => {
  let fx: ApiFixture;
  beforeAll(async () => {
    fx = await apiFixture();
  });
  afterAll(async () => fx?.close());

  it('says at start that only loopback clients are accepted, and serves them', async () => {
    expect(fx.logs.some((l) => l.level === 'warn' && l.msg.includes('only loopback clients are accepted'))).toBe(true);
    expect((await fetch(`${fx.url}/api/v1/runs`)).status).toBe(200);
  });

  it('refuses clients that are not on loopback, by the socket address the adapter reports', async () => {
    const at = (address: string | undefined) =>
      createApp(fx.platform, { server: { corsOrigins: [], bodyLimitBytes: 1 << 20, rateLimitPerMinute: 600 }, getClientAddress: () => address });
    for (const remote of ['203.0.113.9', '10.0.0.4', '::ffff:192.168.1.2', '2001:db8::1', undefined]) {
      const res = await at(remote).request('/api/v1/runs');
      expect(res.status, String(remote)).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'loopback_only' });
      const gql = await at(remote).request('/graphql', json({ query: '{ health { ok } }' }));
      expect(gql.status).toBe(403);
    }
    for (const local of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) {
      expect((await at(local).request('/api/v1/runs')).status, local).toBe(200);
    }
    // Probes need no key from anywhere.
    expect((await at('203.0.113.9').request('/healthz')).status).toBe(200);
    expect((await at('203.0.113.9').request('/readyz')).status).toBe(200);
  });

  it("refuses a loopback browser's requests for pages of other origins, unless CORS lists them", async () => {
    const app = (corsOrigins: string[] = []) =>
      createApp(fx.platform, { server: { corsOrigins, bodyLimitBytes: 1 << 20, rateLimitPerMinute: 600 }, getClientAddress: () => '127.0.0.1' });
    const host = { Host: '127.0.0.1:3000' };
    // Another site; another port of this host (a live preview's); an opaque origin (sandboxed frame, file:).
    const others: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'http://evil.example' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:40123' },
      { Origin: 'http://127.0.0.1:40123' },
      { Origin: 'null' },
    ];
    for (const headers of others) {
      const res = await app().request('http://127.0.0.1:3000/api/v1/runs', json({ workflow: 'double-then-wait', input: { n: 1 } }, { ...host, ...headers }));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'cross_origin' });
      const gql = await app().request('http://127.0.0.1:3000/graphql', json({ query: '{ health { ok } }' }, { ...host, ...headers }));
      expect(gql.status).toBe(403);
    }
    // curl, the server's own pages, the address bar, and an origin the config trusts.
    const allowed: Record<string, string>[] = [{}, { 'Sec-Fetch-Site': 'same-origin', Origin: 'http://127.0.0.1:3000' }, { Origin: 'http://127.0.0.1:3000' }, { 'Sec-Fetch-Site': 'none' }];
    for (const headers of allowed) {
      expect((await app().request('http://127.0.0.1:3000/api/v1/runs', { headers: { ...host, ...headers } })).status, JSON.stringify(headers)).toBe(200);
    }
    const trusted = await app(['http://localhost:5173']).request('http://127.0.0.1:3000/api/v1/runs', { headers: { ...host, 'Sec-Fetch-Site': 'same-site', Origin: 'http://localhost:5173' } });
    expect(trusted.status).toBe(200);
  });
});

describe(`with API keys (${backend})`, () => {
  let fx: ApiFixture;
  let admin: string;
  let reader: { id: string; key: string };
  let writer: string;
  const extra: RunningServer[] = [];

  beforeAll(async () => {
    fx = await apiFixture();
    // The first key is made by a loopback client while none exists.
    const res = await fetch(`${fx.url}/api/v1/keys`, json({ name: 'root', scope: 'admin' }));
    expect(res.status).toBe(201);
    admin = ((await res.json()) as { key: string }).key;
    const r = await fetch(`${fx.url}/api/v1/keys`, json({ name: 'dashboard', scope: 'read' }, bearer(admin)));
    reader = (await r.json()) as { id: string; key: string };
    writer = (await createApiKey(fx.db, { name: 'ci', scope: 'write' })).key;
  });
  afterEach(async () => {
    await Promise.all(extra.splice(0).map((s) => s.close()));
  });
  afterAll(async () => fx?.close());

  it('needs a valid key once one exists, loopback or not', async () => {
    const none = await fetch(`${fx.url}/api/v1/runs`);
    expect(none.status).toBe(401);
    expect(none.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await none.json()).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((await fetch(`${fx.url}/api/v1/runs`, { headers: { Authorization: 'Bearer ql_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } })).status).toBe(401);
    expect((await fetch(`${fx.url}/api/v1/runs`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status).toBe(401);
    expect((await fetch(`${fx.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${fx.url}/graphql`, json({ query: '{ health { ok } }' }))).status).toBe(401);
    expect((await fetch(`${fx.url}/api/v1/runs`, { headers: bearer(reader.key) })).status).toBe(200);
    expect((await fetch(`${fx.url}/healthz`)).status).toBe(200);
    // A key works from any address.
    const remote = createApp(fx.platform, { server: { corsOrigins: [], bodyLimitBytes: 1 << 20, rateLimitPerMinute: 600 }, getClientAddress: () => '203.0.113.9' });
    expect((await remote.request('/api/v1/runs', { headers: bearer(reader.key) })).status).toBe(200);
  });

  it('enforces scopes on REST: read reads, write changes, admin manages keys', async () => {
    const start = { workflow: 'double-then-wait', input: { n: 1 } };
    const denied = await fetch(`${fx.url}/api/v1/runs`, json(start, bearer(reader.key)));
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'forbidden', detail: expect.stringContaining("'write' scope") });
    expect((await fetch(`${fx.url}/api/v1/workflows/validate`, json({ source: 'name: a\nsteps: []\n' }, bearer(reader.key)))).status).toBe(200);
    expect((await fetch(`${fx.url}/api/v1/runs`, json(start, bearer(writer)))).status).toBe(201);
    expect((await fetch(`${fx.url}/api/v1/keys`, { headers: bearer(writer) })).status).toBe(403);
    expect((await fetch(`${fx.url}/api/v1/admin/prune`, json({ olderThan: '2000-01-01T00:00:00Z' }, bearer(writer)))).status).toBe(403);
    const pruned = await fetch(`${fx.url}/api/v1/admin/prune`, json({ olderThan: '2000-01-01T00:00:00Z' }, bearer(admin)));
    expect(await pruned.json()).toEqual({ deleted: 0 });
    const keys = await fetch(`${fx.url}/api/v1/keys`, { headers: bearer(admin) });
    const list = (await keys.json()) as { name: string; scope: string }[];
    expect(list.map((k) => [k.name, k.scope])).toEqual(expect.arrayContaining([['root', 'admin'], ['dashboard', 'read'], ['ci', 'write']]));
    expect(JSON.stringify(list)).not.toMatch(/ql_[0-9a-f]{16}_/);
  });

  it('enforces scopes on GraphQL: queries need read, mutations write', async () => {
    const read = new GraphQLClient(`${fx.url}/graphql`, { headers: bearer(reader.key) });
    expect(await read.request('{ health { ok } }')).toEqual({ health: { ok: true } });
    expect(await read.request('mutation { validateWorkflow(source: "name: a") { valid } }')).toEqual({ validateWorkflow: { valid: false } });
    const refused = await read.request('mutation { startRun(workflow: "double-then-wait", input: { n: 1 }) { created } }').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).response.errors![0]).toMatchObject({ extensions: { code: 'forbidden', status: 403 } });
    const write = new GraphQLClient(`${fx.url}/graphql`, { headers: bearer(writer) });
    expect(await write.request('mutation { startRun(workflow: "double-then-wait", input: { n: 1 }) { created } }')).toEqual({ startRun: { created: true } });
  });

  it('refuses a revoked key at once when revoked through the API', async () => {
    const fresh = await fetch(`${fx.url}/api/v1/keys`, json({ name: 'temp', scope: 'read' }, bearer(admin)));
    const temp = (await fresh.json()) as { id: string; key: string };
    expect((await fetch(`${fx.url}/api/v1/runs`, { headers: bearer(temp.key) })).status).toBe(200);
    const revoked = await fetch(`${fx.url}/api/v1/keys/${temp.id}`, { method: 'DELETE', headers: bearer(admin) });
    expect(await revoked.json()).toMatchObject({ id: temp.id, revokedAt: expect.any(String) });
    const after = await fetch(`${fx.url}/api/v1/runs`, { headers: bearer(temp.key) });
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'unauthorized', detail: expect.stringContaining('revoked') });
  });

  it('limits the rate per key with 429 and Retry-After', async () => {
    const server = await startServer(fx.platform, { host: '127.0.0.1', port: 0, worker: false, logger: fx.platform.logger, limits: { rateLimitPerMinute: 3 } });
    extra.push(server);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.url}/api/v1/runs`, { headers: bearer(reader.key) })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${server.url}/api/v1/runs`, { headers: bearer(reader.key) });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    // Another key has its own budget.
    expect((await fetch(`${server.url}/api/v1/runs`, { headers: bearer(writer) })).status).toBe(200);
  });

  it('refuses bodies over the limit with 413, on REST and GraphQL', async () => {
    const server = await startServer(fx.platform, { host: '127.0.0.1', port: 0, worker: false, logger: fx.platform.logger, limits: { bodyLimitBytes: 200 } });
    extra.push(server);
    const big = { workflow: 'double-then-wait', input: { n: 1, pad: 'x'.repeat(1_000) } };
    const res = await fetch(`${server.url}/api/v1/runs`, json(big, bearer(writer)));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'payload_too_large' });
    const gql = await fetch(`${server.url}/graphql`, json({ query: `{ health { ok } } # ${'x'.repeat(1_000)}` }, bearer(writer)));
    expect(gql.status).toBe(413);
    expect((await fetch(`${server.url}/api/v1/runs`, json({ workflow: 'double-then-wait', input: { n: 1 } }, bearer(writer)))).status).toBe(201);
  });

  it('answers CORS only for configured origins', async () => {
    const server = await startServer(fx.platform, { host: '127.0.0.1', port: 0, worker: false, logger: fx.platform.logger, limits: { corsOrigins: ['http://app.test'] } });
    extra.push(server);
    const preflight = await fetch(`${server.url}/api/v1/runs`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://app.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('http://app.test');
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('authorization');
    const other = await fetch(`${server.url}/api/v1/runs`, { headers: { Origin: 'http://evil.test', ...bearer(reader.key) } });
    expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const plain = await fetch(`${fx.url}/api/v1/runs`, { headers: { Origin: 'http://app.test', ...bearer(reader.key) } });
    expect(plain.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });
});
