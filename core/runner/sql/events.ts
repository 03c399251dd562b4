import type { Executor } from '../../db/connect.ts';

export interface NewEvent {
  runId: string;
  stepKey: string | null;
  type: string;
  data: unknown;
}

/** Appends log and progress events in one statement. */
export async function appendEvents(db: Executor, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `insert into run_events (run_id, step_key, type, data)
     select run_id, step_key, type, data
     from jsonb_to_recordset($1::text::jsonb) as e(run_id uuid, step_key text, type text, data jsonb)`,
    [JSON.stringify(events.map((e) => ({ run_id: e.runId, step_key: e.stepKey, type: e.type, data: e.data ?? null })))],
  );
}
