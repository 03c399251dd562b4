import { request } from 'node:http';
import { startServer, type RunningServer } from '../../api/node.ts';
import type { PreviewSettings } from '../../core/preview/index.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { platformFixture, type PlatformFixture } from '../helpers/platform.ts';

export interface PreviewBody {
  status: 'starting' | 'running' | 'failed' | 'stopped';
  url: string;
  kind: string;
  output?: string;
}

export const skipE2E = process.env.QLAYER_SKIP_E2E === '1';

/** A platform, and an API server on a free port whose previews use `settings`. */
export async function previewServer(fx: PlatformFixture | undefined, settings: PreviewSettings): Promise<{ fx: PlatformFixture; server: RunningServer }> {
  const fixture = fx ?? (await platformFixture());
  const loaded = fixture.platform.loaded;
  // The server reads its preview limits from the platform's config, as `qlayer serve` does.
  Object.assign(loaded.config, { preview: settings });
  const server = await startServer(fixture.platform, { port: 0, host: '127.0.0.1', worker: false, logger: silent });
  return { fx: fixture, server };
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

export async function generate(fx: PlatformFixture, prompt: string): Promise<string> {
  const { run } = await fx.platform.runner.start('generate-app', { prompt });
  const done = await fx.platform.runner.waitForRun(run.id, { timeoutMs: 120_000 });
  if (done.status !== 'completed') throw new Error(`generation ended ${done.status}: ${JSON.stringify(done.error)}`);
  return run.id;
}

export async function api(server: RunningServer, method: string, runId: string): Promise<{ status: number; body: PreviewBody }> {
  const response = await fetch(`${server.url}/api/v1/runs/${runId}/preview`, { method });
  return { status: response.status, body: (await response.json()) as PreviewBody };
}

/** Polls GET until the preview leaves `starting`. */
export async function waitSettled(server: RunningServer, runId: string, timeoutMs = 300_000): Promise<PreviewBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await api(server, 'GET', runId);
    if (body.status !== 'starting' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * A GET with the path sent exactly as written (fetch would resolve `..` before sending), to the
 * previews' listener unless `to` says the platform's; `headers` may set Host, as a client using
 * another name for the server does.
 */
export function rawGet(
  server: RunningServer,
  path: string,
  to: 'previews' | 'platform' = 'previews',
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  // A preview's path goes to that preview's own host, as its URL names it, unless a Host is given.
  const own = to === 'previews' && !Object.keys(headers).some((name) => name.toLowerCase() === 'host') ? /^\/preview\/([0-9a-f-]{36})(?:\/|$)/.exec(path)?.[1] : undefined;
  const sent = own === undefined ? headers : { ...headers, Host: `${own}.localhost:${server.previewPort}` };
  return new Promise((resolve, reject) => {
    const port = to === 'previews' ? server.previewPort : server.port;
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: sent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; status?: number } }[];
}

/** One GraphQL operation over HTTP, as any client sends it. */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

/** A workflow that completes without generating an app, so it has nothing to preview. */
const PARSE_ONLY = `name: parse-only
inputs:
  prompt: { type: string }
steps:
  - id: parse
    uses: parser/parse
    with: { prompt: '\${{ inputs.prompt }}' }
`;

/** A completed run of a workflow that made no app. */
export async function runWithoutApp(fx: PlatformFixture): Promise<string> {
  await fx.platform.runner.register(await compileWorkflow(PARSE_ONLY, { registry: fx.platform.registry }));
  const { run } = await fx.platform.runner.start('parse-only', { prompt: 'a todo list app' });
  const done = await fx.platform.runner.waitForRun(run.id, { timeoutMs: 60_000 });
  if (done.status !== 'completed') throw new Error(`parse-only ended ${done.status}: ${JSON.stringify(done.error)}`);
  return run.id;
}

/**
 * fetch for preview URLs: browsers resolve every `*.localhost` name to loopback, Node does not,
 * so a `<run id>.localhost` URL is requested from 127.0.0.1 with its host in the Host header.
 */
export function previewFetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(target.port), path: target.pathname + target.search, method: init.method ?? 'GET', headers: { ...init.headers, Host: target.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          const status = res.statusCode ?? 0;
          resolve(new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), { status, headers }));
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The preview's own origin, for a client that reached the server at 127.0.0.1. */
export function ownOrigin(server: RunningServer, runId: string): string {
  return `http://${runId}.localhost:${server.previewPort}`;
}
