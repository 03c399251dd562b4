import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { backend } from '../helpers/db.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';
import crashy from './fixtures/crashy.ts';

const registry = new PluginRegistry();
registry.register(crashy);
let fx: RunnerFixture;

beforeAll(async () => {
  fx = await runnerFixture({ resolver: registry });
});
afterAll(async () => {
  await fx.close();
});

async function run(step: string) {
  const compiled = await fx.runner.register(await compileWorkflow(`name: crash-${step}\nsteps:\n  - id: s\n    uses: crashy/${step}\n`, { registry }));
  const { run } = await fx.runner.start(compiled.compiled.id, {});
  const done = await fx.runner.waitForRun(run.id, { timeoutMs: 20_000 });
  const steps = await fx.runner.getSteps(run.id);
  return { run: done, step: steps.find((s) => s.key === 's')! };
}

describe(`a plugin step that fails in odd ways fails its run, not the worker (${backend})`, () => {
  it.each([
    ['throw-string', 'step_threw_non_error', 'plugin step crashy/throw-string threw "boom" instead of an Error', 2],
    ['throw-object', 'step_threw_non_error', 'plugin step crashy/throw-object threw {"reason":"quota"} instead of an Error', 2],
    ['throw-undefined', 'step_threw_non_error', 'plugin step crashy/throw-undefined threw undefined instead of an Error', 2],
    ['throw-sync', 'internal_error', 'sync boom', 2],
    ['reject', 'internal_error', 'rejected promise', 2],
    ['fatal', 'bad_key', 'no retry can fix this', 1],
    ['foreign-fatal', 'elsewhere_fatal', 'fatal from elsewhere', 1],
  ])('%s: recorded as %s', async (step, code, message, attempts) => {
    const { run: done, step: record } = await run(step);
    expect(done.status).toBe('failed');
    expect(record).toMatchObject({ status: 'failed', attempt: attempts, error: { code, message } });
    expect(done.error).toMatchObject({ message: `step 's' failed: ${message}`, details: { cause: { code, message } } });
    expect(fx.worker!.running).toBe(0);
  });

  it('keeps the details of a StepError thrown by another copy of the package', async () => {
    const { step: record } = await run('foreign-fatal');
    expect(record.error).toEqual({ code: 'elsewhere_fatal', message: 'fatal from elsewhere', retryable: false, details: { hint: 'x' } });
  });

  it('runs the next workflow normally after all of them', async () => {
    const { run: done } = await run('ok');
    expect(done).toMatchObject({ status: 'completed', output: 'ok', error: null });
  });
});
