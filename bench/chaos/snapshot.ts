import type { Executor } from '../../core/db/connect.ts';

export interface RunRow {
  id: string;
  status: string;
  input: { i: number };
  output: unknown;
  error: { code?: string; details?: { step?: string; cause?: { code?: string; message?: string } } } | null;
}

export interface StepRow {
  run: string;
  key: string;
  kind: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  output: unknown;
  error: { code?: string } | null;
  leaseExpired: boolean;
}

export interface MemoRow {
  run: string;
  step: string;
  name: string;
  output: unknown;
  at: number;
}

export interface EventRow {
  run: string;
  step: string | null;
  type: string;
  data: { attempt?: number; nextAttempt?: number; error?: { code?: string; message?: string } } | null;
}

/** What the checker reads from the database once every worker has stopped. */
export interface Snapshot {
  runs: RunRow[];
  steps: StepRow[];
  memos: MemoRow[];
  events: EventRow[];
}

export async function readSnapshot(db: Executor): Promise<Snapshot> {
  const [runs, steps, memos, events] = await Promise.all([
    db.query<RunRow>('select id::text as id, status, input, output, error from runs'),
    db.query<StepRow>(
      `select run_id::text as run, key, kind, status, attempt, max_attempts as "maxAttempts", output, error,
              coalesce(lease_expires_at < now(), false) as "leaseExpired"
       from steps`,
    ),
    db.query<MemoRow>(
      `select run_id::text as run, step_key as step, name, output, (extract(epoch from created_at) * 1000)::float8 as at
       from step_memos`,
    ),
    db.query<EventRow>(
      `select run_id::text as run, step_key as step, type, data from run_events
       where type in ('step.completed', 'step.lease_expired', 'step.retrying', 'step.released')`,
    ),
  ]);
  return { runs, steps, memos, events };
}
