import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchUpstream, PreviewManager, type PreviewKind } from '../../core/preview/index.ts';

/**
 * The manager with hand-made apps (no dependencies, so `npm install` needs no registry): a
 * failing build and a crashing server report why with the app's output, and a server's
 * environment holds none of the platform's secrets.
 */
function app(scripts: Record<string, string>, files: Record<string, string> = {}): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'demo/package.json': strToU8(JSON.stringify({ name: 'demo', version: '1.0.0', private: true, scripts })) };
  for (const [path, content] of Object.entries(files)) entries[`demo/${path}`] = strToU8(content);
  return zipSync(entries);
}

let manager: PreviewManager | undefined;
afterEach(async () => {
  await manager?.close();
  manager = undefined;
});

function managerFor(kind: PreviewKind, zip: Uint8Array): PreviewManager {
  manager = new PreviewManager({ maxRunning: 2, idleTimeoutMs: 60_000, startTimeoutMs: 60_000, source: async () => ({ kind, name: 'demo', zip }) });
  return manager;
}

async function settled(m: PreviewManager, id: string) {
  for (;;) {
    const info = m.get(id);
    if (info && info.status !== 'starting') return info;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ID = '11111111-1111-4111-8111-111111111111';

describe('PreviewManager', () => {
  it('reports a failed build with the tail of its output', async () => {
    const m = managerFor('static-site', app({ build: 'node -e "console.error(\'no pages to build\'); process.exit(2)"' }));
    expect((await m.start(ID)).status).toBe('starting');
    const info = await settled(m, ID);
    expect(info.status).toBe('failed');
    expect(info.output).toContain('preview build failed: it exited with 2');
    expect(info.output).toContain('no pages to build');
    expect(m.target(ID)).toBeUndefined();
  }, 60_000);

  it('reports a server that exits before answering', async () => {
    const m = managerFor('rest-api', app({ build: 'node -e ""', start: 'node -e "console.error(\'cannot open the database\'); process.exit(3)"' }));
    await m.start(ID);
    const info = await settled(m, ID);
    expect(info.status).toBe('failed');
    expect(info.output).toContain('the server exited with 3');
    expect(info.output).toContain('cannot open the database');
  }, 60_000);

  it('starts a server on PORT with no secrets in its environment', async () => {
    const server = "require('http').createServer((q, s) => s.end(JSON.stringify(process.env))).listen(Number(process.env.PORT), '127.0.0.1')";
    process.env.QLAYER_PREVIEW_TEST_SECRET = 'hunter2';
    process.env.OPENAI_API_KEY = 'sk-test';
    try {
      const m = managerFor('rest-api', app({ build: 'node -e ""', start: 'node server.js' }, { 'server.js': server }));
      const started = await m.start(ID);
      expect(started.path).toBe(`/preview/${ID}/openapi.json`);
      const info = await settled(m, ID);
      expect(info).toMatchObject({ status: 'running' });
      const target = m.target(ID);
      if (target?.type !== 'server') throw new Error(`expected a server, got ${JSON.stringify(target)}`);
      const env = (await (await fetchUpstream(target.socket, '/')).json()) as Record<string, string>;
      expect(Number(env.PORT)).toBeGreaterThan(0);
      expect(env.DATA_DIR).toMatch(/qlayer-sandbox-/);
      expect(JSON.stringify(env)).not.toContain('hunter2');
      expect(env.OPENAI_API_KEY).toBeUndefined();
      expect(env.NODE_OPTIONS ?? '').toMatch(/max-old-space-size/);

      await m.stop(ID);
      expect(m.get(ID)?.status).toBe('stopped');
      await expect(fetchUpstream(target.socket, '/')).rejects.toThrow();
    } finally {
      delete process.env.QLAYER_PREVIEW_TEST_SECRET;
      delete process.env.OPENAI_API_KEY;
    }
  }, 60_000);

  it('shows a CLI as the output of --help', async () => {
    const m = managerFor('cli', app({ start: 'node cli.js' }, { 'cli.js': "console.log(process.argv.includes('--help') ? 'Usage: demo [options]' : 'ran')" }));
    await m.start(ID);
    const info = await settled(m, ID);
    expect(info.status).toBe('running');
    expect(info.output).toContain('Usage: demo [options]');
    expect(m.target(ID)).toEqual({ type: 'text', text: expect.stringContaining('Usage: demo') });
  }, 60_000);
});
