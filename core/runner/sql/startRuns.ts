import type { Executor } from '../../db/connect.ts';

export interface NewStepRow {
  key: string;
  kind: 'step' | 'output';
  pending: number;
  dependents: readonly string[];
  completesRun: boolean;
  releasesOnFailure: boolean;
  maxAttempts: number;
}

export interface NewRun {
  id: string;
  workflowId: string;
  workflowName: string;
  input: unknown;
  idempotencyKey: string | null;
  steps: readonly NewStepRow[];
}

/**
 * Inserts runs and their step rows in one statement. A run whose idempotency key already
 * exists is not inserted (nor are its steps); the caller looks the existing one up.
 * Returns the ids actually inserted, with their creation times.
 */
export async function startRuns(db: Executor, runs: readonly NewRun[]): Promise<Map<string, Date>> {
  const runRows = runs.map((r) => ({ id: r.id, wf: r.workflowId, name: r.workflowName, input: r.input ?? null, ikey: r.idempotencyKey }));
  const stepRows = runs.flatMap((r) =>
    r.steps.map((s) => ({
      run_id: r.id,
      key: s.key,
      kind: s.kind,
      status: s.pending === 0 ? 'ready' : 'pending',
      pending: s.pending,
      deps: s.dependents,
      completes: s.completesRun,
      releases: s.releasesOnFailure,
      max: s.maxAttempts,
    })),
  );
  // Rows travel as JSON: one parameter, and the drivers' array encodings (which differ on
  // nulls and booleans) never come into play.
  const rows = await db.query<{ id: string; createdAt: number }>(
    `with new_runs as (
       insert into runs (id, workflow_id, workflow_name, status, input, idempotency_key)
       select t.id, t.wf, t.name, 'running', t.input, t.ikey
       from jsonb_to_recordset($1::text::jsonb) as t(id uuid, wf text, name text, input jsonb, ikey text)
       on conflict (idempotency_key) do nothing
       returning id, created_at
     ),
     new_steps as (
       insert into steps (run_id, key, kind, status, pending, dependents, completes_run, releases_on_failure, max_attempts)
       select s.run_id, s.key, s.kind, s.status, s.pending, s.deps, s.completes, s.releases, s.max
       from rows from (jsonb_to_recordset($2::text::jsonb)
              as (run_id uuid, key text, kind text, status text, pending int, deps text[], completes bool, releases bool, max int))
         with ordinality as s(run_id, key, kind, status, pending, deps, completes, releases, max, ord)
       where s.run_id in (select id from new_runs)
       -- Ids follow the workflow's step order, which is the order steps are listed in.
       order by s.ord
       returning 1
     ),
     events as (
       insert into run_events (run_id, type) select id, 'run.started' from new_runs returning 1
     )
     select id::text as id, (extract(epoch from created_at) * 1000)::float8 as "createdAt" from new_runs`,
    [JSON.stringify(runRows), JSON.stringify(stepRows)],
  );
  return new Map(rows.map((row) => [row.id, new Date(row.createdAt)]));
}
