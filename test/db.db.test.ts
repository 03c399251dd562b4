import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '../core/db/connect.ts';
import { migrate, pendingMigrations } from '../core/db/migrate.ts';
import { backend, freshDb, postgresUrl, type TestDb } from './helpers/db.ts';

let db: TestDb | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

describe(`database (${backend})`, () => {
  it('applies migrations once and reports none pending', async () => {
    db = await freshDb();
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await migrate(db)).toEqual([]);
    const tables = await db.query<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = current_schema() order by 1",
    );
    expect(tables.map((r) => r.t)).toEqual(
      expect.arrayContaining(['runs', 'steps', 'run_events', 'step_memos', 'workflows', 'workers', 'artifacts', 'api_keys']),
    );
  });

  it.runIf(backend === 'postgres')('concurrent start-ups migrate without racing', async () => {
    const schema = `t_race_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = await connect({ url: postgresUrl, maxConnections: 1 });
    await admin.query(`create schema ${schema}`);
    try {
      const clients = await Promise.all(
        Array.from({ length: 5 }, () => connect({ url: postgresUrl, searchPath: schema, maxConnections: 1 })),
      );
      const applied = await Promise.all(clients.map((c) => migrate(c)));
      // Exactly one start-up applied the migrations; the others found them done.
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      await Promise.all(clients.map((c) => c.close()));
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
    }
  });

  it('delivers notifications to in-process listeners', async () => {
    db = await freshDb();
    const got: string[] = [];
    const off = await db.listen('qlayer_test', (p) => got.push(p));
    await db.notify('qlayer_test', 'hello');
    await expect.poll(() => got).toContain('hello');
    await off();
  });
});
