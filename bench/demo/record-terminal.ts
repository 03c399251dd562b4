import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { captureToHtml } from './ansi.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './requirements.ts';
import { DEMO_PROMPT } from './selectors.ts';
import { QLAYER_BIN } from './server.ts';
import type { Frame, Recording, Stage } from './timeline.ts';
import { startTerminal, type Capture } from './tmux.ts';

const SIZE = { columns: 100, rows: 30 };
/** How often the pane is read; only captures that differ from the last become frames. */
const SAMPLE_MS = 100;

/**
 * The terminal half of the walkthrough: `qlayer generate` with its live progress, then the
 * generated project installed, tested and started, in a real bash inside tmux. The pane is read
 * every SAMPLE_MS and each new picture is drawn by Chromium afterwards.
 */
export async function recordTerminal(work: string, log: (line: string) => void): Promise<Recording> {
  const home = mkdtempSync(join(tmpdir(), 'qlayer-'));
  const demo = join(home, 'demo');
  const bin = join(home, 'bin');
  mkdirSync(demo);
  mkdirSync(bin);
  // `qlayer` on the PATH, as `npm install -g` or `npx` would give it.
  symlinkSync(QLAYER_BIN, join(bin, 'qlayer'));
  const env: Record<string, string> = {
    HOME: process.env.HOME ?? home,
    PATH: [bin, dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    // Less noise, same installs: no audit summary, funding appeal or update notice.
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const terminal = await startTerminal(work, demo, env, SIZE);
  const captures: Capture[] = [];
  const stages: Stage[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const capture = await terminal.capture();
      const last = captures.at(-1);
      if (!last || last.text !== capture.text || last.cursor.x !== capture.cursor.x || last.cursor.y !== capture.cursor.y) captures.push(capture);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  const stage = (caption: string, maxSeconds?: number) => {
    log(caption);
    stages.push({ caption, at: Date.now() / 1000, ...(maxSeconds === undefined ? {} : { maxSeconds }) });
  };
  /** Types a command and waits for the prompt to come back; a failing command stops the demo. */
  const run = async (command: string, timeoutMs: number) => {
    await terminal.type(command);
    const status = await terminal.nextPrompt(timeoutMs);
    if (status !== 0) throw new Error(`'${command}' exited with ${status}`);
  };

  try {
    await terminal.nextPrompt(10_000);
    stage('1. qlayer generate: every step printed as it runs', 12);
    await run(`qlayer generate "${DEMO_PROMPT}" -o todo-app`, 300_000);
    stage('2. The project it wrote');
    await run('cd todo-app && ls', 10_000);
    stage('3. npm install', 5);
    await run('npm install', 600_000);
    stage("4. npm test: the app's own tests pass", 8);
    await run('npm test', 300_000);
    stage('5. npm start: builds the app and serves it', 8);
    await terminal.type('npm start');
    await untilScreenShows(terminal, /Local:\s+http:\/\/\S+/, 300_000);
    // Shown serving for a moment before Ctrl-C; the cut holds the last picture anyway.
    const end = Date.now() / 1000 + 0.5;
    await new Promise((resolve) => setTimeout(resolve, 500));
    sampling = false;
    await sampler;
    await terminal.interrupt();
    await terminal.nextPrompt(30_000).catch(() => 130);
    log(`${captures.length} distinct terminal pictures; drawing them`);
    return { frames: await draw(captures, work), stages, end };
  } finally {
    sampling = false;
    await sampler.catch(() => {});
    await terminal.close();
    rmSync(home, { recursive: true, force: true });
  }
}

async function untilScreenShows(terminal: { capture(): Promise<Capture> }, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test((await terminal.capture()).text.replace(/\x1b\[[0-9;]*m/g, ''))) {
    if (Date.now() > deadline) throw new Error(`the terminal never showed ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
  }
}

const PAGE = `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; background: #0d1117; }
.window { display: inline-block; background: #0d1117; }
.bar { height: 30px; background: #21262d; color: #8b949e; font: 13px 'DejaVu Sans', sans-serif; display: flex; align-items: center; padding: 0 12px; gap: 8px; }
.dot { width: 12px; height: 12px; border-radius: 50%; background: #484f58; }
.title { flex: 1; text-align: center; margin-right: 52px; }
pre { margin: 0; padding: 12px 16px; color: #e6edf3; font: 16px/1.3 'DejaVu Sans Mono', monospace; width: ${SIZE.columns}ch; height: ${SIZE.rows * 1.3}em; box-sizing: content-box; white-space: pre; overflow: hidden; }
.cursor { background: #e6edf3; color: #0d1117; }
</style><div class="window"><div class="bar"><span class="dot"></span><span class="dot"></span><span class="dot"></span><span class="title">bash</span></div><pre id="screen"></pre></div>`;

/** Each capture drawn by Chromium, as a PNG. */
async function draw(captures: Capture[], dir: string): Promise<Frame[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 }, deviceScaleFactor: 1 });
    await page.setContent(PAGE);
    const window = page.locator('.window');
    const frames: Frame[] = [];
    for (const [i, capture] of captures.entries()) {
      await page.locator('#screen').evaluate((el, html) => (el.innerHTML = html), captureToHtml(capture.text, capture.cursor));
      const file = join(dir, `terminal-${String(i).padStart(5, '0')}.png`);
      await window.screenshot({ path: file });
      frames.push({ file, at: capture.at });
    }
    return frames;
  } finally {
    await browser.close();
  }
}
