import type { Executor } from '../../db/connect.ts';

/** Results of the durable sub-steps a step already finished in earlier attempts. */
export async function loadMemos(db: Executor, runId: string, stepKey: string): Promise<Map<string, unknown>> {
  const rows = await db.query<{ name: string; output: unknown }>(
    'select name, output from step_memos where run_id = $1 and step_key = $2',
    [runId, stepKey],
  );
  return new Map(rows.map((r) => [r.name, r.output]));
}

export async function saveMemo(db: Executor, runId: string, stepKey: string, name: string, output: unknown): Promise<void> {
  await db.query(
    `insert into step_memos (run_id, step_key, name, output) values ($1, $2, $3, $4::text::jsonb)
     on conflict (run_id, step_key, name) do nothing`,
    [runId, stepKey, name, output === undefined ? null : JSON.stringify(output)],
  );
}

export interface ChildRow {
  key: string;
  status: string;
  output: unknown;
}

/** The children a step spawned earlier under `prefix` (`<stepKey>/<group>[`). */
export async function loadChildren(db: Executor, runId: string, parentKey: string, prefix: string): Promise<ChildRow[]> {
  return db.query<ChildRow>(
    `select key, status, output from steps
     where run_id = $1 and parent_key = $2 and left(key, length($3)) = $3`,
    [runId, parentKey, prefix],
  );
}
