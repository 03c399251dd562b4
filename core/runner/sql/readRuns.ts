import type { Executor } from '../../db/connect.ts';
import type { RunEvent, RunRecord, RunStatus, StepRecord } from '../types.ts';

// Timestamps leave the database as epoch milliseconds: the drivers disagree on how they parse
// timestamptz (drizzle switches postgres.js to strings), and a number means the same everywhere.
const ms = (column: string, as: string) => `(extract(epoch from ${column}) * 1000)::float8 as "${as}"`;

const RUN_COLUMNS = `id::text as id, workflow_id as "workflowId", workflow_name as "workflowName", status, input, output,
  error, idempotency_key as "idempotencyKey", ${ms('created_at', 'createdAt')}, ${ms('finished_at', 'finishedAt')}`;

type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };

function date(value: number | null): Date | null {
  return value === null ? null : new Date(value);
}

function toRun(row: Raw<RunRecord, 'createdAt' | 'finishedAt'>): RunRecord {
  return { ...row, createdAt: new Date(row.createdAt ?? 0), finishedAt: date(row.finishedAt) };
}

export async function getRuns(db: Executor, ids: readonly string[]): Promise<RunRecord[]> {
  if (ids.length === 0) return [];
  return (await db.query<Raw<RunRecord, 'createdAt' | 'finishedAt'>>(`select ${RUN_COLUMNS} from runs where id = any(array(select jsonb_array_elements_text($1::text::jsonb)::uuid))`, [JSON.stringify(ids)])).map(toRun);
}

export async function getRunsByIdempotencyKeys(db: Executor, keys: readonly string[]): Promise<RunRecord[]> {
  if (keys.length === 0) return [];
  return (await db.query<Raw<RunRecord, 'createdAt' | 'finishedAt'>>(`select ${RUN_COLUMNS} from runs where idempotency_key in (select jsonb_array_elements_text($1::text::jsonb))`, [JSON.stringify(keys)])).map(toRun);
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
  const rows = await db.query<Raw<RunRecord, 'createdAt' | 'finishedAt'>>(
    `select ${RUN_COLUMNS} from runs
     where ($1::text is null or status = $1)
       and ($2::text is null or workflow_name = $2)
       and ($3::timestamptz is null or (created_at, id) < ($3::timestamptz, $4::uuid))
     order by created_at desc, id desc
     limit $5`,
    [q.status ?? null, q.workflow ?? null, q.before?.createdAt ?? null, q.before?.id ?? null, q.limit],
  );
  return rows.map(toRun);
}

export async function getSteps(db: Executor, runId: string): Promise<StepRecord[]> {
  const rows = await db.query<Raw<StepRecord, 'createdAt' | 'startedAt' | 'finishedAt'>>(
    `select key, kind, parent_key as "parentKey", uses, status, attempt, max_attempts as "maxAttempts", output, error,
            ${ms('created_at', 'createdAt')}, ${ms('started_at', 'startedAt')}, ${ms('finished_at', 'finishedAt')}
     from steps where run_id = $1 order by id`,
    [runId],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt ?? 0), startedAt: date(r.startedAt), finishedAt: date(r.finishedAt) }));
}

export async function getEvents(db: Executor, runId: string, afterId: number, limit: number): Promise<RunEvent[]> {
  const rows = await db.query<Omit<RunEvent, 'id' | 'at'> & { id: string | number; at: number }>(
    `select id::text as id, run_id::text as "runId", step_key as "stepKey", type, data, ${ms('at', 'at')}
     from run_events where run_id = $1 and run_events.id > $2
     -- Qualified: a bare "id" would sort by the text alias above, putting 10 before 2.
     order by run_events.id limit $3`,
    [runId, afterId, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
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
