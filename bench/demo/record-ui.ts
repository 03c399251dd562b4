import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { readZip } from '../../plugins/packager/unzip.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './requirements.ts';
import { startScreencast } from './screencast.ts';
import { css, DEMO_FILE, DEMO_PROMPT, DEMO_TODO, selectors, type SelectorName } from './selectors.ts';
import { startDemoServer } from './server.ts';
import type { Recording, Stage } from './timeline.ts';

const VIEWPORT = { width: 1280, height: 800 };
/** Keystrokes at a pace a viewer can follow; what the script waits on is always a UI state. */
const TYPING_DELAY_MS = 45;

/**
 * The generated todo app's controls, by accessible role and name rather than markup, as
 * test/preview/ui-browser.test.ts selects them, so changes to the app's views do not break the demo.
 */
const todoApp = {
  input: (app: FrameLocator) => app.getByRole('textbox').first(),
  add: (app: FrameLocator) => app.getByRole('button', { name: /^add/i }).first(),
  item: (app: FrameLocator, text: string) => app.getByRole('list').getByText(text).first(),
};

export interface UiRecording extends Recording {
  /** What the walkthrough produced, for the report at the end. */
  facts: { runId: string; zip: string; zipFiles: number; zipBytes: number };
}

/**
 * A new user's first minutes, in Chromium against `qlayer serve` on a throw-away database:
 * describe the app, watch the steps, read a file, preview the app and add a todo in it, download
 * the zip. Each stage is captioned from the moment it starts; every wait is for a UI state.
 */
export async function recordUi(work: string, log: (line: string) => void): Promise<UiRecording> {
  log('starting qlayer serve on a throw-away embedded database…');
  const server = await startDemoServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/`);
    const cast = await startScreencast(page, work, VIEWPORT);
    const stages: Stage[] = [];
    const stage = (caption: string, maxSeconds?: number): Stage => {
      log(caption);
      const s: Stage = { caption, at: cast.now(), ...(maxSeconds === undefined ? {} : { maxSeconds }) };
      stages.push(s);
      return s;
    };
    const $ = (name: SelectorName) => page.locator(css(selectors[name]));

    // Typing takes 1.5 s on an idle machine; on a busy one each key waits, so it is sped up.
    stage('1. Describe the app you want in a sentence', 4);
    await $('promptBox').focus();
    await page.keyboard.type(DEMO_PROMPT, { delay: TYPING_DELAY_MS });

    stage('2. Generate: every step runs live, on a durable step runner', 10);
    await press(page, $('generateButton'));
    await page.waitForURL(/\/ui\/runs\/[0-9a-f-]{36}$/);
    const runId = page.url().split('/').pop() ?? '';
    await scrollTo($('timeline'));
    await $('timelineCompleted').waitFor({ state: 'attached', timeout: 180_000 });
    await $('report').waitFor({ timeout: 30_000 });

    const scored = stage('3. Reviewed and validated');
    await scrollTo($('report'));
    const score = /Score (\d+) out of 100/.exec((await $('report').textContent()) ?? '')?.[1];
    if (score) scored.caption = `3. Reviewed and validated: score ${score} / 100`;

    stage(`4. Read the generated code (${DEMO_FILE.split('/').pop()})`);
    await scrollTo($('filesSection'));
    await press(page, $('fileLink'));
    await $('viewerHeading').waitFor({ timeout: 30_000 });
    await scrollTo($('viewerHeading'));

    stage('5. Start a live preview: install, build and start it in a sandbox', 8);
    await scrollTo($('previewNone'));
    await press(page, $('previewStart'));
    await $('previewStarting').or($('previewRunning')).first().waitFor({ timeout: 30_000 });
    await $('previewRunning').waitFor({ timeout: 300_000 });
    const frame = page.frameLocator(css(selectors.previewFrame));
    await todoApp.input(frame).waitFor({ timeout: 60_000 });
    await scrollTo($('previewFrame'));

    stage('6. Use the app in the preview: add a todo', 6);
    await todoApp.input(frame).focus();
    await page.keyboard.type(DEMO_TODO, { delay: TYPING_DELAY_MS });
    await press(page, todoApp.add(frame));
    await todoApp.item(frame, DEMO_TODO).waitFor({ timeout: 30_000 });

    const downloaded = stage('7. Download the project as a zip');
    await scrollTo($('downloadLink'));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), press(page, $('downloadLink'))]);
    const zip = join(work, download.suggestedFilename());
    await download.saveAs(zip);
    const bytes = readFileSync(zip);
    const zipFiles = readZip(bytes).length;
    downloaded.caption = `7. Download the project: ${download.suggestedFilename()}, ${zipFiles} files, ready for npm install`;
    // The last picture stays up while the caption is read; no further paint is awaited.
    const end = cast.now();
    await cast.stop();
    if (errors.length > 0) throw new Error(`the UI reported script errors during the demo:\n${errors.join('\n')}`);
    await context.close();
    return { frames: cast.frames, stages, end, facts: { runId, zip, zipFiles, zipBytes: bytes.length } };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Keyboard focus, then Enter: the page shows its own focus ring, so the viewer sees what is pressed. */
async function press(page: Page, target: Locator): Promise<void> {
  await target.focus();
  await page.keyboard.press('Enter');
}

/** Scrolls smoothly until `target` is at the top, and waits for the scrolling to end. */
async function scrollTo(target: Locator): Promise<void> {
  await target.evaluate(
    (el) =>
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      new Promise<void>((resolve) => {
        addEventListener('scrollend', () => resolve(), { once: true });
        // scrollend does not fire when there is nothing to scroll.
        setTimeout(resolve, 1500);
        el.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }),
  );
}
