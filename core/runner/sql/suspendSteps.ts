import type { Executor } from '../../db/connect.ts';
import type { ChildPolicy } from './claimSteps.ts';

export interface NewChild {
  key: string;
  uses: string;
  input: unknown;
  policy: ChildPolicy;
  maxAttempts: number;
  releasesOnFailure: boolean;
  /** Keys released when this child finishes: the parent, and the next child in its lane. */
  dependents: readonly string[];
  /** 1 when the child waits for an earlier one in its lane (the concurrency bound). */
  pending: 0 | 1;
}

export interface Suspension {
  id: string;
  runId: string;
  key: string;
  children: readonly NewChild[];
}

/**
 * Parks steps that spawned children: the parent waits with `pending` = number of children,
 * and each finished child releases it by one, so it runs again when the last one is done.
 * Children are inserted only for parents still leased by `workerId`.
 */
export async function suspendSteps(db: Executor, workerId: string, items: readonly Suspension[]): Promise<number> {
  if (items.length === 0) return 0;
  const parents = items.map((s) => ({ id: s.id, n: s.children.length }));
  const children = items.flatMap((s) =>
    s.children.map((c) => ({
      parent_id: s.id,
      run_id: s.runId,
      key: c.key,
      parent_key: s.key,
      uses: c.uses,
      input: c.input ?? null,
      policy: c.policy,
      pending: c.pending,
      deps: c.dependents,
      releases: c.releasesOnFailure,
      max: c.maxAttempts,
    })),
  );
  const rows = await db.query<{ n: number }>(
    `with parents as (
       update steps s
       set status = 'waiting', pending = p.n, lease_owner = null, lease_expires_at = null
       from jsonb_to_recordset($2::text::jsonb) as p(id bigint, n int)
       where s.id = any(array(select (e->>'id')::bigint from jsonb_array_elements($2::text::jsonb) e)) and s.id = p.id
         and s.lease_owner = $1
       returning s.id, s.run_id, s.key, p.n
     ),
     children as (
       insert into steps (run_id, key, kind, parent_key, uses, input, policy, status, pending, dependents,
                          releases_on_failure, max_attempts)
       select c.run_id, c.key, 'child', c.parent_key, c.uses, c.input, c.policy,
              case when c.pending = 0 then 'ready' else 'pending' end, c.pending, c.deps, c.releases, c.max
       from rows from (jsonb_to_recordset($3::text::jsonb)
              as (parent_id bigint, run_id uuid, key text, parent_key text, uses text, input jsonb, policy jsonb, pending int,
                  deps text[], releases bool, max int))
         with ordinality as c(parent_id, run_id, key, parent_key, uses, input, policy, pending, deps, releases, max, ord)
       where c.parent_id in (select id from parents)
       order by c.ord
       on conflict (run_id, key) do nothing
       returning 1
     ),
     events as (
       insert into run_events (run_id, step_key, type, data)
       select run_id, key, 'step.waiting', jsonb_build_object('children', n) from parents
       returning 1
     )
     select count(*)::int as n from parents`,
    [workerId, JSON.stringify(parents), JSON.stringify(children)],
  );
  return rows[0]?.n ?? 0;
}
