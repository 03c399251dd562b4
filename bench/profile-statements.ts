// Where the runner spends database time: average duration and rows of each statement kind
// for N runs of a STEPS-step chain (default 10) on the local PostgreSQL (N from the environment, default 1000).
import { connect } from '../core/db/connect.ts';
import { migrate } from '../core/db/migrate.ts';
import { defineWorkflow } from '../core/runner/defineWorkflow.ts';
import { Runner } from '../core/runner/runner.ts';
const schema = `prof_${Date.now()}`;
const admin = await connect({ url: 'postgres://root@127.0.0.1:5432/test', maxConnections: 1 });
await admin.query(`create schema ${schema}`);
const db = await connect({ url: 'postgres://root@127.0.0.1:5432/test', searchPath: schema, maxConnections: 8 });
await migrate(db);
const stats = new Map<string, { n: number; ms: number; rows: number }>();
const origQuery = db.query;
(db as any).query = async (text: string, params: unknown[]) => {
  const s = performance.now();
  const r = await origQuery(text, params);
  const tag = text.includes('picked') ? 'claim' : text.includes('bumped') ? 'settle' : text.includes('new_runs') ? 'start' : text.includes('jsonb_to_recordset($1::text::jsonb) as d(') ? 'deps' : text.slice(0, 25).replace(/\s+/g, ' ');
  const st = stats.get(tag) ?? { n: 0, ms: 0, rows: 0 };
  st.n++; st.ms += performance.now() - s;
  try { st.rows += (params[0] && typeof params[0] === 'string' && params[0].startsWith('[')) ? JSON.parse(params[0] as string).length : (typeof params[1] === 'string' && (params[1] as string).startsWith('[') ? JSON.parse(params[1] as string).length : (r as any[]).length); } catch {}
  stats.set(tag, st);
  return r;
};
const runner = new Runner({ db });
const noop = async () => null;
const STEPS = Number(process.env.STEPS ?? 10);
await runner.register(defineWorkflow({ name: 'chain', steps: Object.fromEntries(Array.from({ length: STEPS }, (_, i) => [`s${i}`, { ...(i ? { needs: [`s${i - 1}`] } : {}), run: noop }])) }));
await runner.worker({ concurrency: 1000, batchSize: 500 });
const N = Number(process.env.N ?? 1000);
let done = 0; let resolveAll!: () => void; const all = new Promise<void>((r) => (resolveAll = r));
const seen = new Set<string>();
runner.channels.onRunsFinished((ids) => { for (const id of ids) seen.add(id); done = seen.size; if (done >= N) resolveAll(); });
const t0 = performance.now();
await Promise.all(Array.from({ length: N }, () => runner.start('chain', null)));
await all;
const el = performance.now() - t0;
console.log('elapsed', Math.round(el), 'steps/s', Math.round(N * STEPS / el * 1000), 'runs/s', Math.round(N / el * 1000));
for (const [k, v] of stats) console.log(k.padEnd(28), 'n', v.n, 'avg ms', (v.ms / v.n).toFixed(2), 'rows/stmt', (v.rows / v.n).toFixed(1), 'total ms', Math.round(v.ms));
await runner.close(100); await db.close(); await admin.query(`drop schema ${schema} cascade`); await admin.close();
