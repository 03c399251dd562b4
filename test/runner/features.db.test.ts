import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FatalStepError } from '../../core/errors.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import { backend } from '../helpers/db.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';
import { executions, testRegistry } from '../helpers/testPlugin.ts';

let fx: RunnerFixture | undefined;
beforeEach(() => executions.clear());
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

const bump = (key: string) => executions.set(key, (executions.get(key) ?? 0) + 1);

describe(`runner features (${backend})`, () => {
  it('retries with exponential backoff and records each attempt', async () => {
    fx = await runnerFixture();
    const times: number[] = [];
    await fx.runner.register(
      defineWorkflow({
        name: 'retrying',
        steps: {
          s: {
            retry: { maxAttempts: 4, initialDelayMs: 100, maxDelayMs: 1_000 },
            run: async (ctx) => {
              times.push(Date.now());
              if (ctx.attempt < 4) throw new Error(`boom ${ctx.attempt}`);
              return ctx.attempt;
            },
          },
        },
      }),
    );
    const { run } = await fx.runner.start('retrying', null);
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('completed');
    expect(done.output).toBe(4);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // 100, 200, 400 ms each with ±25 % jitter.
    expect(gaps[0]).toBeGreaterThanOrEqual(70);
    expect(gaps[1]).toBeGreaterThanOrEqual(145);
    expect(gaps[2]).toBeGreaterThanOrEqual(295);
    const retries = (await fx.runner.getEvents(run.id)).filter((e) => e.type === 'step.retrying');
    expect(retries.map((e) => (e.data as { attempt: number }).attempt)).toEqual([1, 2, 3]);
    expect((retries[0]!.data as { error: { message: string } }).error.message).toBe('boom 1');
  });

  it('fails the run after the last attempt, cancelling what was left, and fatal errors skip retries', async () => {
    fx = await runnerFixture();
    let fatalCalls = 0;
    await fx.runner.register(
      defineWorkflow({
        name: 'failing',
        steps: {
          bad: { retry: { maxAttempts: 2, initialDelayMs: 10 }, run: async () => Promise.reject(new Error('always')) },
          after: { needs: ['bad'], run: async () => 'never' },
        },
      }),
    );
    await fx.runner.register(
      defineWorkflow({
        name: 'fatal',
        steps: {
          f: {
            retry: { maxAttempts: 5 },
            run: async () => {
              fatalCalls++;
              throw new FatalStepError('bad key', { code: 'auth' });
            },
          },
        },
      }),
    );
    const a = await fx.runner.start('failing', null);
    const failed = await fx.runner.waitForRun(a.run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ code: 'step_failed', message: "step 'bad' failed: always" });
    const steps = await fx.runner.getSteps(a.run.id);
    expect(steps.map((s) => [s.key, s.status, s.attempt])).toEqual([
      ['bad', 'failed', 2],
      ['after', 'cancelled', 1],
    ]);
    const b = await fx.runner.start('fatal', null);
    expect((await fx.runner.waitForRun(b.run.id)).status).toBe('failed');
    expect(fatalCalls).toBe(1);
  });

  it('aborts a step that exceeds its timeout through its AbortSignal', async () => {
    fx = await runnerFixture();
    let sawAbort = false;
    await fx.runner.register(
      defineWorkflow({
        name: 'slow',
        steps: {
          s: {
            timeoutMs: 150,
            retry: { maxAttempts: 2, initialDelayMs: 10 },
            run: (ctx) =>
              new Promise((resolve) => {
                ctx.signal.addEventListener('abort', () => {
                  sawAbort = true;
                  resolve('too late');
                });
              }),
          },
        },
      }),
    );
    const started = Date.now();
    const { run } = await fx.runner.start('slow', null);
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('failed');
    expect(sawAbort).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const events = await fx.runner.getEvents(run.id);
    expect(events.find((e) => e.type === 'step.retrying')?.data).toMatchObject({ error: { code: 'step_timeout' } });
  });

  it('cancels a run: in-flight steps are aborted and nothing more starts', async () => {
    fx = await runnerFixture();
    let aborted = false;
    let secondStarted = false;
    let resolveStarted!: () => void;
    const started = new Promise<void>((r) => (resolveStarted = r));
    await fx.runner.register(
      defineWorkflow({
        name: 'cancellable',
        steps: {
          long: {
            run: (ctx) =>
              new Promise((_, reject) => {
                resolveStarted();
                ctx.signal.addEventListener('abort', () => {
                  aborted = true;
                  reject(new Error('aborted'));
                });
              }),
          },
          next: {
            needs: ['long'],
            run: async () => {
              secondStarted = true;
            },
          },
        },
      }),
    );
    const { run } = await fx.runner.start('cancellable', null);
    await started;
    const cancelled = await fx.runner.cancel(run.id, 'user changed their mind');
    expect(cancelled.status).toBe('cancelled');
    await expect.poll(() => aborted).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(secondStarted).toBe(false);
    const steps = await fx.runner.getSteps(run.id);
    expect(steps.every((s) => s.status === 'cancelled')).toBe(true);
    expect((await fx.runner.getEvents(run.id)).at(-1)).toMatchObject({ type: 'run.cancelled', data: { reason: 'user changed their mind' } });
  });

  it('memoizes durable sub-steps so a retried step does not repeat finished work', async () => {
    fx = await runnerFixture();
    await fx.runner.register(
      defineWorkflow({
        name: 'substeps',
        steps: {
          s: {
            retry: { maxAttempts: 3, initialDelayMs: 10 },
            run: async (ctx) => {
              const a = await ctx.step('fetch', async () => {
                bump('fetch');
                return { value: 21 };
              });
              const b = await ctx.step('fetch', async () => {
                bump('fetch#2');
                return 1;
              });
              if (ctx.attempt === 1) throw new Error('crash after the sub-steps');
              const c = await ctx.step('double', async () => {
                bump('double');
                return a.value * 2 + b;
              });
              return c;
            },
          },
        },
      }),
    );
    const { run } = await fx.runner.start('substeps', null);
    const done = await fx.runner.waitForRun(run.id);
    expect(done.output).toBe(43);
    expect(Object.fromEntries(executions)).toEqual({ fetch: 1, 'fetch#2': 1, double: 1 });
  });

  it('spawns child steps at run time and gathers their results, bounded by concurrency', async () => {
    fx = await runnerFixture({ resolver: testRegistry(), worker: { concurrency: 20 } });
    let parentRuns = 0;
    await fx.runner.register(
      defineWorkflow({
        name: 'fanout',
        steps: {
          plan: { run: async () => [1, 2, 3, 4, 5, 6] },
          work: {
            needs: ['plan'],
            run: async (ctx, scope) => {
              parentRuns++;
              const numbers = scope.steps.plan!.output as number[];
              const doubled = await ctx.spawn<number>('double', numbers.map((n) => ({ uses: 'test/double', input: { n } })));
              const slow = await ctx.spawn('slow', doubled.map((d) => ({ uses: 'test/slow', input: { ms: 100, value: d } })), {
                concurrency: 2,
              });
              return { doubled, slow };
            },
          },
        },
      }),
    );
    const started = Date.now();
    const { run } = await fx.runner.start('fanout', null);
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('completed');
    expect(done.output).toEqual({ doubled: [2, 4, 6, 8, 10, 12], slow: [2, 4, 6, 8, 10, 12] });
    // Six 100 ms children two at a time take at least three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(parentRuns).toBe(3);
    const steps = await fx.runner.getSteps(run.id);
    expect(steps.filter((s) => s.kind === 'child')).toHaveLength(12);
    expect(steps.find((s) => s.key === 'work/double[3]')).toMatchObject({ parentKey: 'work', uses: 'test/double', output: 8 });
    // With a bound of 2, no more than two slow children ever ran at the same instant.
    const slow = steps.filter((s) => s.key.startsWith('work/slow['));
    const edges = slow.flatMap((s) => [
      { at: s.startedAt!.getTime(), d: 1 },
      { at: s.finishedAt!.getTime(), d: -1 },
    ]);
    edges.sort((a, b) => a.at - b.at || a.d - b.d);
    let live = 0;
    let peak = 0;
    for (const e of edges) peak = Math.max(peak, (live += e.d));
    expect(peak).toBe(2);
  });

  it('fails the run when a child fails, and continue-on-error children yield null instead', async () => {
    fx = await runnerFixture({ resolver: testRegistry() });
    await fx.runner.register(
      defineWorkflow({
        name: 'child-failure',
        steps: {
          s: {
            run: (ctx) => ctx.spawn('f', [{ uses: 'test/flaky', input: { id: 'x', failTimes: 9 }, retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 5 } }]),
          },
        },
      }),
    );
    await fx.runner.register(
      defineWorkflow({
        name: 'child-tolerated',
        steps: {
          s: {
            run: (ctx) =>
              ctx.spawn('f', [
                { uses: 'test/flaky', input: { id: 'y', failTimes: 9 }, retry: { maxAttempts: 1, initialDelayMs: 5, maxDelayMs: 5 }, continueOnError: true },
                { uses: 'test/double', input: { n: 4 } },
              ]),
          },
        },
      }),
    );
    const a = await fx.runner.start('child-failure', null);
    const failed = await fx.runner.waitForRun(a.run.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatchObject({ details: { step: 's/f[0]' } });
    expect(executions.get('x')).toBe(2);
    const b = await fx.runner.start('child-tolerated', null);
    const ok = await fx.runner.waitForRun(b.run.id);
    expect(ok.status).toBe('completed');
    expect(ok.output).toEqual([null, 8]);
  });

  it('skips a step that says so, and its dependants, and continues on error when asked', async () => {
    fx = await runnerFixture();
    await fx.runner.register({
      ...defineWorkflow({
        name: 'skipping',
        steps: {
          gate: { run: async () => null },
          tolerant: { continueOnError: true, retry: { maxAttempts: 1 }, run: async () => Promise.reject(new Error('meh')) },
          after: { needs: ['tolerant'], run: async (_c, scope) => `after ${scope.steps.tolerant!.status}` },
          child: { needs: ['gate'], run: async () => 'should not run' },
        },
      }),
      // The gate decides to skip itself, as a false `if` does.
    });
    const wf = defineWorkflow({
      name: 'skipping',
      version: '2',
      steps: {
        gate: { run: async () => null },
        tolerant: { continueOnError: true, retry: { maxAttempts: 1 }, run: async () => Promise.reject(new Error('meh')) },
        after: { needs: ['tolerant'], run: async (_c, scope) => `after ${scope.steps.tolerant!.status}` },
        child: { needs: ['gate'], run: async () => 'should not run' },
      },
    });
    const gate = wf.steps.find((s) => s.key === 'gate')!;
    const patched = { ...wf, steps: wf.steps.map((s) => (s === gate ? { ...s, execute: async () => ({ skip: true as const, reason: 'if was false' }) } : s)) };
    await fx.runner.register(patched);
    const { run } = await fx.runner.start('skipping@2', null);
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('completed');
    const steps = Object.fromEntries((await fx.runner.getSteps(run.id)).map((s) => [s.key, s]));
    expect(steps.gate!.status).toBe('skipped');
    expect(steps.child!.status).toBe('skipped');
    expect(steps.tolerant!.status).toBe('failed');
    expect(steps.after!.output).toBe('after failed');
    const skipEvent = (await fx.runner.getEvents(run.id)).find((e) => e.stepKey === 'child' && e.type === 'step.skipped');
    expect(skipEvent?.data).toMatchObject({ reason: "dependency 'gate' was skipped" });
  });

  it('retries a failed run from its failed step, keeping completed work', async () => {
    fx = await runnerFixture();
    let shouldFail = true;
    await fx.runner.register(
      defineWorkflow({
        name: 'recoverable',
        steps: {
          first: {
            run: async () => {
              bump('first');
              return 1;
            },
          },
          second: {
            needs: ['first'],
            retry: { maxAttempts: 1 },
            run: async () => {
              bump('second');
              if (shouldFail) throw new Error('not yet');
              return 2;
            },
          },
          third: { needs: ['second'], run: async () => 3 },
        },
      }),
    );
    const { run } = await fx.runner.start('recoverable', null);
    expect((await fx.runner.waitForRun(run.id)).status).toBe('failed');
    await expect(fx.runner.retry((await fx.runner.start('recoverable', null)).run.id)).rejects.toMatchObject({ code: 'run_not_retryable' });
    shouldFail = false;
    const retried = await fx.runner.retry(run.id);
    expect(retried.status).toBe('running');
    const done = await fx.runner.waitForRun(run.id);
    expect(done.status).toBe('completed');
    expect(done.output).toBe(3);
    expect(executions.get('first')).toBeGreaterThanOrEqual(1);
  });
});
