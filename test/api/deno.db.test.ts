import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, freshDb, postgresUrl, type TestDb } from '../helpers/db.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// The npm package `deno` (a devDependency) links its binary here.
const DENO = join(ROOT, 'node_modules/.bin/deno');
const hasDeno = existsSync(DENO);
if (!hasDeno && process.env.CI === 'true') throw new Error(`the Deno binary is missing at ${DENO}: run npm ci (the deno package ships it)`);

const SMOKE_WORKFLOW = `name: deno-smoke
inputs:
  prompt: { type: string }
steps:
  - id: parse
    uses: parser/parse
    with: { prompt: '\${{ inputs.prompt }}' }
`;

let child: ChildProcess | undefined;
let url = '';
let dataDir: string | undefined;
let db: TestDb | undefined;
const output: string[] = [];

/** Starts `deno run -A api/deno.ts` on a temporary PGlite directory, or a fresh PostgreSQL schema. */
async function startDeno(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  delete env.DATABASE_URL;
  delete env.QLAYER_CONFIG;
  if (backend === 'postgres') {
    db = await freshDb();
    // postgres.js sends unknown URL parameters as connection settings: the process sees only its schema.
    env.DATABASE_URL = `${postgresUrl}?search_path=${db.schema}`;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'qlayer-deno-'));
    env.QLAYER_DATA_DIR = join(dataDir, 'pgdata');
  }
  child = spawn(DENO, ['run', '-A', 'api/deno.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`deno did not start in time:\n${output.join('')}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /"msg":"listening".*?"url":"(http:\/\/[^"]+)"/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`deno exited with ${code}:\n${output.join('')}`));
    });
  });
}

beforeAll(async () => {
  if (hasDeno) await startDeno();
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!hasDeno)(`the same API under Deno (${backend})`, () => {
  it('serves probes, REST, SSE and GraphQL from api/deno.ts', async () => {
    expect(output.join('')).toContain('"runtime":"deno"');
    expect(output.join('')).toContain('only loopback clients are accepted');
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready', database: true });
    const plugins = (await (await fetch(`${url}/api/v1/plugins`)).json()) as { name: string }[];
    expect(plugins.map((p) => p.name)).toContain('parser');

    const registered = await fetch(`${url}/api/v1/workflows`, { method: 'POST', headers: { 'Content-Type': 'text/yaml' }, body: SMOKE_WORKFLOW });
    expect(registered.status).toBe(201);
    const started = await fetch(`${url}/api/v1/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `deno-${crypto.randomUUID()}` },
      body: JSON.stringify({ prompt: 'a todo list app', workflow: 'deno-smoke' }),
    });
    expect(started.status).toBe(201);
    const run = (await started.json()) as { id: string };

    // The in-process worker runs it; the event stream ends after the final event.
    const stream = await fetch(`${url}/api/v1/runs/${run.id}/events`, { signal: AbortSignal.timeout(60_000) });
    expect(stream.headers.get('Content-Type')).toContain('text/event-stream');
    const text = await stream.text();
    expect(text).toContain('"type":"run.completed"');
    expect(text).toContain('event: end');

    const read = (await (await fetch(`${url}/api/v1/runs/${run.id}`)).json()) as { status: string; steps: { key: string; status: string }[] };
    expect(read.status).toBe('completed');
    expect(read.steps).toEqual([expect.objectContaining({ key: 'parse', status: 'completed' })]);

    const gql = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `{ health { ok } run(id: "${run.id}") { status events { type } } }` }),
    });
    const data = (await gql.json()) as { data: { health: { ok: boolean }; run: { status: string; events: { type: string }[] } } };
    expect(data.data.health.ok).toBe(true);
    expect(data.data.run.events.at(-1)!.type).toBe('run.completed');
    // Previews run child processes, which only the Node entry provides: a typed refusal here.
    const preview = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `mutation { startPreview(runId: "${run.id}") { status } }` }),
    });
    const refused = (await preview.json()) as { errors: { extensions: { code: string; status: number } }[] };
    expect(refused.errors[0]!.extensions).toEqual({ code: 'previews_unsupported', status: 501 });

    const bad = await fetch(`${url}/api/v1/runs`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('workflow');
    expect((await (await fetch(`${url}/api/openapi.json`)).json()).openapi).toBe('3.1.0');
    // On PostgreSQL the Deno process worked in this test's schema, nowhere else.
    if (db) expect(await db.query('select id::text as id from runs')).toEqual([{ id: run.id }]);
  }, 120_000);
});
