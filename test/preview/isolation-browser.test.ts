import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { hasChromium, launch, openPage } from '../ui/helpers/browser.ts';
import { api, generate, ownOrigin, previewServer, skipE2E, waitSettled } from './helpers.ts';

/**
 * Two previews open side by side in Chromium, each on its own origin (`<run id>.localhost`): what
 * one page's scripts write to localStorage and document.cookie, the other cannot read, nor can
 * either read the other's pages or call the platform's API. The scripts here run in the preview's
 * page, as the app's own would. Static sites (nothing to install); QLAYER_SKIP_E2E=1 skips it.
 */
const SITE = 'a static website for a bakery with home, menu, about and contact pages';
const run = !skipE2E && (hasChromium || process.env.CI) ? describe : describe.skip;

run('two previews side by side, in Chromium', () => {
  let fx: PlatformFixture;
  let server: RunningServer;
  let browser: Browser;
  let first = '';
  let second = '';
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 120_000, startTimeoutMs: 180_000 }));
    first = await generate(fx, SITE);
    second = await generate(fx, SITE);
    await api(server, 'POST', first);
    await api(server, 'POST', second);
    for (const id of [first, second]) {
      const preview = await waitSettled(server, id, 180_000);
      expect(preview.status, preview.output).toBe('running');
      urls[id] = preview.url;
    }
    browser = await launch();
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fx?.close();
  });

  const storage = (page: Page) => page.evaluate(() => ({ local: localStorage.getItem('secret'), cookie: document.cookie }));

  it('keeps localStorage and cookies of one invisible to the other, and neither reaches the other or the platform', async () => {
    expect(new URL(urls[first]!).origin).toBe(ownOrigin(server, first));
    expect(new URL(urls[second]!).origin).toBe(ownOrigin(server, second));
    const { page: a, context } = await openPage(browser);
    const b = await context.newPage();
    await a.goto(urls[first]!);
    await b.goto(urls[second]!);
    expect(new URL(a.url()).origin).toBe(ownOrigin(server, first));
    expect(new URL(b.url()).origin).toBe(ownOrigin(server, second));

    await a.evaluate(() => {
      localStorage.setItem('secret', 'from the first preview');
      document.cookie = 'secret=first; path=/';
      // A cookie for every *.localhost host, if the browser took it, would reach the other preview.
      document.cookie = 'shared=first; path=/; domain=localhost';
    });
    expect(await storage(a)).toMatchObject({ local: 'from the first preview' });
    expect((await storage(a)).cookie).toContain('secret=first');
    await b.reload();
    expect(await storage(b)).toEqual({ local: null, cookie: '' });
    const cookies = await context.cookies(urls[second]!);
    expect(cookies).toEqual([]);

    const reach = (page: Page, targets: string[]) =>
      page.evaluate(async (list) => {
        const out: Record<string, string> = {};
        for (const url of list) {
          try {
            const response = await fetch(url, { credentials: 'include' });
            out[url] = `read ${response.status}`;
          } catch {
            out[url] = 'blocked';
          }
        }
        return out;
      }, targets);
    const fromB = await reach(b, [urls[first]!, `${server.url}/api/v1/runs`, `${server.url}/graphql?query=%7Bhealth%7Bok%7D%7D`]);
    expect(Object.values(fromB)).toEqual(['blocked', 'blocked', 'blocked']);
    const fromA = await reach(a, [`${ownOrigin(server, first)}/preview/${second}/`, `${server.url}/api/v1/runs/${second}/preview`]);
    // Same origin as A, but another preview's path: the listener answers 404 and shows nothing of it.
    expect(fromA[`${ownOrigin(server, first)}/preview/${second}/`]).toBe('read 404');
    expect(fromA[`${server.url}/api/v1/runs/${second}/preview`]).toBe('blocked');
    await context.close();
  }, 120_000);
});
