import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import { createApiKey } from '../../core/auth/index.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { hasChromium, launch, openPage } from '../ui/helpers/browser.ts';
import { api, generate, ownOrigin, previewServer, skipE2E, waitSettled } from './helpers.ts';

/**
 * What a previewed app's scripts can do to the platform, tried from a real preview's page in
 * Chromium: read nothing, and change nothing through the UI's forms or the API, whether the
 * visitor is a loopback one (no keys) or signed in (the key cookie is sent to other ports of
 * the host, so the origin checks are what stop it). Builds generated static sites (nothing to
 * install); QLAYER_SKIP_E2E=1 skips it, as does a machine without Chromium outside CI.
 */
const SITE = 'a static website for a bakery with home, menu, about and contact pages';
const run = !skipE2E && (hasChromium || process.env.CI) ? describe : describe.skip;

interface Attempts {
  readUi: string;
  readApi: string;
}

/** From the preview's page: two reads, then simple posts, whose answers are opaque, so the test checks their effect. */
function attack(page: Page, main: string, previewed: string, other: string): Promise<Attempts> {
  return page.evaluate(
    async ({ main, previewed, other }) => {
      const read = async (url: string) => {
        try {
          await fetch(url, { credentials: 'include' });
          return 'read';
        } catch {
          return 'blocked';
        }
      };
      const post = (url: string, body?: BodyInit) => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', ...(body ? { body } : {}) }).catch(() => undefined);
      const result = { readUi: await read(`${main}/ui/runs`), readApi: await read(`${main}/api/v1/runs`) };
      await post(`${main}/api/v1/runs/${other}/preview`);
      await post(`${main}/ui/runs/${other}/preview`);
      await post(`${main}/ui/runs/${previewed}/preview/stop`);
      await post(`${main}/ui/generate`, new URLSearchParams({ prompt: 'Create a todo app with React' }));
      return result;
    },
    { main, previewed, other },
  );
}

run("a preview's page against the platform, in Chromium", () => {
  let fx: PlatformFixture;
  let server: RunningServer;
  let browser: Browser;
  let previewed: string;
  let other: string;
  let previewUrl: string;

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 120_000 }));
    previewed = await generate(fx, SITE);
    other = await generate(fx, SITE);
    await api(server, 'POST', previewed);
    const preview = await waitSettled(server, previewed, 120_000);
    expect(preview.status).toBe('running');
    previewUrl = preview.url;
    browser = await launch();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fx?.close();
  });

  const runCount = async () => (await fx.platform.runner.listRuns({ limit: 200 })).runs.length;

  it('reads nothing and changes nothing for a loopback visitor (no keys)', async () => {
    const before = await runCount();
    const { page, context } = await openPage(browser);
    await page.goto(previewUrl);
    expect(new URL(page.url()).origin).toBe(ownOrigin(server, previewed));
    expect(await attack(page, server.url, previewed, other)).toEqual({ readUi: 'blocked', readApi: 'blocked' });
    expect((await api(server, 'GET', other)).status).toBe(404);
    expect((await api(server, 'GET', previewed)).body.status).toBe('running');
    expect(await runCount()).toBe(before);
    await context.close();
  });

  it('changes nothing for a signed-in visitor, whose key cookie the preview origin is not sent', async () => {
    const { key } = await createApiKey(fx.platform.db, { name: 'visitor', scope: 'admin' });
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/ui/login`);
    await page.getByLabel(/key/i).fill(key);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${server.url}/`);
    const before = await runCount();
    await page.goto(previewUrl);
    // Cookies ignore ports but not hosts: the UI's cookie (host 127.0.0.1) is not sent to <id>.localhost,
    // though it still is to the shared preview host, where the origin checks stand in the way.
    expect((await context.cookies(previewUrl)).map((c) => c.name)).not.toContain('qlayer_key');
    expect((await context.cookies(server.previewUrl)).map((c) => c.name)).toContain('qlayer_key');
    expect(await attack(page, server.url, previewed, other)).toEqual({ readUi: 'blocked', readApi: 'blocked' });
    const headers = { Authorization: `Bearer ${key}` };
    expect((await fetch(`${server.url}/api/v1/runs/${other}/preview`, { headers })).status).toBe(404);
    const still = (await (await fetch(`${server.url}/api/v1/runs/${previewed}/preview`, { headers })).json()) as { status: string };
    expect(still.status).toBe('running');
    expect(await runCount()).toBe(before);
    await context.close();
  });
});
