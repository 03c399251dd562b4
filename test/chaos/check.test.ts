import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../../bench/chaos/check.ts';
import type { Effect } from '../../bench/chaos/effects.ts';
import { expectedOutput, planRun } from '../../bench/chaos/plan.ts';
import type { EventRow, Snapshot, StepRow } from '../../bench/chaos/snapshot.ts';

// The chaos test passes only if the checker would have failed it: each invariant is shown
// here to catch a history that breaks it, and to accept the legitimate repeats.

const RUN = '00000000-0000-4000-8000-000000000001';
const I = Array.from({ length: 100 }, (_, i) => i).find((i) => !planRun(i).doomed)!;
const T0 = 1_000_000;

interface History {
  snap: Snapshot;
  effects: Effect[];
}

function step(key: string, kind: string, exec: string, value: number, extra: object = {}): StepRow {
  return {
    run: RUN,
    key,
    kind,
    status: 'completed',
    attempt: 1,
    maxAttempts: kind === 'output' ? 1 : 4,
    output: { value, exec, ...extra },
    error: null,
    leaseExpired: false,
  };
}

function effect(kind: Effect['kind'], stepKey: string, exec: string, at: number, name?: string): Effect {
  return { kind, run: RUN, step: stepKey, attempt: 1, exec, proc: 'w0.1', at, ...(name ? { name } : {}) };
}

/** One run of the chaos workflow that went through without a single fault. */
function healthy(): History {
  const out = expectedOutput(I);
  const children = planRun(I).children.map((_, j) => step(`fan/items[${j}]`, 'child', `c${j}`, out.prepare + j * j));
  const steps: StepRow[] = [
    step('prepare', 'step', 'p', out.prepare, { subs: { fetch: 'p', compute: 'p' } }),
    step('fan', 'step', 'f', out.fan),
    step('flaky', 'step', 'k', out.flaky),
    { ...step('$output', 'output', '', 0), output: out },
    ...children,
  ];
  const events: EventRow[] = steps.map((s) => ({ run: RUN, step: s.key, type: 'step.completed', data: { attempt: 1 } }));
  const effects: Effect[] = [
    effect('start', 'prepare', 'p', T0),
    effect('sub-start', 'prepare', 'p', T0 + 1, 'fetch'),
    effect('sub-done', 'prepare', 'p', T0 + 2, 'fetch'),
    effect('sub-start', 'prepare', 'p', T0 + 3, 'compute'),
    effect('sub-done', 'prepare', 'p', T0 + 4, 'compute'),
    effect('done', 'prepare', 'p', T0 + 5),
    ...steps.filter((s) => s.kind !== 'output' && s.key !== 'prepare').flatMap((s) => {
      const exec = (s.output as { exec: string }).exec;
      return [effect('start', s.key, exec, T0 + 10), effect('done', s.key, exec, T0 + 20)];
    }),
  ];
  return {
    snap: {
      runs: [{ id: RUN, status: 'completed', input: { i: I }, output: out, error: null }],
      steps,
      memos: ['fetch', 'compute'].map((name) => ({ run: RUN, step: 'prepare', name, output: { value: 0, exec: 'p' }, at: T0 + 5 })),
      events,
    },
    effects,
  };
}

const invariants = (h: History, killed: string[] = []) => checkInvariants(h.snap, h.effects, new Set(killed)).violations.map((v) => v.invariant);

function stepOf(h: History, key: string): StepRow {
  return h.snap.steps.find((s) => s.key === key)!;
}

