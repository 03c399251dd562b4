import type { Executor } from '../../core/db/connect.ts';

export interface StepDuration {
  workflow: string;
  /** The step's id in the workflow; for spawned children (one per item) their `plugin/step`. */
  step: string;
  outcome: 'completed' | 'failed';
  seconds: number;
}

/**
 * Durations of step attempts that finished after history event `afterId`, read from the
 * `step.completed` and `step.failed` events. Completed events carry the attempt's duration;
 * a failed one takes it from the step row. Events younger than a second are left for the
 * next read, so one committed late with a lower id is not skipped.
 */
export async function readStepDurations(
  db: Executor,
  afterId: number,
  limit: number,
): Promise<{ steps: StepDuration[]; lastId: number; more: boolean }> {
  const rows = await db.query<{ id: string; workflow: string | null; step: string | null; type: string; ms: number | null }>(
    `select e.id::text as id, r.workflow_name as workflow, case when s.kind = 'child' then coalesce(s.uses, 'child') else s.key end as step, e.type,
            coalesce((e.data->>'durationMs')::float8, extract(epoch from s.finished_at - s.started_at) * 1000) as ms
     from run_events e
     left join steps s on s.run_id = e.run_id and s.key = e.step_key
     left join runs r on r.id = e.run_id
     where e.id > $1 and e.type in ('step.completed', 'step.failed') and e.at < now() - interval '1 second'
     order by e.id
     limit $2`,
    [afterId, limit],
  );
  const steps: StepDuration[] = [];
  for (const row of rows) {
    if (row.ms === null) continue;
    steps.push({ workflow: row.workflow ?? 'unknown', step: row.step ?? 'unknown', outcome: row.type === 'step.failed' ? 'failed' : 'completed', seconds: Math.max(0, row.ms) / 1000 });
  }
  const last = rows[rows.length - 1];
  return { steps, lastId: last ? Number(last.id) : afterId, more: rows.length === limit };
}
