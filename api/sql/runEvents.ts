import type { Executor } from '../../core/db/connect.ts';
import type { RunEvent } from '../../core/runner/types.ts';

/**
 * A run's events after `afterId`, in id order. The runner's getEvents orders by its text
 * alias of the id ('10' sorts before '7'), which breaks resuming once ids pass a power of
 * ten; this orders by the bigint column. Drop it when the runner's query is fixed.
 */
export async function readRunEvents(db: Executor, runId: string, afterId: number, limit: number): Promise<RunEvent[]> {
  const rows = await db.query<Omit<RunEvent, 'id' | 'at'> & { id: string; at: number }>(
    `select e.id::text as id, e.run_id::text as "runId", e.step_key as "stepKey", e.type, e.data,
            (extract(epoch from e.at) * 1000)::float8 as at
     from run_events e where e.run_id = $1 and e.id > $2 order by e.id limit $3`,
    [runId, afterId, limit],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
}
