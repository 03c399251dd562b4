import { afterEach, describe, expect, it } from 'vitest';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { backend } from '../helpers/db.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';

let fx: RunnerFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe(`runner basics (${backend})`, () => {
  it('runs a chain of steps, passing outputs along, and records the history', async () => {
    fx = await runnerFixture();
    const wf = defineWorkflow({
      name: 'chain',
      steps: {
        a: { run: async (_ctx, scope) => ({ n: (scope.input as { n: number }).n + 1 }) },
        b: { needs: ['a'], run: async (_ctx, scope) => ({ n: (scope.steps.a!.output as { n: number }).n * 10 }) },
        c: { needs: ['b'], run: async (_ctx, scope) => `total ${(scope.steps.b!.output as { n: number }).n}` },
      },
    });
    await fx.runner.register(wf);
    const { run, created } = await fx.runner.start('chain', { n: 4 });
    expect(created).toBe(true);
    expect(run.status).toBe('running');
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('completed');
    expect(done.output).toBe('total 50');
    const steps = await fx.runner.getSteps(run.id);
    expect(steps.map((s) => [s.key, s.status])).toEqual([
      ['a', 'completed'],
      ['b', 'completed'],
      ['c', 'completed'],
    ]);
    const events = await fx.runner.getEvents(run.id);
    const types = events.map((e) => `${e.stepKey ?? 'run'}:${e.type}`);
    expect(types[0]).toBe('run:run.started');
    expect(types.at(-1)).toBe('run:run.completed');
    expect(types).toContain('a:step.started');
    expect(types).toContain('c:step.completed');
    expect(types.indexOf('a:step.completed')).toBeLessThan(types.indexOf('b:step.started'));
    // Events are strictly ordered by id, so readers can resume after any one of them.
    expect(events.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort((x, y) => x - y));
    const later = await fx.runner.getEvents(run.id, events[2]!.id);
    expect(later[0]!.id).toBe(events[3]!.id);
  });

  it('combines several final steps, or declared outputs, into the run output', async () => {
    fx = await runnerFixture();
    await fx.runner.register(
      defineWorkflow({
        name: 'fan-in',
        steps: {
          left: { run: async () => 'L' },
          right: { run: async () => 'R' },
        },
      }),
    );
    await fx.runner.register(
      defineWorkflow({
        name: 'with-outputs',
        steps: { x: { run: async () => 2 }, y: { needs: ['x'], run: async () => 3 } },
        outputs: (scope) => ({ sum: (scope.steps.x!.output as number) + (scope.steps.y!.output as number) }),
      }),
    );
    const a = await fx.runner.start('fan-in', null);
    const b = await fx.runner.start('with-outputs', null);
    expect((await fx.runner.waitForRun(a.run.id)).output).toEqual({ left: 'L', right: 'R' });
    expect((await fx.runner.waitForRun(b.run.id)).output).toEqual({ sum: 5 });
  });

  it('returns the same run for the same idempotency key', async () => {
    fx = await runnerFixture();
    let executions = 0;
    await fx.runner.register(defineWorkflow({ name: 'once', steps: { only: { run: async () => ++executions } } }));
    const results = await Promise.all(Array.from({ length: 5 }, () => fx!.runner.start('once', {}, { idempotencyKey: 'order-42' })));
    const ids = new Set(results.map((r) => r.run.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await fx.runner.start('once', {}, { idempotencyKey: 'order-42' });
    expect(again.created).toBe(false);
    expect(again.run.id).toBe(results[0]!.run.id);
    await fx.runner.waitForRun(again.run.id);
    expect(executions).toBe(1);
  });

  it('rejects bad input before anything is stored', async () => {
    fx = await runnerFixture({ worker: false });
    const { z } = await import('zod');
    await fx.runner.register(
      defineWorkflow({ name: 'typed', input: z.object({ count: z.number().int() }), steps: { s: { run: async () => null } } }),
    );
    await expect(fx.runner.start('typed', { count: 'three' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(fx.runner.start('missing', {})).rejects.toMatchObject({ code: 'not_found' });
    expect((await fx.runner.listRuns()).runs).toHaveLength(0);
  });

  it('lists runs newest first with stable cursor pages and status filters', async () => {
    fx = await runnerFixture({ worker: false });
    await fx.runner.register(defineWorkflow({ name: 'noop', steps: { s: { run: async () => null } } }));
    const started: string[] = [];
    for (let i = 0; i < 7; i++) started.push((await fx.runner.start('noop', { i })).run.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await fx.runner.listRuns({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.runs.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...started].reverse());
    expect((await fx.runner.listRuns({ status: 'completed' })).runs).toHaveLength(0);
    await expect(fx.runner.listRuns({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'cursor_invalid' });
  });
});
