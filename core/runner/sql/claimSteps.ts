import type { Executor } from '../../db/connect.ts';
import type { StepKind } from '../types.ts';

export interface ChildPolicy {
  initialDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export interface ClaimedStep {
  id: string;
  runId: string;
  key: string;
  kind: StepKind;
  parentKey: string | null;
  uses: string | null;
  input: unknown;
  policy: ChildPolicy | null;
  attempt: number;
  maxAttempts: number;
  releasesOnFailure: boolean;
  workflowId: string;
  workflowName: string;
  runInput: unknown;
}

/**
 * Takes up to `limit` ready steps for `workerId` and leases them for `leaseMs`.
 * SKIP LOCKED lets any number of workers claim side by side without waiting on each other;
 * the started events are written by the same statement.
 */
export async function claimSteps(db: Executor, workerId: string, limit: number, leaseMs: number): Promise<ClaimedStep[]> {
  return db.query<ClaimedStep>(
    `with picked as (
       select id from steps
       where status = 'ready' and available_at <= now()
       order by available_at
       limit $2
       for update skip locked
     ),
     claimed as (
       update steps s
       set status = 'running', lease_owner = $1, lease_expires_at = now() + $3::int * interval '1 millisecond',
           started_at = coalesce(s.started_at, now())
       where s.id = any(array(select id from picked))
       returning s.id, s.run_id, s.key, s.kind, s.parent_key, s.uses, s.input, s.policy, s.attempt, s.max_attempts,
                 s.releases_on_failure
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.started', jsonb_build_object('attempt', attempt, 'worker', $1::text) from claimed
       returning 1
     )
     select c.id::text as id, c.run_id::text as "runId", c.key, c.kind, c.parent_key as "parentKey", c.uses, c.input,
            c.policy, c.attempt, c.max_attempts as "maxAttempts", c.releases_on_failure as "releasesOnFailure",
            r.workflow_id as "workflowId",
            r.workflow_name as "workflowName", r.input as "runInput"
     from claimed c
     -- A lateral lookup per row (LIMIT keeps it from being flattened into a join) stays on the
     -- primary key however stale the statistics are.
     cross join lateral (select workflow_id, workflow_name, input from runs where runs.id = c.run_id limit 1) r`,
    [workerId, limit, leaseMs],
  );
}
