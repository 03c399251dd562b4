import { connect, type Database } from '../core/db/connect.ts';
import { migrate } from '../core/db/migrate.ts';

/**
 * A migrated database for one benchmark: an in-memory PGlite, or a new schema on PostgreSQL
 * (`url`) that `drop()` removes again.
 */
export async function benchDb(backend: string, url: string, maxConnections = 10): Promise<{ db: Database; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const db = await connect();
    await migrate(db);
    return { db, drop: () => db.close() };
  }
  const schema = `bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = await connect({ url, maxConnections: 1 });
  await admin.query(`create schema ${schema}`);
  const db = await connect({ url, searchPath: schema, maxConnections });
  await migrate(db);
  return {
    db,
    async drop() {
      await db.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}
