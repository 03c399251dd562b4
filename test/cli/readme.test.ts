import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './run-cli.ts';

/**
 * The README's first commands, exactly as written, from the repository's root: the main job
 * (`npm start`) must serve, and the 60-second tour must generate, install, test, build and
 * start the todo app. QLAYER_SKIP_E2E=1 skips the tour (it installs from the npm registry).
 */
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
const commands = (block: string) =>
  block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);

const scratch = mkdtempSync(join(tmpdir(), 'qlayer-readme-'));
const cleanups: (() => void)[] = [() => rmSync(scratch, { recursive: true, force: true })];
afterAll(() => cleanups.forEach((c) => c()));

interface Started {
  output(): string;
  exited: Promise<number | null>;
  stop(): void;
}

function sh(command: string, cwd: string, env: Record<string, string>): Started {
  const child = spawn('bash', ['-c', command], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

async function untilHttp(url: string, started: Started, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > deadline) throw new Error(`nothing answered at ${url}:\n${started.output().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

describe('README', () => {
  it('opens with the two set-up commands: the main job and the tests', () => {
    const first = commands(blocks[0]!);
    expect(first).toEqual(['npm install && npm start', 'npm install && npm test']);
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
  });

  it('`npm install && npm start` serves the UI and API on the embedded database', async () => {
    const port = 30_000 + Math.floor(Math.random() * 20_000);
    const started = sh(commands(blocks[0]!)[0]!, REPO, { PORT: String(port), QLAYER_DATA_DIR: join(scratch, 'serve-data') });
    cleanups.push(() => started.stop());
    const health = await untilHttp(`http://127.0.0.1:${port}/healthz`, started, 120_000);
    expect(health.status).toBe(200);
    const ui = await fetch(`http://127.0.0.1:${port}/`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toContain('text/html');
    started.stop();
    await started.exited;
  }, 180_000);

  it.skipIf(process.env.QLAYER_SKIP_E2E === '1')('the 60-second tour works as written', async () => {
    const tour = commands(blocks.find((b) => b.includes('qlayer generate'))!);
    expect(tour[1]).toBe('npx qlayer generate "Create a todo app with React" -o todo-app');
    const env = { QLAYER_DATA_DIR: join(scratch, 'tour-data'), PORT: String(30_000 + Math.floor(Math.random() * 20_000)) };
    cleanups.push(() => rmSync(join(REPO, 'todo-app'), { recursive: true, force: true }));
    rmSync(join(REPO, 'todo-app'), { recursive: true, force: true });
    for (const command of tour.slice(0, -1)) {
      const ran = sh(command, REPO, env);
      const code = await ran.exited;
      expect(code, `${command}\n${ran.output().slice(-4000)}`).toBe(0);
    }
    // The last line ends in `npm start`, which keeps serving: run it, use it, stop it.
    const last = sh(tour.at(-1)!, REPO, env);
    cleanups.push(() => last.stop());
    const page = await untilHttp(`http://127.0.0.1:${env.PORT}/`, last, 300_000);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    last.stop();
    await last.exited;
  }, 600_000);
});
