import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { backend } from '../helpers/db.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';
import { GENERATED_FILE, renderClientTypes } from './client-types.ts';
import { readFileSync } from 'node:fs';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await apiFixture();
});
afterAll(async () => fx?.close());

const limits = { corsOrigins: [], bodyLimitBytes: 1 << 20, rateLimitPerMinute: 600 };

/** A metric's value from Prometheus text, by its full series name with labels. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe(`operations (${backend})`, () => {
  it('healthz is up; readyz checks the database and migrations', async () => {
    expect(await (await fetch(`${fx.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${fx.url}/readyz`);
    expect(ready.status).toBe(200);
    // The Node server also says which sandbox generated code gets (bubblewrap where it can run).
    expect(await ready.json()).toMatchObject({ status: 'ready', database: true, pendingMigrations: [], sandbox: expect.stringMatching(/^(bubblewrap|unavailable)$/) });

    const pending = createApp(fx.platform, { server: limits, getClientAddress: () => '127.0.0.1', pendingMigrations: async () => ['0001_next'] });
    const notReady = await pending.request('/readyz');
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ status: 'not_ready', database: true, pendingMigrations: ['0001_next'] });

    const down = createApp(
      { ...fx.platform, db: Object.assign(Object.create(fx.db) as typeof fx.db, { query: async () => Promise.reject(new Error('connect ECONNREFUSED secret-host:5432')) }) },
      { server: limits, getClientAddress: () => '127.0.0.1' },
    );
    const unreachable = await down.request('/readyz');
    expect(unreachable.status).toBe(503);
    const body = (await unreachable.json()) as { database: boolean; detail: string };
    expect(body.database).toBe(false);
    expect(body.detail).not.toContain('secret-host');
  });

  it('exposes runs by status, queue depth, workers, step durations and HTTP latencies as Prometheus text', async () => {
    const start = async (input: object) =>
      ((await (await fetch(`${fx.url}/api/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workflow: 'double-then-wait', input }) })).json()) as { id: string }).id;
    const ok = await start({ n: 2, ms: 50 });
    await fx.platform.runner.waitForRun(ok, { timeoutMs: 20_000 });
    await fx.platform.runner.waitForRun(await (async () => {
      const res = await fetch(`${fx.url}/api/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ workflow: 'always-fails' }) });
      return ((await res.json()) as { id: string }).id;
    })(), { timeoutMs: 20_000 });
    await fetch(`${fx.url}/api/v1/runs/${ok}`);
    // Step durations are read from history older than a second (late commits are not skipped).
    await new Promise((r) => setTimeout(r, 1_200));
    const res = await fetch(`${fx.url}/metrics`);
    expect(res.headers.get('Content-Type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'qlayer_runs{status="completed"}')).toBe(1);
    expect(sample(text, 'qlayer_runs{status="failed"}')).toBe(1);
    expect(sample(text, 'qlayer_runs{status="running"}')).toBe(0);
    expect(sample(text, 'qlayer_queue_depth{state="ready"}')).toBe(0);
    expect(sample(text, 'qlayer_workers_alive')).toBe(1);
    expect(sample(text, 'qlayer_step_duration_seconds_count{workflow="double-then-wait",step="double",outcome="completed"}')).toBe(1);
    expect(sample(text, 'qlayer_step_duration_seconds_count{workflow="double-then-wait",step="wait",outcome="completed"}')).toBe(1);
    expect(sample(text, 'qlayer_step_duration_seconds_bucket{workflow="double-then-wait",step="wait",outcome="completed",le="0.01"}')).toBe(0);
    expect(sample(text, 'qlayer_step_duration_seconds_count{workflow="always-fails",step="boom",outcome="failed"}')).toBe(1);
    expect(sample(text, 'qlayer_http_request_duration_seconds_count{method="GET",route="/api/v1/runs/:id",status="200"}')).toBe(1);
    expect(sample(text, 'qlayer_http_request_duration_seconds_count{method="POST",route="/api/v1/runs",status="201"}')).toBe(2);
    // A second scrape does not count the same steps again.
    const again = await (await fetch(`${fx.url}/metrics`)).text();
    expect(sample(again, 'qlayer_step_duration_seconds_count{workflow="double-then-wait",step="double",outcome="completed"}')).toBe(1);
  });

  it('takes X-Request-Id in and out, and logs one JSON line per request', async () => {
    const res = await fetch(`${fx.url}/api/v1/plugins`, { headers: { 'X-Request-Id': 'trace-abc-123' } });
    expect(res.headers.get('X-Request-Id')).toBe('trace-abc-123');
    const made = await fetch(`${fx.url}/api/v1/nothing`);
    const id = made.headers.get('X-Request-Id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await made.json()).toMatchObject({ requestId: id });
    const line = fx.logs.find((l) => l.msg === 'request' && l.data?.requestId === 'trace-abc-123');
    expect(line?.data).toMatchObject({ method: 'GET', path: '/api/v1/plugins', status: 200, durationMs: expect.any(Number) });
    expect(fx.logs.filter((l) => l.msg === 'request' && l.data?.requestId === id)).toHaveLength(1);
  });

  it('serves the OpenAPI 3.1 document, docs without external resources, and a client generated from it that is up to date', async () => {
    const doc = (await (await fetch(`${fx.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown>; components: { securitySchemes: object } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/runs', '/api/v1/runs/{id}', '/api/v1/runs/{id}/events', '/api/v1/workflows/validate', '/api/v1/plugins']));
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    const html = await (await fetch(`${fx.url}/api/docs`)).text();
    expect(html).toContain('<code>/api/v1/runs/{id}/events</code>');
    expect(html).toContain('id="problem-rate_limited"');
    expect(html).not.toMatch(/<script|https?:\/\//);
    const expected = await renderClientTypes(doc);
    const committed = readFileSync(GENERATED_FILE, 'utf8');
    expect(committed, 'test/api/generated/openapi.ts is stale: run `npx tsx test/api/generate-client.ts`').toBe(expected);
  });
});
