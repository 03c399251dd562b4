import { afterEach, describe, expect, it } from 'vitest';
import { runHttpBurst } from '../../bench/chaos/http.ts';
import { backend, freshDb } from '../helpers/db.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe(`1,000 concurrent POST /api/v1/runs (${backend})`, () => {
  it('without a key each makes a run; with one, each key makes exactly one run', async () => {
    const db = await freshDb({ maxConnections: 10 });
    cleanups.push(() => db.close());
    // Embedded PGlite computes on the server's own event loop, which then accepts too slowly for
    // 1,000 simultaneous connects: past Node's listen backlog (511) the kernel resets some. There
    // the 1,000 requests share 400 sockets; on PostgreSQL each has its own.
    const maxSockets = backend === 'pglite' ? 400 : undefined;
    const report = await runHttpBurst(db, { requests: 1000, keyedShare: 0.5, keys: 100, finishTimeoutMs: 90_000, ...(maxSockets ? { maxSockets } : {}) });
    expect(report.violations.slice(0, 5), JSON.stringify(report.statuses)).toEqual([]);
    expect(report.statuses).toEqual({ 200: 400, 201: 600 });
    expect(report.runsCreated).toBe(600);
    expect(report.runsCompleted).toBe(600);
  }, 150_000);
});
