/**
 * 1,000 concurrent POST /api/v1/runs through the real server, half with Idempotency-Keys
 * (each key sent five times at once), on a fresh PostgreSQL schema. Prints one JSON report;
 * exits 1 on a violation.
 *   npx tsx bench/chaos-http.ts [--requests 1000] [--db-url postgres://...]
 */
import { parseArgs } from 'node:util';
import { connect } from '../core/db/connect.ts';
import { migrate } from '../core/db/migrate.ts';
import { runHttpBurst } from './chaos/http.ts';

const { values } = parseArgs({ options: { requests: { type: 'string' }, 'db-url': { type: 'string' } } });
const requests = Number(values.requests ?? 1000);
const url = values['db-url'] ?? process.env.QLAYER_CHAOS_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';
if (!Number.isInteger(requests) || requests < 1) {
  process.stderr.write('--requests must be a positive integer\n');
  process.exit(2);
}
const schema = `chaos_http_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
const admin = await connect({ url, maxConnections: 1 });
await admin.query(`create schema ${schema}`);
let ok = false;
try {
  const db = await connect({ url, searchPath: schema, maxConnections: 10, applicationName: `qlayer-chaos-http-${schema}` });
  try {
    await migrate(db);
    const keys = Math.max(1, Math.floor(requests / 10));
    const report = await runHttpBurst(db, { requests, keyedShare: 0.5, keys, finishTimeoutMs: 120_000 });
    ok = report.ok;
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await db.close();
  }
} finally {
  await admin.query(`drop schema if exists ${schema} cascade`);
  await admin.close();
}
process.exit(ok ? 0 : 1);
