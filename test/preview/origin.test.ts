import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import { previewOrigin } from '../../api/preview-origin.ts';
import { loadConfig } from '../../core/config/load.ts';
import { ConfigError } from '../../core/errors.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { previewServer, rawGet, runWithoutApp } from './helpers.ts';

/**
 * Previews have an origin of their own (another port), so a previewed app's scripts cannot act
 * as the platform: that listener serves previews and nothing else, the platform's origin sends
 * preview links there, and requests a preview's page makes to the UI or (without keys) the API
 * are refused. Nothing is installed, so no registry is needed; origin-browser.test.ts does the
 * same from a real preview in Chromium.
 */
const SETTINGS = { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 120_000 };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe.sequential('the previews origin', () => {
  let fx: PlatformFixture;
  let server: RunningServer;

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, SETTINGS));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  const own = (runId: string) => `${runId}.localhost:${server.previewPort}`;

  it('is another port of the same host', () => {
    expect(server.previewPort).not.toBe(server.port);
    expect(server.previewUrl).toBe(`http://127.0.0.1:${server.previewPort}`);
  });

  it('serves previews and nothing else', async () => {
    for (const path of ['/', '/ui', '/ui/runs', '/ui/login', '/api/v1/runs', '/api/openapi.json', '/api/docs', '/graphql', '/metrics', '/healthz', '/readyz', '/ui/assets/app.js']) {
      const res = await rawGet(server, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toContain('only previews are served here');
    }
    const posts = await fetch(`${server.previewUrl}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":"{ health { ok } }"}' });
    expect(posts.status).toBe(404);
    expect((await rawGet(server, `/preview/${UNKNOWN}/`, 'previews', { Host: own(UNKNOWN) })).status).toBe(404);
    // On a preview's own host, only that preview: another's path, or anything else, is a 404.
    const other = '00000000-0000-4000-8000-000000000001';
    expect((await rawGet(server, `/preview/${other}/`, 'previews', { Host: own(UNKNOWN) })).status).toBe(404);
    expect((await rawGet(server, '/ui', 'previews', { Host: own(UNKNOWN) })).status).toBe(404);
    // On the platform's origin, the same paths are the platform's.
    expect((await rawGet(server, '/api/v1/runs', 'platform')).status).toBe(200);
  });

  it("sends the platform origin's preview links, and the shared preview host's, to the same path and query on the preview's own origin", async () => {
    const res = await rawGet(server, `/preview/${UNKNOWN}/assets/app.js?v=1`, 'platform');
    expect(res.status).toBe(307);
    expect(res.headers.location).toBe(`http://${own(UNKNOWN)}/preview/${UNKNOWN}/assets/app.js?v=1`);
    expect((await rawGet(server, `/preview/${UNKNOWN}`, 'platform')).headers.location).toBe(`http://${own(UNKNOWN)}/preview/${UNKNOWN}`);
    const shared = await rawGet(server, `/preview/${UNKNOWN}/x?y=1`, 'previews', { Host: `127.0.0.1:${server.previewPort}` });
    expect(shared.status).toBe(307);
    expect(shared.headers.location).toBe(`http://${own(UNKNOWN)}/preview/${UNKNOWN}/x?y=1`);
    // A preview's own host sends its root to the app.
    expect((await rawGet(server, '/', 'previews', { Host: own(UNKNOWN) })).headers.location).toBe(`/preview/${UNKNOWN}/`);
  });

  it('names the host the client used, so localhost stays localhost', async () => {
    const res = await rawGet(server, `/preview/${UNKNOWN}/`, 'platform', { Host: `localhost:${server.port}` });
    expect(res.headers.location).toBe(`http://${own(UNKNOWN)}/preview/${UNKNOWN}/`);
    const page = await rawGet(server, '/ui/runs', 'platform', { Host: `localhost:${server.port}` });
    expect(page.headers['content-security-policy']).toContain(`frame-src http://*.localhost:${server.previewPort};`);
    // A name that is not loopback has no per-preview hosts without a wildcard public URL: the previews share that name's origin.
    const named = await rawGet(server, `/preview/${UNKNOWN}/`, 'platform', { Host: `qlayer.internal:${server.port}` });
    expect(named.headers.location).toBe(`http://qlayer.internal:${server.previewPort}/preview/${UNKNOWN}/`);
    // A Host header that is no host name does not reach the policy or the page.
    const odd = await rawGet(server, `/preview/${UNKNOWN}/`, 'platform', { Host: `a;b:${server.port}` });
    expect(odd.status).toBe(400);
  });

  it("refuses the UI's forms when a preview's page sends them", async () => {
    const before = (await fx.platform.runner.listRuns({ limit: 200 })).runs.length;
    const fromPreview: Record<string, string>[] = [
      { 'Sec-Fetch-Site': 'same-site', Origin: server.previewUrl },
      // A browser that sends no Sec-Fetch-Site: the Origin's port differs from Host's.
      { Origin: server.previewUrl },
    ];
    for (const headers of fromPreview) {
      const res = await fetch(`${server.url}/ui/generate`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ prompt: 'Create a todo app with React' }),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('was not carried out');
      const stop = await fetch(`${server.url}/ui/runs/${UNKNOWN}/preview/stop`, { method: 'POST', redirect: 'manual', headers });
      expect(stop.status).toBe(403);
    }
    expect((await fx.platform.runner.listRuns({ limit: 200 })).runs.length).toBe(before);
  });

  it("refuses the API without a key to a preview's page, and keeps it for curl and the platform's own pages", async () => {
    const before = (await fx.platform.runner.listRuns({ limit: 200 })).runs.length;
    const start = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/v1/runs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ workflow: 'generate-app', input: { prompt: 'a todo list app' } }),
      });
    const fromPages: Record<string, string>[] = [{ Origin: server.previewUrl, 'Sec-Fetch-Site': 'same-site' }, { Origin: server.previewUrl }, { Origin: 'null' }];
    for (const headers of fromPages) {
      const refused = await start(headers);
      expect(refused.status).toBe(403);
      const problem = (await refused.json()) as { code: string; detail: string };
      expect(problem.code).toBe('cross_origin');
      expect(problem.detail).toContain('not from a page of another origin');
      const read = await fetch(`${server.url}/api/v1/runs`, { headers });
      expect(read.status).toBe(403);
      const graphql = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"query":"{ health { ok } }"}' });
      expect(graphql.status).toBe(403);
    }
    expect((await fx.platform.runner.listRuns({ limit: 200 })).runs.length).toBe(before);

    expect((await fetch(`${server.url}/api/v1/runs`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/runs`, { headers: { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' } })).status).toBe(200);
    // Typed into the address bar.
    expect((await fetch(`${server.url}/api/v1/runs`, { headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
  });

  it('refuses a port that is taken with a config error naming the setting that chose it', async () => {
    const { startServer } = await import('../../api/node.ts');
    const base = { host: '127.0.0.1', worker: false, logger: { debug() {}, info() {}, warn() {}, error() {} } } as const;
    const previewTaken = startServer(fx.platform, { ...base, port: 0, previewPort: server.port });
    await expect(previewTaken).rejects.toBeInstanceOf(ConfigError);
    await expect(previewTaken).rejects.toThrow(`cannot listen on 127.0.0.1:${server.port}, which is in use (EADDRINUSE); choose another preview.port`);
    const platformTaken = startServer(fx.platform, { ...base, port: server.previewPort, previewPort: 0 });
    await expect(platformTaken).rejects.toMatchObject({ code: 'config_invalid', details: { issues: [{ path: 'server.port' }] } });
    // The running server still answers on both ports.
    expect((await rawGet(server, '/api/v1/runs', 'platform')).status).toBe(200);
    expect((await rawGet(server, `/preview/${UNKNOWN}/`, 'previews', { Host: own(UNKNOWN) })).status).toBe(404);
  });

  it('gives the REST preview of a run the same refusal as before, from its own origin', async () => {
    const noApp = await runWithoutApp(fx);
    const res = await fetch(`${server.url}/api/v1/runs/${noApp}/preview`, { method: 'POST', headers: { Origin: server.previewUrl } });
    expect(res.status).toBe(403);
    expect((await fetch(`${server.url}/api/v1/runs/${noApp}/preview`, { method: 'POST' })).status).toBe(409);
  }, 60_000);
});

describe('the previews origin, configured', () => {
  it('uses the host the client used, or the public URL behind a proxy', () => {
    const local = previewOrigin({ port: 4001 });
    expect(local('http://127.0.0.1:3000/ui/runs', UNKNOWN)).toBe(`http://${UNKNOWN}.localhost:4001`);
    expect(local('http://localhost:3000/api/v1/runs/x/preview', UNKNOWN)).toBe(`http://${UNKNOWN}.localhost:4001`);
    expect(local('http://[::1]:3000/', UNKNOWN)).toBe(`http://${UNKNOWN}.localhost:4001`);
    expect(local('http://127.0.0.1:3000/')).toBe('http://*.localhost:4001');
    expect(local('http://build-box:3000/', UNKNOWN)).toBe('http://build-box:4001');
    expect(() => local('http://127.0.0.1:3000/', 'not-a-run-id')).toThrow(/run id/);
    const proxied = previewOrigin({ port: 4001, publicUrl: 'https://preview.example.com' });
    expect(proxied('http://127.0.0.1:3000/', UNKNOWN)).toBe('https://preview.example.com');
    const wildcard = previewOrigin({ port: 4001, publicUrl: 'https://*.preview.example.com' });
    expect(wildcard('http://127.0.0.1:3000/', UNKNOWN)).toBe(`https://${UNKNOWN}.preview.example.com`);
    expect(wildcard('http://127.0.0.1:3000/')).toBe('https://*.preview.example.com');
  });

  it('reads preview.port (0 by default) and preview.publicUrl, an origin only', () => {
    expect(loadConfig({ cwd: '/nonexistent', env: {} }).config.preview).toMatchObject({ port: 0 });
    expect(loadConfig({ cwd: '/nonexistent', env: { QLAYER_PREVIEW_PORT: '4001' } }).config.preview.port).toBe(4001);
    const invalid = (env: Record<string, string>) => () => loadConfig({ cwd: '/nonexistent', env });
    expect(invalid({ QLAYER_PREVIEW_PORT: '70000' })).toThrow(ConfigError);
    expect(invalid({ QLAYER_PREVIEW_PORT: '70000' })).toThrow(/QLAYER_PREVIEW_PORT/);

    const dir = mkdtempSync(join(tmpdir(), 'qlayer-preview-config-'));
    const withFile = (yaml: string) => {
      writeFileSync(join(dir, 'qlayer.config.yaml'), yaml);
      return loadConfig({ cwd: dir, env: {} }).config.preview;
    };
    expect(withFile('preview:\n  port: 4001\n  publicUrl: https://preview.example.com/\n')).toMatchObject({ port: 4001, publicUrl: 'https://preview.example.com' });
    // Apps are built for /preview/<id>/ at the root of their origin.
    expect(() => withFile('preview:\n  publicUrl: https://example.com/previews\n')).toThrow(/origin only/);
    expect(() => withFile('preview:\n  publicUrl: ftp://example.com\n')).toThrow(ConfigError);
  });
});
