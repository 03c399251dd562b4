import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import { createApiKey } from '../../core/auth/index.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { api, generate, ownOrigin, previewFetch, previewServer, runWithoutApp, skipE2E } from './helpers.ts';

/**
 * The run page's preview control as a browser without scripts uses it: plain forms that
 * redirect back to the run's preview section, which says where the preview is. Builds a
 * generated static site (no dependencies to install); QLAYER_SKIP_E2E=1 skips it.
 */
describe.skipIf(skipE2E).sequential('preview on the run page, without scripts', () => {
  let fx: PlatformFixture;
  let server: RunningServer;
  let id: string;

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 120_000 }));
    id = await generate(fx, 'a static website for a bakery with home, menu, about and contact pages');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  const get = async (path: string) => {
    const res = await fetch(server.url + path, { redirect: 'manual' });
    return { status: res.status, headers: res.headers, text: await res.text() };
  };
  const post = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { method: 'POST', redirect: 'manual', headers: { 'Sec-Fetch-Site': 'same-origin', ...headers } });
  const previewStatus = (page: string) => /<section id="preview"[^>]*data-preview-status="([a-z]+)"/.exec(page)?.[1];

  it('offers a Start button only on runs that made an app', async () => {
    const page = await get(`/ui/runs/${id}`);
    expect(previewStatus(page.text)).toBe('none');
    expect(page.text).toContain(`<form method="post" action="/ui/runs/${id}/preview" data-enhance><button type="submit" id="preview-start-button" class="primary">Start preview</button></form>`);
    // Frames from the previews' origin only: never this one, whose pages a framed app could script.
    expect(page.headers.get("content-security-policy")).toContain(`frame-src http://*.localhost:${server.previewPort};`);
    expect(page.headers.get('content-security-policy')).not.toContain("frame-src 'self'");
    const other = await get(`/ui/runs/${await runWithoutApp(fx)}`);
    expect(other.text).toContain('<section id="preview" data-region hidden></section>');
    expect(other.text).not.toContain('Start preview');
  });

  it('refuses a start that another site sends, or a preview', async () => {
    expect((await post(`/ui/runs/${id}/preview`, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    // A preview's page is the same site (ports do not count) but another origin.
    expect((await post(`/ui/runs/${id}/preview`, { 'Sec-Fetch-Site': 'same-site', Origin: server.previewUrl })).status).toBe(403);
    expect((await api(server, 'GET', id)).status).toBe(404);
  });

  it('starts, shows the site in a frame once it runs, and stops', async () => {
    const started = await post(`/ui/runs/${id}/preview`);
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe(`/ui/runs/${id}#preview`);
    const starting = await get(`/ui/runs/${id}`);
    expect(previewStatus(starting.text)).toBe('starting');
    expect(starting.text).toContain(`<a href="/ui/runs/${id}#preview">check again</a>`);
    expect(starting.text).toContain('id="preview-stop-button"');

    // The section's own page, which the script polls, settles as the API says.
    const deadline = Date.now() + 120_000;
    let section = await get(`/ui/runs/${id}/preview`);
    while (previewStatus(section.text) === 'starting' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      section = await get(`/ui/runs/${id}/preview`);
    }
    expect(previewStatus(section.text)).toBe('running');
    expect((await api(server, 'GET', id)).body.status).toBe('running');
    const frame = /<iframe class="preview-frame" src="([^"]+)" title="([^"]+)"><\/iframe>/.exec(section.text);
    expect(frame?.[1]).toBe(`${ownOrigin(server, id)}/preview/${id}/`);
    expect(frame?.[2]).toMatch(/^Preview of /);
    expect(await (await previewFetch(frame![1]!)).text()).toContain('<html');
    expect(section.text).toContain(`<a href="${ownOrigin(server, id)}/preview/${id}/" target="_blank" rel="noopener">Open the app in a new tab</a>`);
    expect((await get(`/ui/runs/${id}`)).text).toContain(frame![0]);

    const stopped = await post(`/ui/runs/${id}/preview/stop`);
    expect(stopped.status).toBe(303);
    const after = await get(`/ui/runs/${id}`);
    expect(previewStatus(after.text)).toBe('stopped');
    expect(after.text).not.toContain('<iframe');
    expect(after.text).toContain('Start preview again');
    expect((await previewFetch(`${ownOrigin(server, id)}/preview/${id}/`)).status).toBe(404);
  }, 180_000);

  it('lets a read key see the preview but not start it', async () => {
    const read = (await createApiKey(fx.platform.db, { name: 'reader', scope: 'read' })).key;
    const headers = { Authorization: `Bearer ${read}` };
    expect((await fetch(`${server.url}/ui/runs/${id}/preview`, { headers })).status).toBe(200);
    const refused = await post(`/ui/runs/${id}/preview`, headers);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('needs a key with the &#39;write&#39; scope');
    const preview = await fetch(`${server.url}/api/v1/runs/${id}/preview`, { headers });
    expect(((await preview.json()) as { status: string }).status).toBe('stopped');
  });
});
