import { Agent, request } from 'node:http';
import { startServer } from '../../api/node.ts';
import type { Database } from '../../core/db/connect.ts';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { ArtifactStore } from '../../core/runner/artifacts.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { Runner } from '../../core/runner/runner.ts';
import type { Logger } from '../../core/runner/types.ts';
import type { Violation } from './check.ts';

export interface BurstOptions {
  /** Requests fired at once. */
  requests: number;
  /** Share of them that carry an Idempotency-Key. */
  keyedShare: number;
  /** Keyed requests share this many keys, so each key is sent several times at once. */
  keys: number;
  /** How long the runs may take to finish afterwards. */
  finishTimeoutMs: number;
  /** Client sockets; requests beyond it wait for one. Default: one socket per request. */
  maxSockets?: number;
}

export interface BurstReport {
  ok: boolean;
  requests: number;
  keyed: number;
  keys: number;
  statuses: Record<string, number>;
  runsCreated: number;
  runsCompleted: number;
  burstMs: number;
  requestsPerSec: number;
  latencyMs: { p50: number; p99: number; max: number };
  violations: Violation[];
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const WORKFLOW = 'http-burst';

interface Answer {
  key: string | undefined;
  status: number;
  id: string | undefined;
  ms: number;
  error?: string;
}

/**
 * Fires `requests` concurrent POST /api/v1/runs at the real server (Node listener, the whole
 * middleware chain, an in-process worker) on `db`. Without a key every request makes its own
 * run; with one, each key makes exactly one run, whichever request wins, and the others get
 * that run back with 200.
 */
export async function runHttpBurst(db: Database, options: BurstOptions): Promise<BurstReport> {
  const runner = new Runner({ db });
  await runner.connect();
  await runner.register(defineWorkflow({ name: WORKFLOW, steps: { only: { run: async (_ctx, scope) => scope.input } } }));
  const worker = await runner.worker({ concurrency: 50, pollMs: 200 });
  const platform = { db, registry: new PluginRegistry(), runner, artifacts: new ArtifactStore(db), logger: silent };
  const server = await startServer(platform, {
    host: '127.0.0.1',
    port: 0,
    worker: false,
    logger: silent,
    limits: { rateLimitPerMinute: 1_000_000 },
  });
  const violations: Violation[] = [];
  try {
    const keyed = Math.round(options.requests * options.keyedShare);
    const keyOf = (n: number) => (n < keyed ? `burst-${n % options.keys}` : undefined);
    // node:http rather than fetch: undici gives up on a connect after 10 s, which measures the
    // client, not the server, when a busy event loop (embedded PGlite) accepts slowly.
    const agent = new Agent({ keepAlive: false, maxSockets: options.maxSockets ?? Number.POSITIVE_INFINITY });
    const t0 = performance.now();
    const answers = await Promise.all(
      Array.from({ length: options.requests }, async (_, n): Promise<Answer> => {
        const key = keyOf(n);
        const started = performance.now();
        try {
          const { status, text } = await post(agent, `${server.url}/api/v1/runs`, JSON.stringify({ workflow: WORKFLOW, input: { n } }), key);
          const body = JSON.parse(text || 'null') as { id?: string } | null;
          return { key, status, id: body?.id, ms: performance.now() - started };
        } catch (error) {
          // No answer at all (a reset connection) is reported as status 0, not thrown.
          const code = (error as { code?: string }).code ?? String(error);
          return { key, status: 0, id: undefined, ms: performance.now() - started, error: code };
        }
      }),
    );
    const burstMs = performance.now() - t0;
    agent.destroy();
    const statuses: Record<string, number> = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    for (const a of answers.filter((a) => a.status !== 200 && a.status !== 201)) {
      violations.push({ invariant: 'http_accepted', message: `request ${a.key ?? '(no key)'} got ${a.status || a.error}` });
    }
    const unkeyed = answers.filter((a) => a.key === undefined);
    if (unkeyed.some((a) => a.status !== 201) || new Set(unkeyed.map((a) => a.id)).size !== unkeyed.length) {
      violations.push({ invariant: 'http_unkeyed_distinct', message: 'requests without a key must each create their own run' });
    }
    const byKey = new Map<string, Answer[]>();
    for (const a of answers) if (a.key) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
    for (const [key, list] of byKey) {
      const created = list.filter((a) => a.status === 201).length;
      const ids = new Set(list.map((a) => a.id));
      if (created !== 1 || ids.size !== 1) {
        violations.push({ invariant: 'idempotent_start', message: `key ${key}: ${list.length} requests, ${created} created, ${ids.size} distinct runs` });
      }
    }
    const [counts] = await db.query<{ runs: number; keyed: number }>(
      'select count(*)::int as runs, count(distinct idempotency_key)::int as keyed from runs where workflow_name = $1',
      [WORKFLOW],
    );
    const expectedRuns = unkeyed.length + byKey.size;
    if (counts?.runs !== expectedRuns || counts.keyed !== byKey.size) {
      violations.push({ invariant: 'idempotent_start', message: `${counts?.runs} runs (${counts?.keyed} keyed) in the database, expected ${expectedRuns} (${byKey.size})` });
    }
    const deadline = Date.now() + options.finishTimeoutMs;
    let completed = 0;
    for (;;) {
      const [row] = await db.query<{ done: number; running: number }>(
        `select count(*) filter (where status = 'completed')::int as done, count(*) filter (where status = 'running')::int as running
         from runs where workflow_name = $1`,
        [WORKFLOW],
      );
      completed = row?.done ?? 0;
      if ((row?.running ?? 0) === 0 || Date.now() > deadline) {
        if (completed !== expectedRuns) violations.push({ invariant: 'run_final', message: `${completed} of ${expectedRuns} runs completed` });
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!);
    return {
      ok: violations.length === 0,
      requests: options.requests,
      keyed,
      keys: byKey.size,
      statuses,
      runsCreated: counts?.runs ?? 0,
      runsCompleted: completed,
      burstMs: Math.round(burstMs),
      requestsPerSec: Math.round((options.requests / burstMs) * 1000),
      latencyMs: { p50: at(50), p99: at(99), max: Math.round(sorted[sorted.length - 1] ?? 0) },
      violations,
    };
  } finally {
    await server.close();
    await worker.stop(1_000);
    await runner.close(1_000);
  }
}

function post(agent: Agent, url: string, body: string, key: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    if (key) headers['idempotency-key'] = key;
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
