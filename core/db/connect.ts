import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { DatabaseError } from '../errors.ts';
import * as schema from './schema.ts';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Something that runs one SQL statement with positional parameters. */
export interface Executor {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export type Notification = (payload: string) => void;

/**
 * The one database handle the platform uses, over PGlite (embedded) or PostgreSQL
 * (postgres.js). The runner's hot path speaks SQL through `query`; everything else may use
 * the drizzle `orm`. Notifications are delivered in-process always and, on PostgreSQL,
 * through LISTEN/NOTIFY to every other process as well.
 */
export interface Database extends Executor {
  readonly kind: 'pglite' | 'postgres';
  readonly orm: Orm;
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T>;
  notify(channel: string, payload: string): Promise<void>;
  listen(channel: string, fn: Notification): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `memory://` (the default without one) keeps everything in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to put first on the search path (tests use one per test). */
  searchPath?: string | undefined;
  /** Largest number of pooled PostgreSQL connections. */
  maxConnections?: number | undefined;
  /** Shown in pg_stat_activity; lets operators (and tests) find this process's sessions. */
  applicationName?: string | undefined;
}

class LocalBus {
  private readonly channels = new Map<string, Set<Notification>>();

  emit(channel: string, payload: string): void {
    for (const fn of this.channels.get(channel) ?? []) {
      try {
        fn(payload);
      } catch {
        // A listener's bug must not stop delivery to the others.
      }
    }
  }

  on(channel: string, fn: Notification): () => void {
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }
}

export async function connect(options: ConnectOptions = {}): Promise<Database> {
  return options.url ? connectPostgres(options.url, options) : connectPglite(options);
}

async function connectPostgres(url: string, options: ConnectOptions): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const sql = postgres(url, {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    // The type lookup runs on every new connection and, if that connection is killed at that
    // moment, fails outside any caller's promise. Without it postgres.js neither encodes nor
    // decodes arrays, so arrays cross the wire as JSON (jsonb) everywhere in the runner.
    fetch_types: false,
    connection: {
      application_name: options.applicationName ?? 'qlayer',
      ...(options.searchPath ? { search_path: options.searchPath } : {}),
      // The runner's tables grow from empty to millions of rows and churn like queues. A
      // generic plan cached while a table was small (a sequential scan, say) would be kept
      // however large it grows; custom plans follow the table's current size.
      plan_cache_mode: 'force_custom_plan',
    },
    // Reconnect quickly after pg_terminate_backend or a server restart.
    connect_timeout: 10,
    idle_timeout: 60,
  });
  const bus = new LocalBus();
  const orm = drizzle(sql, { schema }) as unknown as Orm;
  const wrap = (run: (text: string, params: readonly unknown[]) => Promise<unknown>): Executor => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      try {
        return (await run(text, params)) as T[];
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
  });
  const root = wrap((text, params) => sql.unsafe(text, params as never[], { prepare: true }));
  return {
    kind: 'postgres',
    orm,
    query: root.query,
    async transaction(fn) {
      try {
        return (await sql.begin((tx) => fn(wrap((text, params) => tx.unsafe(text, params as never[], { prepare: true }))))) as never;
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
    async notify(channel, payload) {
      await root.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async listen(channel, fn) {
      const offLocal = bus.on(channel, fn);
      const sub = await sql.listen(channel, (payload) => fn(payload));
      return async () => {
        offLocal();
        await sub.unlisten().catch(() => {});
      };
    },
    async close() {
      await sql.end({ timeout: 5 });
    },
  };
}

async function connectPglite(options: ConnectOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const pg = await PGlite.create(options.dataDir ?? 'memory://');
  const bus = new LocalBus();
  const orm = drizzle(pg, { schema }) as unknown as Orm;
  const wrap = (run: (text: string, params: readonly unknown[]) => Promise<{ rows: unknown[] }>): Executor => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      try {
        return (await run(text, params)).rows as T[];
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
  });
  const root = wrap((text, params) => pg.query(text, params as unknown[]));
  let closed = false;
  return {
    kind: 'pglite',
    orm,
    query: root.query,
    async transaction(fn) {
      try {
        return await pg.transaction((tx) => fn(wrap((text, params) => tx.query(text, params as unknown[]))));
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
    async notify(channel, payload) {
      // Deliver after the caller's work is done, as PostgreSQL does after commit.
      queueMicrotask(() => bus.emit(channel, payload));
    },
    async listen(channel, fn) {
      const off = bus.on(channel, fn);
      return async () => off();
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}

function asDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseError) return error;
  // Unique violations and the like carry a SQLSTATE the caller may branch on; keep the original.
  // Lost connections (08…, 57P01 admin shutdown) and rolled-back transactions (40…: deadlock,
  // serialization failure) are transient: they become DatabaseError, which callers retry.
  if (typeof error === 'object' && error !== null && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const code = (error as { code: string }).code;
    if (/^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('40') && code !== '57P01') return error;
  }
  return new DatabaseError(`database unavailable: ${error instanceof Error ? error.message : String(error)}`, error);
}

/** True when a database error is a lost connection worth retrying after a pause. */
export function isConnectionError(error: unknown): boolean {
  return error instanceof DatabaseError;
}
