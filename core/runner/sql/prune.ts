import type { Executor } from '../../db/connect.ts';

/** Deletes finished runs older than `olderThan`, with their steps, memos, events and artifacts. */
export async function pruneRuns(db: Executor, olderThan: Date, limit = 10_000): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `with old as (
       select id from runs where status in ('completed', 'failed', 'cancelled') and finished_at < $1
       order by finished_at limit $2
     ),
     s as (delete from steps where run_id in (select id from old) returning 1),
     m as (delete from step_memos where run_id in (select id from old) returning 1),
     e as (delete from run_events where run_id in (select id from old) returning 1),
     a as (delete from artifacts where run_id in (select id from old) returning 1),
     r as (delete from runs where id in (select id from old) returning 1)
     select count(*)::int as n from r`,
    [olderThan.toISOString(), limit],
  );
  return rows[0]?.n ?? 0;
}
