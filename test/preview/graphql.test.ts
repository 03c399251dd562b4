import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import { createApiKey } from '../../core/auth/index.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { api, generate, graphql, ownOrigin, previewFetch, previewServer, rawGet, runWithoutApp, skipE2E } from './helpers.ts';

/**
 * Previews through GraphQL on the Node server: the same previews as REST (starting one through
 * GraphQL shows in REST and the other way round), the same errors, the same scopes.
 */
const SITE = 'a static website for a bakery with home, menu, about and contact pages';
const SETTINGS = { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 120_000 };

interface Preview {
  status: string;
  url: string;
  kind: string;
  output: string | null;
}

const READ = 'query ($id: ID!) { preview(runId: $id) { status url kind output } }';
const START = 'mutation ($id: ID!) { startPreview(runId: $id) { status url kind output } }';
const STOP = 'mutation ($id: ID!) { stopPreview(runId: $id) { status url kind output } }';

async function settled(server: RunningServer, id: string): Promise<Preview | null | undefined> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { data } = await graphql<{ preview: Preview | null }>(server.url, READ, { id });
    if (data?.preview?.status !== 'starting' || Date.now() > deadline) return data?.preview;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// Builds a generated static site, whose install has no dependencies; QLAYER_SKIP_E2E=1 skips it.
describe.skipIf(skipE2E).sequential('previews through GraphQL', () => {
  let fx: PlatformFixture | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('starts a static site, reads it until it runs, and stops it', async () => {
    ({ fx, server } = await previewServer(undefined, SETTINGS));
    const id = await generate(fx, SITE);
    const url = `${ownOrigin(server, id)}/preview/${id}/`;

    expect(await graphql(server.url, READ, { id })).toEqual({ data: { preview: null } });
    const started = await graphql<{ startPreview: Preview }>(server.url, START, { id });
    expect(started.errors).toBeUndefined();
    expect(started.data?.startPreview).toEqual({ status: 'starting', url, kind: 'static-site', output: null });
    // One preview, whichever API asks.
    expect((await api(server, 'GET', id)).body).toMatchObject({ status: 'starting', url });

    const running = await settled(server, id);
    expect(running).toEqual({ status: 'running', url, kind: 'static-site', output: null });
    const page = await previewFetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');

    const stopped = await graphql<{ stopPreview: Preview }>(server.url, STOP, { id });
    expect(stopped.data?.stopPreview).toMatchObject({ status: 'stopped', url });
    expect((await graphql<{ preview: Preview }>(server.url, READ, { id })).data?.preview.status).toBe('stopped');
    expect((await api(server, 'GET', id)).body.status).toBe('stopped');
    expect((await rawGet(server, `/preview/${id}/`)).status).toBe(404);

    // A stopped preview starts again, as POST does.
    expect((await graphql<{ startPreview: Preview }>(server.url, START, { id })).data?.startPreview.status).toBe('starting');
    expect((await graphql<{ stopPreview: Preview }>(server.url, STOP, { id })).data?.stopPreview.status).toBe('stopped');
  }, 300_000);
});

// Refusals happen before anything is installed, so these need no registry.
describe.sequential('GraphQL preview errors and scopes', () => {
  let fx: PlatformFixture;
  let server: RunningServer;
  let noApp: string;

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, SETTINGS));
    noApp = await runWithoutApp(fx);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('answers with the codes REST uses', async () => {
    const unknown = crypto.randomUUID();
    const notFound = await graphql(server.url, START, { id: unknown });
    expect(notFound.data).toBeNull();
    expect(notFound.errors?.[0]).toMatchObject({ message: `run '${unknown}' was not found`, extensions: { code: 'not_found', status: 404 } });
    expect((await api(server, 'POST', unknown)).status).toBe(404);

    const nothingToStop = await graphql(server.url, STOP, { id: noApp });
    expect(nothingToStop.errors?.[0]).toMatchObject({ message: `preview '${noApp}' was not found`, extensions: { code: 'not_found', status: 404 } });

    const notAnApp = await graphql(server.url, START, { id: noApp });
    expect(notAnApp.errors?.[0]).toMatchObject({ message: expect.stringContaining('did not generate an app'), extensions: { code: 'conflict', status: 409 } });
    expect((await api(server, 'POST', noApp)).status).toBe(409);

    const badId = await graphql(server.url, READ, { id: 'not-a-uuid' });
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(badId.errors?.[0]?.message).toContain('runId');
    // Reading one that was never started is null, as `run` is for an unknown run.
    expect(await graphql(server.url, READ, { id: noApp })).toEqual({ data: { preview: null } });
  });

  it('lets a read key read previews but only a write key start or stop them', async () => {
    const read = (await createApiKey(fx.platform.db, { name: 'reader', scope: 'read' })).key;
    const write = (await createApiKey(fx.platform.db, { name: 'writer', scope: 'write' })).key;
    const asReader = { Authorization: `Bearer ${read}` };
    const asWriter = { Authorization: `Bearer ${write}` };

    expect(await graphql(server.url, READ, { id: noApp }, asReader)).toEqual({ data: { preview: null } });
    for (const mutation of [START, STOP]) {
      const refused = await graphql(server.url, mutation, { id: noApp }, asReader);
      expect(refused.errors?.[0]).toMatchObject({ message: "this needs the 'write' scope; the key has 'read'", extensions: { code: 'forbidden', status: 403 } });
    }
    // Past the scope check, a writer meets the run's own refusal.
    expect((await graphql(server.url, START, { id: noApp }, asWriter)).errors?.[0]?.extensions).toMatchObject({ code: 'conflict' });
  });
});
