import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../helpers/db.ts';
import type { paths } from './generated/openapi.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';

let fx: ApiFixture;
let api: ReturnType<typeof createClient<paths>>;

beforeAll(async () => {
  fx = await apiFixture();
  api = createClient<paths>({ baseUrl: fx.url });
});
afterAll(async () => fx?.close());

async function finished(id: string) {
  return fx.platform.runner.waitForRun(id, { timeoutMs: 20_000 });
}

describe(`REST API through a generated client (${backend})`, () => {
  it('starts a run, reads it with its steps, and finds it in the list', async () => {
    const started = await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n: 21 } } });
    expect(started.response.status).toBe(201);
    const run = started.data!;
    expect(run.status).toBe('running');
    expect(started.response.headers.get('Location')).toBe(`/api/v1/runs/${run.id}`);
    await finished(run.id);
    const read = await api.GET('/api/v1/runs/{id}', { params: { path: { id: run.id } } });
    expect(read.data).toMatchObject({ id: run.id, status: 'completed', output: 42, workflowName: 'double-then-wait' });
    expect(read.data!.steps.map((s) => [s.key, s.status])).toEqual([
      ['double', 'completed'],
      ['wait', 'completed'],
    ]);
    expect(Date.parse(read.data!.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(read.data!.createdAt));
  });

  it('returns the first run for a repeated Idempotency-Key: 201, then 200', async () => {
    const body = { workflow: 'double-then-wait', input: { n: 1 } };
    const headers = { 'idempotency-key': `order-${crypto.randomUUID()}` };
    const first = await api.POST('/api/v1/runs', { body, params: { header: headers } });
    const again = await api.POST('/api/v1/runs', { body, params: { header: headers } });
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(200);
    expect(again.data!.id).toBe(first.data!.id);
    expect(again.data!.idempotencyKey).toBe(headers['idempotency-key']);
  });

  it('lists runs newest first with status and workflow filters and cursor pages', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n } } })).data!.id);
    await Promise.all(ids.map(finished));
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await api.GET('/api/v1/runs', { params: { query: { workflow: 'double-then-wait', status: 'completed', limit: 2, ...(cursor ? { cursor } : {}) } } });
      expect(res.response.status).toBe(200);
      expect(res.data!.runs.length).toBeLessThanOrEqual(2);
      for (const run of res.data!.runs) expect([run.workflowName, run.status]).toEqual(['double-then-wait', 'completed']);
      seen.push(...res.data!.runs.map((r) => r.id));
      if (!res.data!.nextCursor) break;
      cursor = res.data!.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Newest first: the five just started come first, in reverse order of starting.
    expect(seen.slice(0, 5)).toEqual([...ids].reverse());
    const none = await api.GET('/api/v1/runs', { params: { query: { workflow: 'no-such-workflow' } } });
    expect(none.data).toEqual({ runs: [], nextCursor: null });
  });

  it('cancels a running run', async () => {
    const { data: run } = await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n: 1, ms: 30_000 } } });
    const cancelled = await api.POST('/api/v1/runs/{id}/cancel', { params: { path: { id: run!.id } }, body: { reason: 'changed my mind' } });
    expect(cancelled.response.status).toBe(200);
    expect(cancelled.data).toMatchObject({ status: 'cancelled', error: { code: 'run_cancelled', message: 'changed my mind' } });
  });

  it('retries a failed run from its failed step, and refuses to retry a completed one', async () => {
    const { data: run } = await api.POST('/api/v1/runs', { body: { workflow: 'always-fails' } });
    expect((await finished(run!.id)).status).toBe('failed');
    const retried = await api.POST('/api/v1/runs/{id}/retry', { params: { path: { id: run!.id } } });
    expect(retried.response.status).toBe(200);
    expect(retried.data!.status).toBe('running');
    expect((await finished(run!.id)).status).toBe('failed');
    const steps = await api.GET('/api/v1/runs/{id}', { params: { path: { id: run!.id } } });
    expect(steps.data!.steps[0]).toMatchObject({ key: 'boom', status: 'failed' });

    const { data: ok } = await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n: 2 } } });
    await finished(ok!.id);
    const refused = await api.POST('/api/v1/runs/{id}/retry', { params: { path: { id: ok!.id } } });
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'run_not_retryable', status: 409 });
  });

  it('answers bad input with problem+json naming the field', async () => {
    const missing = await api.POST('/api/v1/runs', { body: { input: {} } as never });
    expect(missing.response.status).toBe(400);
    expect(missing.response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(missing.error).toMatchObject({ code: 'validation_failed', status: 400, type: '/api/docs#problem-validation_failed' });
    expect(missing.error!.issues).toEqual([expect.objectContaining({ path: 'workflow' })]);
    expect(missing.error!.detail).toContain('workflow');

    // The workflow's own input check names the input.
    const wrongInput = await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n: 'four' } } });
    expect(wrongInput.response.status).toBe(400);
    expect(JSON.stringify(wrongInput.error)).toContain('n');

    const badLimit = await api.GET('/api/v1/runs', { params: { query: { limit: 0 } } });
    expect(badLimit.response.status).toBe(400);
    expect(badLimit.error!.issues![0]!.path).toBe('limit');

    const badCursor = await api.GET('/api/v1/runs', { params: { query: { cursor: 'garbage' } } });
    expect(badCursor.error).toMatchObject({ status: 400, code: 'cursor_invalid' });

    const malformed = await fetch(`${fx.url}/api/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"workflow":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('Content-Type')).toBe('application/problem+json');

    const unknownRun = await api.GET('/api/v1/runs/{id}', { params: { path: { id: crypto.randomUUID() } } });
    expect(unknownRun.error).toMatchObject({ status: 404, code: 'not_found' });
    const unknownRoute = await fetch(`${fx.url}/api/v1/nothing-here`);
    expect(unknownRoute.status).toBe(404);
    expect(await unknownRoute.json()).toMatchObject({ code: 'route_not_found' });
  });

  it('generate: 404 problem while generate-app is missing, a run once it is registered', async () => {
    const missing = await api.POST('/api/v1/generate', { body: { prompt: 'a todo app', workflow: 'not-installed-generator' } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ code: 'not_found' });
    expect(missing.error!.detail).toContain("workflow 'not-installed-generator' is not registered");

    const source = `name: fake-generator\ninputs:\n  prompt: { type: string }\nsteps:\n  - id: go\n    uses: test/slow\n    with: { ms: 0, value: '\${{ inputs.prompt }}' }\n`;
    expect((await api.POST('/api/v1/workflows', { body: { source } })).response.status).toBe(201);
    const started = await api.POST('/api/v1/generate', { body: { prompt: 'a todo app', workflow: 'fake-generator' } });
    expect(started.response.status).toBe(201);
    expect(started.data!.input).toEqual({ prompt: 'a todo app' });
    expect((await finished(started.data!.id)).output).toBe('a todo app');

    const empty = await api.POST('/api/v1/generate', { body: { prompt: '   ' } });
    expect(empty.response.status).toBe(400);
    expect(empty.error!.issues![0]!.path).toBe('prompt');
  });

  it('lists and downloads artifacts with type, length and file name', async () => {
    const { data: run } = await api.POST('/api/v1/runs', { body: { workflow: 'double-then-wait', input: { n: 1 } } });
    const bytes = new Uint8Array([80, 75, 3, 4, 0, 1, 2, 255]);
    await fx.platform.artifacts.put(run!.id, 'app.zip', bytes, 'application/zip');
    const list = await api.GET('/api/v1/runs/{id}/artifacts', { params: { path: { id: run!.id } } });
    expect(list.data).toEqual([expect.objectContaining({ name: 'app.zip', contentType: 'application/zip', size: 8 })]);
    const download = await api.GET('/api/v1/runs/{id}/artifacts/{name}', { params: { path: { id: run!.id, name: 'app.zip' } }, parseAs: 'arrayBuffer' });
    expect(download.response.status).toBe(200);
    expect(download.response.headers.get('Content-Type')).toBe('application/zip');
    expect(download.response.headers.get('Content-Length')).toBe('8');
    expect(download.response.headers.get('Content-Disposition')).toBe('attachment; filename="app.zip"');
    expect(new Uint8Array(download.data as ArrayBuffer)).toEqual(bytes);
    const missing = await api.GET('/api/v1/runs/{id}/artifacts/{name}', { params: { path: { id: run!.id, name: 'nope.zip' } } });
    expect(missing.response.status).toBe(404);
  });

  it('registers workflows as YAML or JSON, reports line and column of problems, lists and reads them', async () => {
    const source = `name: registered-here\nversion: '2'\nsteps:\n  - id: only\n    uses: test/double\n    with: { n: 3 }\n`;
    const yaml = await fetch(`${fx.url}/api/v1/workflows`, { method: 'POST', headers: { 'Content-Type': 'text/yaml' }, body: source });
    expect(yaml.status).toBe(201);
    const registered = (await yaml.json()) as { id: string; name: string; version: string; created: boolean };
    expect(registered).toMatchObject({ name: 'registered-here', version: '2', created: true });
    const again = await api.POST('/api/v1/workflows', { body: { source } });
    expect(again.response.status).toBe(200);
    expect(again.data).toMatchObject({ id: registered.id, created: false });

    const broken = `name: broken\nsteps:\n  - id: a\n    uses: test/nonexistent\n`;
    const refused = await api.POST('/api/v1/workflows', { body: { source: broken } });
    expect(refused.response.status).toBe(422);
    expect(refused.error).toMatchObject({ code: 'workflow_invalid' });
    expect(refused.error!.issues![0]).toMatchObject({ line: 4, column: expect.any(Number) });

    const check = await api.POST('/api/v1/workflows/validate', { body: { source: broken } });
    expect(check.data!.valid).toBe(false);
    expect(check.data!.issues[0]).toMatchObject({ line: 4, file: '<request>' });
    expect(check.data!.issues[0]!.message).toContain('nonexistent');
    expect((await api.POST('/api/v1/workflows/validate', { body: { source } })).data).toEqual({ valid: true, issues: [] });

    const list = await api.GET('/api/v1/workflows');
    expect(list.data!.map((w) => w.name)).toEqual(expect.arrayContaining(['registered-here', 'double-then-wait', 'always-fails']));
    const byName = await api.GET('/api/v1/workflows/{ref}', { params: { path: { ref: 'registered-here' } } });
    expect(byName.data).toMatchObject({ id: registered.id, source, versions: [expect.objectContaining({ id: registered.id })] });
    const byId = await api.GET('/api/v1/workflows/{ref}', { params: { path: { ref: registered.id } } });
    expect(byId.data!.name).toBe('registered-here');
    expect((await api.GET('/api/v1/workflows/{ref}', { params: { path: { ref: 'never-registered' } } })).response.status).toBe(404);

    const wrongType = await fetch(`${fx.url}/api/v1/workflows`, { method: 'POST', headers: { 'Content-Type': 'text/csv' }, body: 'a,b' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('lists plugins with the JSON Schemas of their steps', async () => {
    const { data } = await api.GET('/api/v1/plugins');
    const test = data!.find((p) => p.name === 'test')!;
    const double = test.steps.find((s) => s.step === 'double')!;
    expect(double.uses).toBe('test/double');
    expect(double.inputSchema).toMatchObject({ type: 'object', properties: { n: { type: 'number' } }, required: ['n'] });
    expect(double.outputSchema).toMatchObject({ type: 'number' });
  });
});