describe('chaos invariants', () => {
  it('accept a run without faults', () => {
    const h = healthy();
    expect(checkInvariants(h.snap, h.effects, new Set()).violations).toEqual([]);
  });

  it('catch a step body that finished twice while its process lived and kept its lease', () => {
    const h = healthy();
    h.effects.push(effect('start', 'flaky', 'k2', T0 + 30), effect('done', 'flaky', 'k2', T0 + 40));
    expect(invariants(h)).toEqual(['completed_once']);
  });

  it('accept a second finish when the first process was killed before its outcome was committed', () => {
    const h = healthy();
    h.effects.push({ ...effect('done', 'flaky', 'k0', T0 + 5), proc: 'w1.1' });
    const result = checkInvariants(h.snap, h.effects, new Set(['w1.1']));
    expect(result.violations).toEqual([]);
    expect(result.lostCompletions.killed).toBe(1);
  });

  it('accept a second finish when the first execution lost its lease', () => {
    const h = healthy();
    h.effects.push(effect('done', 'flaky', 'k0', T0 + 5));
    stepOf(h, 'flaky').attempt = 2;
    h.effects.find((e) => e.exec === 'k' && e.kind === 'done')!.attempt = 2;
    h.snap.events.push({ run: RUN, step: 'flaky', type: 'step.lease_expired', data: { nextAttempt: 2, error: { message: 'worker vm:4242:ab12 stopped renewing' } } });
    expect(invariants(h)).toEqual([]);
    expect(checkInvariants(h.snap, h.effects, new Set()).steps.leaseExpiriesOfLiveWorkers).toBe(1);
    expect(checkInvariants(h.snap, h.effects, new Set(), new Set([4242])).steps.leaseExpiriesOfLiveWorkers).toBe(0);
  });

  it('catch two step.completed events for one step', () => {
    const h = healthy();
    h.snap.events.push({ run: RUN, step: 'fan', type: 'step.completed', data: { attempt: 1 } });
    expect(invariants(h)).toEqual(['completed_once']);
  });

  it('catch a committed output whose execution never finished its body', () => {
    const h = healthy();
    h.effects = h.effects.filter((e) => !(e.step === 'fan' && e.kind === 'done'));
    expect(invariants(h)).toEqual(['completed_once']);
  });

  it('catch a wrong or missing run output', () => {
    const h = healthy();
    h.snap.runs[0]!.output = { ...expectedOutput(I), fan: -1 };
    expect(invariants(h)).toEqual(['output_kept']);
  });

  it('catch a run that never finished and a lease nobody reclaimed', () => {
    const h = healthy();
    h.snap.runs[0]!.status = 'running';
    Object.assign(stepOf(h, 'flaky'), { status: 'running', leaseExpired: true, output: null });
    h.snap.events = h.snap.events.filter((e) => e.step !== 'flaky');
    h.effects = h.effects.filter((e) => !(e.step === 'flaky' && e.kind === 'done'));
    expect(invariants(h)).toEqual(['no_stuck_lease']);
    expect(checkInvariants(h.snap, h.effects, new Set()).runs).toMatchObject({ notFinal: 1, stuck: 0 });
  });

  it('catch a run left with nothing ready or running, and let one that ran out of time be', () => {
    const h = healthy();
    h.snap.runs[0]!.status = 'running';
    Object.assign(stepOf(h, 'flaky'), { status: 'pending', output: null });
    h.snap.events = h.snap.events.filter((e) => e.step !== 'flaky');
    h.effects = h.effects.filter((e) => !(e.step === 'flaky' && e.kind === 'done'));
    expect(invariants(h)).toEqual(['run_final']);
    stepOf(h, 'flaky').status = 'ready';
    expect(invariants(h)).toEqual([]);
  });

  it('catch an execution beyond the retry policy', () => {
    const h = healthy();
    h.effects.push({ ...effect('start', 'fan/items[0]', 'x', T0 + 50), attempt: 5 });
    expect(invariants(h)).toEqual(['attempts_within_policy']);
  });

  it('catch a step that completed with a sub-step result other than the memo', () => {
    const h = healthy();
    (stepOf(h, 'prepare').output as { subs: { fetch: string } }).subs.fetch = 'other';
    expect(invariants(h)).toEqual(['substep_memoized']);
  });

  it('catch a sub-step run again by an execution that started after its memo was saved', () => {
    const h = healthy();
    h.effects.push(effect('start', 'prepare', 'p2', T0 + 5_000), effect('sub-done', 'prepare', 'p2', T0 + 5_001, 'fetch'));
    expect(invariants(h)).toEqual(['substep_memoized']);
  });

  it('accept a sub-step repeated because its process died before the memo was saved', () => {
    const h = healthy();
    h.effects.push({ ...effect('start', 'prepare', 'p0', T0 - 100), proc: 'w9.1' }, { ...effect('sub-done', 'prepare', 'p0', T0 - 90, 'fetch'), proc: 'w9.1' });
    const result = checkInvariants(h.snap, h.effects, new Set(['w9.1']));
    expect(result.violations).toEqual([]);
    expect(result.subSteps.repeats.killed).toBe(1);
  });

  it('catch a run failed on $output by a crash, and a run failed by a dropped connection', () => {
    const h = healthy();
    Object.assign(h.snap.runs[0]!, { status: 'failed', output: null, error: { code: 'step_failed', details: { step: '$output', cause: { code: 'attempts_exhausted' } } } });
    Object.assign(stepOf(h, '$output'), { status: 'failed', attempt: 2, error: { code: 'attempts_exhausted' }, output: null });
    h.snap.events = h.snap.events.filter((e) => e.step !== '$output');
    h.snap.events.push({ run: RUN, step: '$output', type: 'step.lease_expired', data: { nextAttempt: 2 } });
    expect(invariants(h)).toEqual(['output_kept']);

    const cut = healthy();
    Object.assign(cut.snap.runs[0]!, { status: 'failed', output: null, error: { code: 'step_failed', details: { step: 'prepare', cause: { code: 'database_error' } } } });
    expect(invariants(cut)).toEqual(['planned_outcome']);
  });
});
