import type { Executor } from '../../db/connect.ts';
import type { RunEvent, RunRecord, RunStatus, StepRecord } from '../types.ts';

const RUN_COLUMNS = `id::text as id, workflow_id as "workflowId", workflow_name as "workflowName", status, input, output,
  error, idempotency_key as "idempotencyKey", created_at as "createdAt", finished_at as "finishedAt"`;

export async function getRuns(db: Executor, ids: readonly string[]): Promise<RunRecord[]> {
  if (ids.length === 0) return [];
  return db.query<RunRecord>(`select ${RUN_COLUMNS} from runs where id = any($1::uuid[])`, [ids]);
}

export async function getRunsByIdempotencyKeys(db: Executor, keys: readonly string[]): Promise<RunRecord[]> {
  if (keys.length === 0) return [];
  return db.query<RunRecord>(`select ${RUN_COLUMNS} from runs where idempotency_key = any($1::text[])`, [keys]);
}

export interface ListRunsQuery {
  status?: RunStatus | undefined;
  workflow?: string | undefined;
  limit: number;
  /** Runs strictly older than this (created_at, id) position. */
  before?: { createdAt: string; id: string } | undefined;
}

/** Newest first; keyset paging on (created_at, id) so pages stay stable while runs are added. */
export async function listRuns(db: Executor, q: ListRunsQuery): Promise<RunRecord[]> {
  return db.query<RunRecord>(
    `select ${RUN_COLUMNS} from runs
     where ($1::text is null or status = $1)
       and ($2::text is null or workflow_name = $2)
       and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
     order by created_at desc, id desc
     limit $5`,
    [q.status ?? null, q.workflow ?? null, q.before?.createdAt ?? null, q.before?.id ?? null, q.limit],
  );
}

export async function getSteps(db: Executor, runId: string): Promise<StepRecord[]> {
  return db.query<StepRecord>(
    `select key, kind, parent_key as "parentKey", uses, status, attempt, max_attempts as "maxAttempts", output, error,
            created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"
     from steps where run_id = $1 order by id`,
    [runId],
  );
}

export async function getEvents(db: Executor, runId: string, afterId: number, limit: number): Promise<RunEvent[]> {
  const rows = await db.query<Omit<RunEvent, 'id'> & { id: string | number }>(
    `select id::text as id, run_id::text as "runId", step_key as "stepKey", type, data, at
     from run_events where run_id = $1 and id > $2 order by id limit $3`,
    [runId, afterId, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

export async function countRunsByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from runs group by status');
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Steps waiting to be claimed now, and steps being run. */
export async function queueDepth(db: Executor): Promise<{ ready: number; running: number }> {
  const rows = await db.query<{ ready: number; running: number }>(
    `select count(*) filter (where status = 'ready' and available_at <= now())::int as ready,
            count(*) filter (where status = 'running')::int as running
     from steps where status in ('ready', 'running')`,
  );
  return rows[0] ?? { ready: 0, running: 0 };
}
