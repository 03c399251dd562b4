import { connect, type Database } from '../../core/db/connect.ts';
import { migrate } from '../../core/db/migrate.ts';

export type Backend = 'pglite' | 'postgres';

export const backend: Backend = process.env.QLAYER_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
export const postgresUrl = process.env.QLAYER_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestDb extends Database {
  /** The URL and schema another process needs to reach this same database (PostgreSQL only). */
  readonly url: string | undefined;
  readonly schema: string | undefined;
}

// Starting PGlite costs seconds, so a test file shares one instance and each test gets its
// own schema in it; tests within a file run one after another, so the search path is theirs.
let sharedPglite: Promise<Database> | undefined;

async function freshPgliteSchema(schema: string): Promise<TestDb> {
  sharedPglite ??= connect();
  const db = await sharedPglite;
  await db.query(`create schema ${schema}`);
  await db.query(`set search_path to ${schema}`);
  await migrate(db);
  return Object.assign(Object.create(db) as Database, {
    url: undefined,
    schema,
    async close() {
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.query('set search_path to public');
    },
  });
}

/**
 * A fresh, migrated database for one test: an in-memory PGlite, or a new schema on the
 * local PostgreSQL that `close()` drops again.
 */
export async function freshDb(options: { maxConnections?: number; applicationName?: string } = {}): Promise<TestDb> {
  const schema = `t_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  if (backend === 'pglite') return freshPgliteSchema(schema);
  const admin = await connect({ url: postgresUrl, maxConnections: 1 });
  await admin.query(`create schema ${schema}`);
  await admin.close();
  const db = await connect({
    url: postgresUrl,
    searchPath: schema,
    maxConnections: options.maxConnections ?? 10,
    applicationName: options.applicationName ?? `qlayer-test-${schema}`,
  });
  await migrate(db);
  const close = db.close.bind(db);
  return Object.assign(db, {
    url: postgresUrl,
    schema,
    async close() {
      await close();
      const cleanup = await connect({ url: postgresUrl, maxConnections: 1 });
      await cleanup.query(`drop schema if exists ${schema} cascade`);
      await cleanup.close();
    },
  });
}
