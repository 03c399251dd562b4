import type { StepContext } from '../../core/runner/types.ts';

/** Just enough of a step context for steps that only read `signal`. */
export function stepContext(signal = new AbortController().signal): StepContext {
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  return {
    runId: 'run-1',
    stepKey: 'step',
    workflowName: 'test',
    attempt: 1,
    idempotencyKey: 'run-1:step',
    signal,
    log: quiet,
    progress() {},
    step: (_name, fn) => fn(),
    spawn: () => Promise.reject(new Error('spawn is not available in this test')),
    services: {},
  };
}
