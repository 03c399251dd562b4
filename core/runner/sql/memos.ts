import type { Executor } from '../../db/connect.ts';

/** Results of the durable sub-steps a step already finished in earlier attempts. */
export async function loadMemos(db: Executor, runId: string, stepKey: string): Promise<Map<string, unknown>> {
  const rows = await db.query<{ name: string; output: unknown }>(
    'select name, output from step_memos where run_id = $1 and step_key = $2',
    [runId, stepKey],
  );
  return new Map(rows.map((r) => [r.name, r.output]));
}

/**
 * Stores a sub-step's result unless one is stored already, and returns the stored one: when
 * two executions of a step overlap (a worker lost its lease but kept going), both go on with
 * the first result, never each with its own.
 */
export async function saveMemo(db: Executor, runId: string, stepKey: string, name: string, output: unknown): Promise<unknown> {
  const rows = await db.query<{ output: unknown }>(
    `with inserted as (
       insert into step_memos (run_id, step_key, name, output) values ($1, $2, $3, $4::text::jsonb)
       on conflict (run_id, step_key, name) do nothing
       returning output
     )
     select output from inserted
     union all
     select output from step_memos
     where run_id = $1 and step_key = $2 and name = $3 and not exists (select 1 from inserted)`,
    [runId, stepKey, name, output === undefined ? null : JSON.stringify(output)],
  );
  return rows.length > 0 ? rows[0]!.output : output;
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
