import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { addTodoInBrowser } from '../apps/browser.ts';
import { api, generate, ownOrigin, previewServer, rawGet, skipE2E, waitSettled } from './helpers.ts';

/**
 * The product path of a preview: generate the todo app, ask for its preview, and use it in
 * Chromium through /preview/<id>/ on the previews' own origin. Needs the npm registry for
 * `npm install`; QLAYER_SKIP_E2E=1 skips it.
 */
describe.skipIf(skipE2E).sequential('preview in the browser', () => {
  let fx: PlatformFixture | undefined;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('opens the generated todo app through the proxy and adds a todo', async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 300_000 }));
    const id = await generate(fx, 'Create a todo app with React');
    const started = await api(server, 'POST', id);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'starting', kind: 'react-spa' });
    // Asking again returns the same preview rather than starting a second one.
    expect((await api(server, 'POST', id)).body.status).toBe('starting');
    const preview = await waitSettled(server, id);
    expect(preview.output ?? '').toBe('');
    expect(preview.status).toBe('running');
    // Served from the previews' own origin, not the platform's.
    expect(preview.url).toBe(`${ownOrigin(server, id)}/preview/${id}/`);
    expect(new URL(preview.url).port).not.toBe(String(server.port));

    // Asset URLs carry the prefix, so the page's scripts load through the proxy.
    const html = (await rawGet(server, `/preview/${id}/`)).body;
    expect(html).toContain(`/preview/${id}/assets/`);

    const list = await addTodoInBrowser(preview.url, 'Buy oat milk');
    expect(list).toContain('Buy oat milk');
  }, 600_000);
});
