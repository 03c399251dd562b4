import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { hasChromium, launch, openPage, screenshot } from '../ui/helpers/browser.ts';
import { api, generate, ownOrigin, previewServer, rawGet, skipE2E } from './helpers.ts';

/**
 * A person previewing a generated todo app from its run page in Debian's Chromium: Start from
 * the keyboard, the section updating in place until the app shows in a frame, a todo added
 * inside the frame, then Stop. Needs the npm registry (React and Vite are installed);
 * QLAYER_SKIP_E2E=1 skips it, as does a machine without Chromium outside CI.
 */
const run = !skipE2E && (hasChromium || process.env.CI) ? describe : describe.skip;

run('preview from the run page in Chromium', () => {
  let fx: PlatformFixture | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fx?.close();
  });

  it('starts the todo app, adds a todo inside the frame, and stops it', async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 2, idleTimeoutMs: 300_000, startTimeoutMs: 300_000 }));
    const id = await generate(fx, 'Create a todo app with React');
    browser = await launch();
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${server.url}/ui/runs/${id}`);
    const section = page.locator('#preview');
    expect(await section.getAttribute('data-preview-status')).toBe('none');
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    await page.getByRole('button', { name: 'Start preview' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => section.getAttribute('data-preview-status'), { timeout: 10_000 }).toBe('starting');
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('Starting the preview.');
    await screenshot(page, 'preview-starting');
    await expect.poll(() => section.getAttribute('data-preview-status'), { timeout: 300_000, interval: 1_000 }).toBe('running');
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('The preview is running.');
    // Updated in place by the script, not by a reload.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // The app is framed from the previews' own origin, so it cannot reach into the page around it.
    const iframe = page.locator('#preview iframe[title^="Preview of "]');
    expect(await iframe.getAttribute('src')).toBe(`${ownOrigin(server, id)}/preview/${id}/`);
    const framed = await (await iframe.elementHandle())?.contentFrame();
    await framed?.waitForLoadState();
    expect(new URL(framed?.url() ?? '').origin).toBe(ownOrigin(server, id));
    expect(await framed?.evaluate(() => {
      try {
        return window.parent.document.title;
      } catch {
        return 'blocked';
      }
    })).toBe('blocked');
    const frame = page.frameLocator('#preview iframe[title^="Preview of "]');
    await frame.getByRole('textbox').first().fill('Buy oat milk');
    await frame.getByRole('button', { name: /add/i }).first().click();
    await frame.getByRole('list').first().getByText('Buy oat milk').waitFor({ timeout: 10_000 });
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'preview-running');
    expect((await api(server, 'GET', id)).body.status).toBe('running');

    await page.getByRole('button', { name: 'Stop preview' }).click();
    await expect.poll(() => section.getAttribute('data-preview-status'), { timeout: 30_000 }).toBe('stopped');
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('The preview is stopped.');
    expect(await section.locator('iframe').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start preview again' }).isVisible()).toBe(true);
    expect((await api(server, 'GET', id)).body.status).toBe('stopped');
    expect((await rawGet(server, `/preview/${id}/`)).status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  }, 600_000);
});
