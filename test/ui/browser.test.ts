import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../../plugins/packager/unzip.ts';
import { hasChromium, launch, openPage, screenshot } from './helpers/browser.ts';
import { addUiTestWorkflows } from './helpers/plugin.ts';
import { uiServer, type UiServer } from './helpers/server.ts';

// The UI in Debian's Chromium against a real server with a worker. Skipped only where there is
// no Chromium and this is not CI (CI installs it, so a missing browser fails there).
const run = hasChromium || process.env.CI ? describe : describe.skip;

let s: UiServer;
let browser: Browser;
let todoRunId = '';

beforeAll(async () => {
  s = await uiServer({ prepare: addUiTestWorkflows });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

/** Marks the document; if it is still marked later, the page was updated in place, not reloaded. */
const mark = (page: Page) => page.evaluate(() => Object.assign(window, { __sameDocument: true }));
const stillSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
const runStatus = (page: Page) => page.locator('#timeline').getAttribute('data-run-status');
const stepStatus = (page: Page, key: string) => page.locator(`li.step[data-key="${key}"]`).getAttribute('data-status');

/** Presses Tab until `accessibleName` has focus; fails if it is not reachable in `max` presses. */
async function tabTo(page: Page, accessibleName: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (name === accessibleName) return;
  }
  throw new Error(`'${accessibleName}' was not reached with Tab`);
}

async function startFromUi(page: Page, prompt: string, workflow?: string): Promise<string> {
  await page.goto(`${s.url}/`);
  await page.getByLabel('What should it be?').fill(prompt);
  if (workflow) {
    await page.getByText('Options').click();
    await page.getByLabel('Workflow').selectOption(workflow);
  }
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
  await mark(page);
  return page.url().split('/').pop()!;
}

run('web UI in Chromium', () => {
  it('generates an app from a typed prompt, shows every step finishing live, opens a file and downloads the zip', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${s.url}/`);
    await screenshot(page, 'generate');
    // Keyboard only: the skip link comes first, then the prompt; Tab reaches the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prompt');
    await page.keyboard.type('Create a todo app with React');
    await tabTo(page, 'Generate');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
    await mark(page);
    todoRunId = page.url().split('/').pop()!;
    // No claim that the run is still going when the page arrives: the in-process worker's
    // validators can hold the server's event loop until the run is nearly done. The streaming
    // and cancel tests below show updates arriving live.

    await expect.poll(() => runStatus(page), { timeout: 120_000, interval: 250 }).toBe('completed');
    await expect.poll(() => page.locator('#run-summary .badge').first().textContent(), { timeout: 10_000 }).toBe('completed');
    expect(await stillSameDocument(page)).toBe(true);
    const steps = await page.locator('li.step').evaluateAll((els) => els.map((el) => [(el as HTMLElement).dataset.key, (el as HTMLElement).dataset.status]));
    expect(steps.map(([key]) => key)).toEqual(expect.arrayContaining(['parse', 'plan', 'code', 'code/module[0]', 'code/module[1]', 'test', 'test/tests[0]', 'review', 'validate', 'package']));
    expect(steps.filter(([, status]) => status !== 'completed')).toEqual([]);
    expect(await page.locator('li.step[data-key="package"] > .step-head .badge').textContent()).toBe('completed');
    expect(await page.locator('#announcer').textContent()).toMatch(/completed/);
    await expect.poll(() => page.getByRole('heading', { name: 'Validation report' }).isVisible()).toBe(true);
    expect(await page.locator('#report').textContent()).toContain('Score 100 out of 100');
    await screenshot(page, 'run-completed');

    // The viewer reads the zip in the page: no navigation, highlighted code.
    await page.locator('#files a[data-path="todo-app/src/App.tsx"]').click();
    await expect.poll(() => page.locator('#viewer h3').textContent()).toBe('todo-app/src/App.tsx');
    expect(page.url()).toBe(`${s.url}/ui/runs/${todoRunId}`);
    expect(await page.locator('#viewer pre.code').textContent()).toContain('export function App');
    expect(await page.locator('#viewer .tok-kw').count()).toBeGreaterThan(3);
    expect(await page.locator('#files a[aria-current="true"]').textContent()).toBe('App.tsx');
    await page.locator('#viewer').scrollIntoViewIfNeeded();
    await screenshot(page, 'run-file-viewer');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download todo-app\.zip/ }).click()]);
    expect(download.suggestedFilename()).toBe('todo-app.zip');
    const entries = readZip(readFileSync((await download.path())!));
    const run = await s.fx.platform.runner.getRun(todoRunId);
    // The generated files plus qlayer.json and .qlayer/base.json.
    expect(entries.length).toBe((run.output as { files: number }).files + 2);
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(['todo-app/package.json', 'todo-app/src/App.tsx', 'todo-app/README.md']));
    expect(entries.find((e) => e.path === 'todo-app/package.json')?.content).toContain('"react"');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('streams text and retries into the timeline as they happen', async () => {
    const { page, errors, context } = await openPage(browser);
    await startFromUi(page, 'stream some text', 'ui-stream');
    const stream = page.locator('li.step[data-key="write"] pre.stream');
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const text = (await stream.count()) > 0 ? await stream.textContent() : '';
          if (text) seen.add(text);
          return text;
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe('Hello, streamed <world>');
    // Seen growing chunk by chunk, not arriving whole at the end.
    expect(seen.size).toBeGreaterThanOrEqual(2);
    await expect.poll(() => runStatus(page), { timeout: 20_000 }).toBe('completed');
    await expect.poll(() => page.locator('li.step[data-key="write"] .attempts').textContent()).toBe('attempt 2 of 3');
    const history = await page.locator('li.step[data-key="write"] .history').textContent();
    expect(history).toContain('Attempt 1 failed (the first attempt fails on purpose); attempt 2 in');
    const log = page.locator('li.step[data-key="write"] ol.log');
    expect(await log.textContent()).toContain('done <b>streaming</b>');
    expect(await log.locator('b').count()).toBe(0);
    expect(await page.locator('li.step[data-key="write"] progress').getAttribute('value')).toBe('100');
    expect(await stillSameDocument(page)).toBe(true);
    await screenshot(page, 'run-streamed');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a failed run with the failing step, its reason and a retry button', async () => {
    const { page, errors, context } = await openPage(browser);
    await startFromUi(page, 'make me a sandwich');
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('failed');
    await expect.poll(() => stepStatus(page, 'parse')).toBe('failed');
    expect(await page.locator('li.step[data-key="parse"] .step-error').textContent()).toMatch(/\S/);
    await expect.poll(() => page.locator('#run-summary .notice-error').textContent()).toMatch(/^Failed:/);
    expect(await page.getByRole('button', { name: 'Retry from the failed steps' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel run' }).count()).toBe(0);
    expect(await stillSameDocument(page)).toBe(true);
    await screenshot(page, 'run-failed');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('cancels a running run from the keyboard, then retries it, without reloading', async () => {
    const { page, errors, context } = await openPage(browser);
    const id = await startFromUi(page, 'wait for a long time', 'ui-wait');
    await expect.poll(() => stepStatus(page, 'wait'), { timeout: 20_000 }).toBe('running');
    await page.getByRole('button', { name: 'Cancel run' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => runStatus(page), { timeout: 20_000 }).toBe('cancelled');
    await expect.poll(() => stepStatus(page, 'wait')).toBe('cancelled');
    expect(await page.locator('#run-summary .badge').first().textContent()).toBe('cancelled');
    // The button that had focus is gone; focus is on the run's heading, not lost to the body.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-h');
    await screenshot(page, 'run-cancelled');

    await page.getByRole('button', { name: 'Retry from the failed steps' }).click();
    await expect.poll(() => runStatus(page), { timeout: 20_000 }).toBe('running');
    await expect.poll(() => stepStatus(page, 'wait'), { timeout: 20_000 }).toBe('running');
    expect(await stillSameDocument(page)).toBe(true);
    await s.fx.platform.runner.cancel(id, 'test over');
    await expect.poll(() => runStatus(page), { timeout: 20_000 }).toBe('cancelled');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('validates a workflow in place, jumps to a problem line, and registers the fixed one', async () => {
    const { page, errors, context } = await openPage(browser);
    await page.goto(`${s.url}/ui/workflows/new`);
    await mark(page);
    const broken = 'name: from-the-ui\nsteps:\n  - id: echo\n    uses: uitest/nope\n    with: { prompt: hi }\n';
    await page.getByLabel('Workflow YAML').fill(broken);
    await page.getByRole('button', { name: 'Validate' }).click();
    const link = page.locator('#editor-result a[data-line="4"]');
    await link.waitFor();
    expect(await page.locator('#editor-result [role="alert"]').textContent()).toContain('The workflow has 1 problem');
    expect(await page.locator('#editor-result .has-issue').textContent()).toBe('    uses: uitest/nope');
    expect(page.url()).toBe(`${s.url}/ui/workflows/new`);
    await screenshot(page, 'workflow-issues');
    await link.click();
    const caret = await page.evaluate(() => {
      const t = document.getElementById('source') as HTMLTextAreaElement;
      return { focused: document.activeElement === t, line: t.value.slice(0, t.selectionStart).split('\n').length };
    });
    expect(caret).toEqual({ focused: true, line: 4 });
    expect(await stillSameDocument(page)).toBe(true);

    await page.getByLabel('Workflow YAML').fill(broken.replace('uitest/nope', 'uitest/echo'));
    await page.getByRole('button', { name: 'Register' }).click();
    await page.waitForURL(/\/ui\/workflows\/[0-9a-f]{64}\?registered=new$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('from-the-ui');
    expect(await page.getByText('Registered. New runs of from-the-ui use this version.').isVisible()).toBe(true);
    await screenshot(page, 'workflow-registered');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('renders runs, workflows, plugins and health with labelled controls and keyboard focus', async () => {
    const { page, errors, context } = await openPage(browser);
    for (const [path, name, heading] of [
      ['/ui/runs', 'runs', 'Runs'],
      ['/ui/runs?status=failed', 'runs-failed', 'Runs'],
      ['/ui/workflows', 'workflows', 'Workflows'],
      ['/ui/plugins', 'plugins', 'Plugins'],
      ['/ui/health', 'health', 'Health'],
    ] as const) {
      await page.goto(s.url + path);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
      const unlabelled = await page.locator('input:not([type=hidden]), select, textarea').evaluateAll((els) =>
        els.filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label')).map((el) => el.outerHTML),
      );
      expect(unlabelled).toEqual([]);
      // Whatever is clickable is a link or a button, never a scripted div.
      expect(await page.locator('[onclick], div[tabindex]:not([tabindex="-1"]), span[tabindex]').count()).toBe(0);
      await screenshot(page, name);
    }
    await page.goto(`${s.url}/ui/runs?status=failed`);
    expect(await page.locator('tbody .badge').allTextContents()).toEqual(expect.arrayContaining(['failed']));
    expect((await page.locator('tbody .badge').allTextContents()).every((t) => t === 'failed')).toBe(true);
    await page.goto(`${s.url}/ui/health`);
    expect(await page.locator('#health').textContent()).toContain('a worker is running');
    await page.goto(`${s.url}/ui/workflows`);
    await page.getByRole('link', { name: 'generate-app', exact: true }).click();
    expect(await page.locator('pre.code').textContent()).toContain('uses: parser/parse');
    await screenshot(page, 'workflow-view');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits a phone screen without sideways scrolling', async () => {
    expect(todoRunId).not.toBe('');
    const { page, errors, context } = await openPage(browser, { phone: true });
    for (const [path, name] of [
      ['/', 'phone-generate'],
      [`/ui/runs/${todoRunId}`, 'phone-run'],
      ['/ui/runs', 'phone-runs'],
      ['/ui/plugins', 'phone-plugins'],
    ] as const) {
      await page.goto(s.url + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await screenshot(page, name);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('works as plain pages with scripts off: generate, follow by reloading, read a file, validate', async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${s.url}/`);
    await page.getByRole('button', { name: 'Create a todo app with React' }).click();
    await page.waitForURL(/\?prompt=/);
    expect(await page.getByLabel('What should it be?').inputValue()).toBe('Create a todo app with React');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await s.fx.platform.runner.waitForRun(id, { timeoutMs: 120_000 });
    await page.reload();
    expect(await runStatus(page)).toBe('completed');
    expect(await page.locator('li.step[data-status="completed"]').count()).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#report').textContent()).toContain('Score 100 out of 100');
    await screenshot(page, 'nojs-run');
    await page.locator('#files a[data-path="todo-app/package.json"]').click();
    await page.waitForURL(/\/files\/todo-app\/package\.json$/);
    expect(await page.locator('pre.code').textContent()).toContain('"name": "todo-app"');
    await screenshot(page, 'nojs-file');

    await page.goto(`${s.url}/ui/workflows/new`);
    await page.getByLabel('Workflow YAML').fill('name: nojs\nsteps:\n  - id: a\n    uses: nope/nope\n');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.waitForURL(/\/ui\/workflows\/validate$/);
    expect(await page.locator('#editor-result a[data-line="4"]').count()).toBe(1);
    await screenshot(page, 'nojs-workflow-issues');
    await context.close();
  }, 180_000);
});
