import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { api, generate, ownOrigin, previewFetch, previewServer, rawGet, skipE2E, waitSettled } from './helpers.ts';

/**
 * Apps that run their own server, through the proxy with the prefix stripped: a REST API's
 * preview URL is its /openapi.json; a full-stack app's page and API both answer under the
 * prefix. Needs the npm registry; QLAYER_SKIP_E2E=1 skips it.
 */
describe.skipIf(skipE2E).sequential('previews of apps with a server', () => {
  let fx: PlatformFixture | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('proxies a REST API and a full-stack app under /preview/<id>/', async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 300_000 }));
    const apiRun = await generate(fx, 'a REST API for a bookstore with books and authors');
    const fullRun = await generate(fx, 'a full-stack recipe manager with a React frontend and an API');
    await api(server, 'POST', apiRun);
    await api(server, 'POST', fullRun);

    const rest = await waitSettled(server, apiRun);
    expect(rest.output ?? '').toBe('');
    expect(rest).toMatchObject({ status: 'running', kind: 'rest-api', url: `${ownOrigin(server, apiRun)}/preview/${apiRun}/openapi.json` });
    const openapi = await previewFetch(rest.url);
    expect(openapi.status).toBe(200);
    expect(await openapi.text()).toContain('"/books/{id}"');
    // The run page lists the API's endpoints, read from that document.
    const runPage = await rawGet(server, `/ui/runs/${apiRun}`, 'platform');
    expect(runPage.status).toBe(200);
    expect(runPage.body).toMatch(/<caption>\d+ endpoints<\/caption>/);
    expect(runPage.body).toContain('<td data-label="Method"><code>DELETE</code></td><td data-label="Path"><code>/books/{id}</code></td>');

    const full = await waitSettled(server, fullRun);
    expect(full.output ?? '').toBe('');
    expect(full.status).toBe('running');
    const page = await rawGet(server, `/preview/${fullRun}/`, 'previews', { Host: new URL(ownOrigin(server, fullRun)).host });
    expect(page.body).toContain(`/preview/${fullRun}/assets/`);
    const recipes = await previewFetch(`${ownOrigin(server, fullRun)}/preview/${fullRun}/api/recipes`);
    expect(recipes.status).toBe(200);
    expect(await recipes.text()).toContain('"items"');
    const created = await previewFetch(`${ownOrigin(server, fullRun)}/preview/${fullRun}/api/recipes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    // Whatever the app says about an empty recipe, it is the app answering, not the platform.
    expect(created.headers.get('content-type') ?? '').not.toContain('problem+json');
  }, 600_000);
});
