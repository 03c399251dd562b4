import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const QLAYER_BIN = join(REPO, 'cli', 'bin.mjs');

export interface DemoServer {
  /** The UI and APIs, e.g. http://127.0.0.1:41234. */
  url: string;
  /** The previews' own origin. */
  previewUrl: string;
  close(): Promise<void>;
}

/**
 * The environment the demo's processes get: the caller's, minus whatever would point them at
 * another database, port or configuration, so the demo always runs on a throw-away PGlite.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['DATABASE_URL', 'PORT', 'HOST', 'QLAYER_CONFIG', 'QLAYER_DATA_DIR', 'QLAYER_PREVIEW_PORT', 'QLAYER_IN_PROCESS_WORKER', 'LOG_LEVEL']) delete env[name];
  return env;
}

/**
 * `qlayer serve` as a user starts it, in a temporary folder (so its embedded database is new
 * and thrown away), on free ports. A child process rather than in this one, so generating apps
 * cannot stall the browser driver's event loop.
 */
export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'qlayer-demo-server-'));
  const child = spawn(process.execPath, [QLAYER_BIN, 'serve', '--host', '127.0.0.1', '--port', '0'], { cwd: dir, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { url, previewUrl } = await listening(child);
    return { url, previewUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits for serve's "serving on <url> (… previews on <url>)" line. */
function listening(child: ChildProcess): Promise<{ url: string; previewUrl: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`qlayer serve did not start within 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /serving on (http:\/\/\S+) \(.*previews on (http:\/\/[^\s)]+)\)/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ url: match[1], previewUrl: match[2] });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`qlayer serve exited with ${code} before listening:\n${output}`));
    });
  });
}
