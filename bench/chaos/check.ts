import { isDeepStrictEqual } from 'node:util';
import type { Effect } from './effects.ts';
import { expectedOutput, planRun } from './plan.ts';
import type { Snapshot, StepRow } from './snapshot.ts';
import type { PrepareOutput, Produced } from './workflow.ts';

export interface Violation {
  invariant: string;
  message: string;
  run?: string;
  step?: string;
}

export interface CheckResult {
  violations: Violation[];
  runs: { total: number; completed: number; failedAsPlanned: number; failedAfterCrashes: number; notFinal: number; stuck: number };
  steps: {
    completed: number;
    children: number;
    executions: number;
    leaseExpiries: number;
    /** Leases lost by workers that were not killed: a stalled event loop, or an outcome the worker dropped. */
    leaseExpiriesOfLiveWorkers: number;
    retries: number;
    timeouts: number;
  };
  /** `done` effects whose output was never committed, by what lost it. */
  lostCompletions: { killed: number; leaseLost: number; runEnded: number };
  subSteps: { bodiesCompleted: number; memos: number; repeats: { killed: number; leaseLost: number; other: number } };
}

const FINAL_STEP = new Set(['completed', 'skipped', 'failed', 'cancelled']);
/** Clock slack between a memo's commit (server clock) and a step start (worker clock, same host). */
const MEMO_SLACK_MS = 500;

const pairKey = (run: string, step: string) => `${run}\u0000${step}`;

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Checks the invariants of the chaos run against the database and the side-effect logs.
 * `killed` holds the worker processes the script SIGKILLed, `killedPids` their process ids.
 */
