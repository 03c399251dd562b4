import { z } from 'zod';
import { StepError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { defineWorkflow } from '../../core/runner/defineWorkflow.ts';
import type { CompiledWorkflow, StepContext, StepScope } from '../../core/runner/types.ts';
import type { Recorder } from './effects.ts';
import {
  CHILD_RETRY,
  CHILD_TIMEOUT_MS,
  FAN_CONCURRENCY,
  SLOW_CHILD_MS,
  STEP_RETRY,
  STEP_TIMEOUT_MS,
  childValue,
  computeValue,
  fetchValue,
  flakyValue,
  planRun,
  type RunOutput,
} from './plan.ts';

export const WORKFLOW = 'chaos-mixed';
export const CHILD_STEP = 'chaos/work';

/** A step's committed output names the execution that produced it. */
export interface Produced {
  value: number;
  exec: string;
}

export interface PrepareOutput extends Produced {
  /** The executions whose sub-step results this output was computed from. */
  subs: { fetch: string; compute: string };
}

/** Sleeps unless the step is aborted (timeout, lost lease, shutdown), in which case it throws. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

const injected = (what: string, attempt: number) =>
  new StepError(`injected failure of ${what} on attempt ${attempt}`, { code: 'chaos_injected', retryable: true });

/**
 * Records `done` and returns: nothing after the record may fail or wait, so that a `done`
 * without a committed output can only mean the outcome was lost after the step returned.
 */
function finish<T extends Produced>(rec: Recorder, ctx: StepContext, output: T): T {
  ctx.signal.throwIfAborted();
  rec.write({ kind: 'done', run: ctx.runId, step: ctx.stepKey, attempt: ctx.attempt, exec: output.exec });
  return output;
}

function begin(rec: Recorder, ctx: StepContext): string {
  const exec = rec.exec();
  rec.write({ kind: 'start', run: ctx.runId, step: ctx.stepKey, attempt: ctx.attempt, exec });
  return exec;
}

function runIndex(scope: StepScope): number {
  return (scope.input as { i: number }).i;
}

async function subStep(rec: Recorder, ctx: StepContext, exec: string, name: string, n: number): Promise<Produced> {
  const where = { run: ctx.runId, step: ctx.stepKey, attempt: ctx.attempt, exec, name };
  rec.write({ kind: 'sub-start', ...where });
  await pause(5, ctx.signal);
  rec.write({ kind: 'sub-done', ...where });
  return { value: n, exec };
}

/** The plugin whose step the `fan` step spawns; workers resolve it through a PluginRegistry. */
export function chaosPlugin(rec: Recorder) {
  return definePlugin({
    name: 'chaos',
    version: '1.0.0',
    steps: {
      work: defineStep({
        input: z.object({ i: z.number(), j: z.number(), base: z.number() }),
        output: z.object({ value: z.number(), exec: z.string() }),
        retry: CHILD_RETRY,
        timeout: CHILD_TIMEOUT_MS,
        async run(ctx, input) {
          const exec = begin(rec, ctx);
          const plan = planRun(input.i).children[input.j]!;
          await pause(plan.timesOut && ctx.attempt === 1 ? SLOW_CHILD_MS : plan.sleepMs, ctx.signal);
          if (ctx.attempt <= plan.failures) throw injected(`child ${input.j}`, ctx.attempt);
          return finish(rec, ctx, { value: childValue(input.base, input.j), exec });
        },
      }),
    },
  });
}

export function chaosRegistry(rec: Recorder): PluginRegistry {
  const registry = new PluginRegistry();
  registry.register(chaosPlugin(rec));
  return registry;
}

/**
 * prepare (two ctx.step sub-steps, then fails once in five runs) -> fan (ctx.spawn of 2-4
 * plugin children, two at a time; some fail, some time out once) and flaky (fails 0-2 times,
 * always for doomed runs) -> $output.
 */
export function chaosWorkflow(rec: Recorder): CompiledWorkflow {
  return defineWorkflow({
    name: WORKFLOW,
    version: '1',
    steps: {
      prepare: {
        retry: STEP_RETRY,
        timeoutMs: STEP_TIMEOUT_MS,
        async run(ctx, scope): Promise<PrepareOutput> {
          const i = runIndex(scope);
          const plan = planRun(i);
          const exec = begin(rec, ctx);
          const fetched = await ctx.step('fetch', () => subStep(rec, ctx, exec, 'fetch', fetchValue(i)));
          const computed = await ctx.step('compute', () => subStep(rec, ctx, exec, 'compute', computeValue(fetched.value)));
          await pause(plan.sleepMs, ctx.signal);
          // After the sub-steps, so that retries show they are not run again.
          if (ctx.attempt <= plan.prepareFailures) throw injected('prepare', ctx.attempt);
          return finish(rec, ctx, { value: fetched.value + computed.value, exec, subs: { fetch: fetched.exec, compute: computed.exec } });
        },
      },
      fan: {
        needs: ['prepare'],
        retry: STEP_RETRY,
        timeoutMs: STEP_TIMEOUT_MS,
        async run(ctx, scope): Promise<Produced> {
          const i = runIndex(scope);
          const base = (scope.steps.prepare?.output as PrepareOutput).value;
          const exec = begin(rec, ctx);
          const children = planRun(i).children.map((_, j) => ({ uses: CHILD_STEP, input: { i, j, base } }));
          const results = await ctx.spawn<Produced>('items', children, { concurrency: FAN_CONCURRENCY });
          return finish(rec, ctx, { value: results.reduce((sum, r) => sum + r.value, 0), exec });
        },
      },
      flaky: {
        needs: ['prepare'],
        retry: STEP_RETRY,
        timeoutMs: STEP_TIMEOUT_MS,
        async run(ctx, scope): Promise<Produced> {
          const i = runIndex(scope);
          const plan = planRun(i);
          const exec = begin(rec, ctx);
          await pause(plan.sleepMs, ctx.signal);
          if (ctx.attempt <= plan.flakyFailures) throw injected('flaky', ctx.attempt);
          return finish(rec, ctx, { value: flakyValue(i), exec });
        },
      },
    },
    outputs(scope): RunOutput {
      const value = (key: string) => (scope.steps[key]?.output as Produced | undefined)?.value ?? Number.NaN;
      return { prepare: value('prepare'), fan: value('fan'), flaky: value('flaky') };
    },
  });
}
