import { readFile } from 'node:fs/promises';
import { DatabaseError } from '../errors.ts';
import type { Database } from './connect.ts';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url);
// Any fixed number; every process that migrates takes the same lock, so start-ups queue up.
const MIGRATION_LOCK = 7_240_311;

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  statements: string[];
}

export async function readMigrations(dir: URL = MIGRATIONS_DIR): Promise<Migration[]> {
  const journal = JSON.parse(await readFile(new URL('meta/_journal.json', dir), 'utf8')) as Journal;
  const ordered = [...journal.entries].sort((a, b) => a.idx - b.idx);
  return Promise.all(
    ordered.map(async ({ tag }) => {
      const text = await readFile(new URL(`${tag}.sql`, dir), 'utf8');
      const statements = text
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
      return { tag, statements };
    }),
  );
}

/**
 * Applies the drizzle-kit migrations that are not applied yet, in one transaction under an
 * advisory lock, so any number of processes may start at once. Returns the tags applied.
 */
export async function migrate(db: Database): Promise<string[]> {
  const migrations = await readMigrations();
  try {
    return await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(
        'create table if not exists qlayer_migrations (tag text primary key, applied_at timestamptz not null default now())',
      );
      const done = new Set((await tx.query<{ tag: string }>('select tag from qlayer_migrations')).map((r) => r.tag));
      const applied: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.tag)) continue;
        for (const statement of migration.statements) await tx.query(statement);
        await tx.query('insert into qlayer_migrations (tag) values ($1)', [migration.tag]);
        applied.push(migration.tag);
      }
      return applied;
    });
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`migration failed: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

/** The migrations not yet applied; empty when the database is up to date (used by /readyz). */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const migrations = await readMigrations();
  const exists = await db.query<{ t: string | null }>("select to_regclass('qlayer_migrations')::text as t");
  if (!exists[0]?.t) return migrations.map((m) => m.tag);
  const done = new Set((await db.query<{ tag: string }>('select tag from qlayer_migrations')).map((r) => r.tag));
  return migrations.filter((m) => !done.has(m.tag)).map((m) => m.tag);
}
