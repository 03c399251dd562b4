import type { Executor } from '../../db/connect.ts';

export interface WorkerRow {
  id: string;
  host: string;
  pid: number;
  concurrency: number;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
}

export async function registerWorker(db: Executor, w: { id: string; host: string; pid: number; concurrency: number }): Promise<void> {
  await db.query(
    `insert into workers (id, host, pid, concurrency) values ($1, $2, $3, $4)
     on conflict (id) do update set heartbeat_at = now(), stopped_at = null`,
    [w.id, w.host, w.pid, w.concurrency],
  );
}

export async function markWorkerStopped(db: Executor, id: string): Promise<void> {
  await db.query('update workers set stopped_at = now() where id = $1', [id]);
}

/** Workers that stopped, or whose heartbeat is older than `staleMs`, count as not alive. */
export async function listWorkers(db: Executor, staleMs: number): Promise<(WorkerRow & { alive: boolean })[]> {
  const rows = await db.query<Omit<WorkerRow, 'startedAt' | 'heartbeatAt' | 'stoppedAt'> & { startedAt: number; heartbeatAt: number; stoppedAt: number | null; alive: boolean }>(
    `select id, host, pid, concurrency, (extract(epoch from started_at) * 1000)::float8 as "startedAt",
            (extract(epoch from heartbeat_at) * 1000)::float8 as "heartbeatAt",
            (extract(epoch from stopped_at) * 1000)::float8 as "stoppedAt",
            (stopped_at is null and heartbeat_at > now() - $1::int * interval '1 millisecond') as alive
     from workers order by started_at desc limit 100`,
    [staleMs],
  );
  return rows.map((r) => ({
    ...r,
    startedAt: new Date(r.startedAt),
    heartbeatAt: new Date(r.heartbeatAt),
    stoppedAt: r.stoppedAt === null ? null : new Date(r.stoppedAt),
  }));
}
