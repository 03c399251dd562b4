import type { Executor } from '../../db/connect.ts';
import type { ErrorInfo } from '../../errors.ts';
import type { StepStatus } from '../types.ts';

export interface DependencyRow {
  runId: string;
  key: string;
  status: StepStatus;
  output: unknown;
  error: ErrorInfo | null;
}

/** Status and output of the given (run, step key) pairs, for building the scope of claimed steps. */
export async function loadDependencies(db: Executor, pairs: readonly { runId: string; key: string }[]): Promise<DependencyRow[]> {
  if (pairs.length === 0) return [];
  return db.query<DependencyRow>(
    `select s.run_id::text as "runId", s.key, s.status, s.output, s.error
     from jsonb_to_recordset($1::text::jsonb) as d(run_id uuid, key text)
     cross join lateral (
       -- LIMIT keeps this a per-row index probe rather than a join the planner may turn into a scan.
       select * from steps where steps.run_id = d.run_id and steps.key = d.key limit 1
     ) as s`,
    [JSON.stringify(pairs.map((p) => ({ run_id: p.runId, key: p.key })))],
  );
}