export function checkInvariants(
  snap: Snapshot,
  effects: readonly Effect[],
  killed: ReadonlySet<string>,
  killedPids: ReadonlySet<number> = new Set(),
): CheckResult {
  const violations: Violation[] = [];
  const flag = (invariant: string, message: string, run?: string, step?: string) =>
    violations.push({ invariant, message, ...(run ? { run } : {}), ...(step ? { step } : {}) });

  const stepsByRun = group(snap.steps, (s) => s.run);
  const stepByPair = new Map(snap.steps.map((s) => [pairKey(s.run, s.key), s]));
  const eventsByPair = group(snap.events.filter((e) => e.step !== null), (e) => pairKey(e.run, e.step!));
  const effectsByPair = group(effects, (e) => pairKey(e.run, e.step));
  const startsByExec = new Map(effects.filter((e) => e.kind === 'start').map((e) => [e.exec, e]));
  const leaseLost = (run: string, step: string, attempt: number) =>
    (eventsByPair.get(pairKey(run, step)) ?? []).some((e) => e.type === 'step.lease_expired' && e.data?.nextAttempt === attempt + 1);

  const runs = { total: snap.runs.length, completed: 0, failedAsPlanned: 0, failedAfterCrashes: 0, notFinal: 0, stuck: 0 };
  for (const run of snap.runs) {
    const plan = planRun(run.input.i);
    const steps = stepsByRun.get(run.id) ?? [];
    if (run.status === 'running') {
      runs.notFinal++;
      // Out of time is not out of order: only a run with nothing ready or running is stuck.
      if (!steps.some((s) => s.status === 'ready' || s.status === 'running')) {
        runs.stuck++;
        flag('run_final', `run ${run.input.i} is running, but none of its steps is ready or running: ${steps.map((s) => `${s.key}=${s.status}`).join(', ')}`, run.id);
      }
      continue;
    }
    for (const s of steps) {
      if (!FINAL_STEP.has(s.status)) flag('step_final', `step ${s.key} is ${s.status} in a ${run.status} run`, run.id, s.key);
    }
    if (run.status === 'completed') {
      runs.completed++;
      if (plan.doomed) flag('planned_outcome', `run ${run.input.i} completed although its flaky step fails on every attempt`, run.id);
      if (!isDeepStrictEqual(run.output, expectedOutput(run.input.i))) {
        flag('output_kept', `run ${run.input.i} output ${JSON.stringify(run.output)}, expected ${JSON.stringify(expectedOutput(run.input.i))}`, run.id);
      }
      for (const s of steps) if (s.status !== 'completed') flag('output_kept', `step ${s.key} is ${s.status} in a completed run`, run.id, s.key);
      const children = steps.filter((s) => s.kind === 'child').length;
      if (children !== plan.children.length) flag('output_kept', `${children} children, expected ${plan.children.length}`, run.id);
      continue;
    }
    const cause = run.error?.details?.cause?.code;
    const failedStep = run.error?.details?.step ?? '?';
    if (run.status === 'failed' && plan.doomed && failedStep === 'flaky' && cause === 'chaos_injected') {
      runs.failedAsPlanned++;
    } else if (run.status === 'failed' && cause === 'attempts_exhausted') {
      // A crash counts as an attempt, so crashes alone may use up a step's policy: allowed, but
      // only for a step that did lose a lease, and never for the output step (see docs/guarantees.md).
      const lost = (eventsByPair.get(pairKey(run.id, failedStep)) ?? []).some((e) => e.type === 'step.lease_expired');
      if (!lost) flag('planned_outcome', `run ${run.input.i}: ${failedStep} exhausted its attempts without losing a lease`, run.id, failedStep);
      else if (failedStep === '$output') {
        flag('output_kept', `run ${run.input.i}: every step completed, but a worker crash while it computed $output (1 attempt) failed the run`, run.id, failedStep);
      } else runs.failedAfterCrashes++;
    } else {
      flag('planned_outcome', `run ${run.input.i} ${run.status}${plan.doomed ? ' (doomed)' : ''}: ${JSON.stringify(run.error)}`, run.id, failedStep);
    }
  }

  for (const s of snap.steps) {
    if (s.status === 'running' && s.leaseExpired) flag('no_stuck_lease', `step ${s.key} is running on an expired lease`, s.run, s.key);
    if (s.attempt > s.maxAttempts && !(s.status === 'cancelled' || (s.status === 'failed' && s.error?.code === 'attempts_exhausted'))) {
      flag('attempts_within_policy', `step ${s.key} is ${s.status} at attempt ${s.attempt} of ${s.maxAttempts}`, s.run, s.key);
    }
    const completions = (eventsByPair.get(pairKey(s.run, s.key)) ?? []).filter((e) => e.type === 'step.completed').length;
    if (completions !== (s.status === 'completed' ? 1 : 0)) {
      flag('completed_once', `step ${s.key} (${s.status}) has ${completions} step.completed events`, s.run, s.key);
    }
  }

  const lost = { killed: 0, leaseLost: 0, runEnded: 0 };
  for (const [pair, list] of effectsByPair) {
    const row = stepByPair.get(pair);
    const first = list[0]!;
    if (!row) {
      flag('completed_once', `effects for a step the database does not know`, first.run, first.step);
      continue;
    }
    for (const e of list) {
      if (e.attempt > row.maxAttempts) flag('attempts_within_policy', `${e.kind} at attempt ${e.attempt} of ${row.maxAttempts}`, e.run, e.step);
    }
    const committed = row.status === 'completed' && row.kind !== 'output' ? (row.output as Produced | null)?.exec : undefined;
    const dones = list.filter((e) => e.kind === 'done');
    if (committed !== undefined) {
      const winner = dones.filter((e) => e.exec === committed);
      if (winner.length !== 1) flag('completed_once', `committed output of execution ${committed} has ${winner.length} done effects`, row.run, row.key);
      else if (winner[0]!.attempt !== row.attempt) {
        flag('completed_once', `output committed at attempt ${row.attempt} by the execution of attempt ${winner[0]!.attempt}`, row.run, row.key);
      }
    }
    for (const e of dones) {
      if (e.exec === committed) continue;
      if (killed.has(e.proc)) lost.killed++;
      else if (leaseLost(e.run, e.step, e.attempt)) lost.leaseLost++;
      else if (row.status === 'cancelled') lost.runEnded++;
      else {
        flag(
          'completed_once',
          `execution ${e.exec} (attempt ${e.attempt}) finished the step body but its outcome was not committed, and its process neither died nor lost the lease (step ${row.status})`,
          e.run,
          e.step,
        );
      }
    }
  }

  const subSteps = { bodiesCompleted: 0, memos: snap.memos.length, repeats: { killed: 0, leaseLost: 0, other: 0 } };
  const memoByName = new Map(snap.memos.map((m) => [`${pairKey(m.run, m.step)}\u0000${m.name}`, m]));
  const subDone = group(effects.filter((e) => e.kind === 'sub-done'), (e) => `${pairKey(e.run, e.step)}\u0000${e.name}`);
  for (const [name, list] of subDone) {
    subSteps.bodiesCompleted += list.length;
    const memo = memoByName.get(name);
    const memoExec = (memo?.output as Produced | undefined)?.exec;
    for (const e of list) {
      if (e.exec === memoExec) continue;
      if (killed.has(e.proc)) subSteps.repeats.killed++;
      else if (leaseLost(e.run, e.step, e.attempt)) subSteps.repeats.leaseLost++;
      else subSteps.repeats.other++;
      const started = startsByExec.get(e.exec)?.at ?? 0;
      if (memo && started > memo.at + MEMO_SLACK_MS) {
        flag('substep_memoized', `sub-step ${e.name} ran again in execution ${e.exec}, which started ${Math.round(started - memo.at)} ms after its memo was saved`, e.run, e.step);
      }
    }
  }
  for (const memo of snap.memos) {
    const exec = (memo.output as Produced | null)?.exec;
    const body = (subDone.get(`${pairKey(memo.run, memo.step)}\u0000${memo.name}`) ?? []).some((e) => e.exec === exec);
    if (!body) flag('substep_memoized', `memo ${memo.name} names execution ${exec}, which never completed the sub-step`, memo.run, memo.step);
  }
  for (const s of snap.steps.filter((s) => s.key === 'prepare' && s.status === 'completed')) checkPrepare(s, memoByName, flag);

  const retrying = snap.events.filter((e) => e.type === 'step.retrying');
  const expired = snap.events.filter((e) => e.type === 'step.lease_expired');
  // Worker ids are `<host>:<pid>:<random>`, and the reclaim names the worker in its message.
  const expiredPid = (e: (typeof expired)[number]) => Number(/worker [^:\s]*:(\d+):/.exec(e.data?.error?.message ?? '')?.[1]);
  return {
    violations,
    runs,
    steps: {
      completed: snap.steps.filter((s) => s.status === 'completed').length,
      children: snap.steps.filter((s) => s.kind === 'child').length,
      executions: effects.filter((e) => e.kind === 'start').length,
      leaseExpiries: expired.length,
      leaseExpiriesOfLiveWorkers: expired.filter((e) => !killedPids.has(expiredPid(e))).length,
      retries: retrying.length,
      timeouts: retrying.filter((e) => e.data?.error?.code === 'step_timeout').length,
    },
    lostCompletions: lost,
    subSteps,
  };
}

/** The completed `prepare` must have used the sub-step results that were memoized. */
function checkPrepare(
  s: StepRow,
  memoByName: ReadonlyMap<string, { output: unknown }>,
  flag: (invariant: string, message: string, run?: string, step?: string) => void,
): void {
  const used = (s.output as PrepareOutput).subs;
  for (const name of ['fetch', 'compute'] as const) {
    const memo = memoByName.get(`${pairKey(s.run, s.key)}\u0000${name}`);
    const memoExec = (memo?.output as Produced | undefined)?.exec;
    if (memoExec === undefined) flag('substep_memoized', `completed step has no memo for sub-step ${name}`, s.run, s.key);
    else if (memoExec !== used[name]) {
      flag('substep_memoized', `completed with the ${name} result of execution ${used[name]}, but the memo holds execution ${memoExec}'s`, s.run, s.key);
    }
  }
}
