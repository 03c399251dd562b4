import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { api, generate, ownOrigin, previewServer, rawGet, skipE2E, waitSettled } from './helpers.ts';

/**
 * Previews of generated static sites (quick to install: no dependencies): paths cannot leave
 * the build output, idle previews stop, and at most `maxRunning` run with the oldest stopped.
 * Needs the npm registry for `npm install`; QLAYER_SKIP_E2E=1 skips it.
 */
const SITE = 'a static website for a bakery with home, menu, about and contact pages';

describe.skipIf(skipE2E).sequential('preview limits', () => {
  let fx: PlatformFixture;
  let server: RunningServer;
  let idleServer: RunningServer | undefined;
  const runs: string[] = [];

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 60_000, startTimeoutMs: 120_000 }));
    for (let i = 0; i < 3; i++) runs.push(await generate(fx, SITE));
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await idleServer?.close();
    await fx?.close();
  });

  it('serves the built site and nothing outside it', async () => {
    const id = runs[0]!;
    const started = await api(server, 'POST', id);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'static-site', url: `${ownOrigin(server, id)}/preview/${id}/` });
    const preview = await waitSettled(server, id);
    expect(preview.output ?? '').toBe('');
    expect(preview.status).toBe('running');

    const page = await rawGet(server, `/preview/${id}/menu.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Sourdough');
    expect((await rawGet(server, `/preview/${id}/`)).body).toContain('<html');

    // package.json sits one level above dist/ in the sandbox: a real target for an escape.
    const escapes = [
      `/preview/${id}/../../etc/passwd`,
      `/preview/${id}/../package.json`,
      `/preview/${id}/%2e%2e/package.json`,
      `/preview/${id}/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd`,
      `/preview/${id}/..%2fpackage.json`,
      `/preview/${id}/%2e%2e%2fpackage.json`,
      `/preview/${id}/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd`,
      `/preview/${id}/..%5cpackage.json`,
      `/preview/${id}/%252e%252e/package.json`,
      `/preview/${id}/assets/..%2f..%2fpackage.json`,
      `/preview/${id}/%00`,
    ];
    for (const path of escapes) {
      const res = await rawGet(server, path);
      expect([400, 404], `${path} answered ${res.status}`).toContain(res.status);
      expect(res.body, path).not.toContain('root:');
      expect(res.body, path).not.toContain('"scripts"');
      // The platform's origin sends the path on as it came, so the previews' listener judges it.
      const sent = await rawGet(server, path, 'platform');
      expect([307, 404], `${path} answered ${sent.status} on the platform`).toContain(sent.status);
      expect(sent.body, path).not.toContain('root:');
      if (sent.status === 307) {
        const location = new URL(String(sent.headers.location));
        // The preview's own origin, or (a path that names no run id) the previews' shared host.
        expect([ownOrigin(server, id), `http://localhost:${server.previewPort}`]).toContain(location.origin);
        const followed = await rawGet(server, location.pathname + location.search, 'previews', { Host: location.host });
        expect([400, 404], `${path} answered ${followed.status} after the redirect`).toContain(followed.status);
        expect(followed.body, path).not.toContain('"scripts"');
      }
    }
  }, 300_000);

  it('runs at most maxRunning previews and stops the oldest for a new one', async () => {
    const [first, second, third] = runs as [string, string, string];
    expect((await api(server, 'POST', second)).status).toBe(202);
    expect((await waitSettled(server, second)).status).toBe('running');
    expect((await api(server, 'GET', first)).body.status).toBe('running');

    expect((await api(server, 'POST', third)).status).toBe(202);
    expect((await api(server, 'GET', first)).body.status).toBe('stopped');
    expect((await rawGet(server, `/preview/${first}/`)).status).toBe(404);
    expect((await waitSettled(server, third)).status).toBe('running');
    expect((await api(server, 'GET', second)).body.status).toBe('running');
    expect((await rawGet(server, `/preview/${third}/menu.html`)).status).toBe(200);

    const stopped = await api(server, 'DELETE', third);
    expect(stopped.body.status).toBe('stopped');
    expect((await rawGet(server, `/preview/${third}/menu.html`)).status).toBe(404);
  }, 300_000);

  it('stops a preview after the idle timeout', async () => {
    ({ server: idleServer } = await previewServer(fx, { maxRunning: 2, idleTimeoutMs: 1_500, startTimeoutMs: 120_000 }));
    const id = runs[0]!;
    await api(idleServer, 'POST', id);
    expect((await waitSettled(idleServer, id)).status).toBe('running');
    // Requests count as use and keep it alive.
    for (let i = 0; i < 4; i++) {
      expect((await rawGet(idleServer, `/preview/${id}/menu.html`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await api(idleServer, 'GET', id)).body.status).toBe('stopped');
    expect((await rawGet(idleServer, `/preview/${id}/menu.html`)).status).toBe(404);
  }, 300_000);

  it('refuses runs that are not finished apps', async () => {
    const missing = await api(server, 'GET', '00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    const unknownRun = await api(server, 'POST', '00000000-0000-4000-8000-000000000000');
    expect(unknownRun.status).toBe(404);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, object> };
    expect(Object.keys(doc.paths['/api/v1/runs/{id}/preview'] ?? {}).sort()).toEqual(['delete', 'get', 'post']);
  });

  it('refuses a run that is still running', async () => {
    const { run } = await fx.platform.runner.start('generate-app', { prompt: SITE });
    const early = await api(server, 'POST', run.id);
    // Unless the worker was quicker than this request, the run is not finished yet.
    const done = (await fx.platform.runner.getRun(run.id)).status === 'completed';
    if (!done) expect(early.status).toBe(409);
    await fx.platform.runner.waitForRun(run.id, { timeoutMs: 120_000 });
  });
});
