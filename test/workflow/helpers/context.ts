import type { SpawnRequest, StepContext, StepScope, StepStatus } from '../../../core/runner/types.ts';

export interface SpawnCall {
  group: string;
  children: readonly SpawnRequest[];
  options: { concurrency?: number } | undefined;
}

/**
 * A StepContext for calling `execute` without a runner: `spawn` records its call and answers
 * with `answer(children)`, by default the children's inputs.
 */
export function fakeContext(answer: (children: readonly SpawnRequest[]) => unknown[] = (children) => children.map((c) => c.input)): StepContext & {
  spawns: SpawnCall[];
} {
  const spawns: SpawnCall[] = [];
  return {
    runId: 'run-1',
    stepKey: 'step',
    workflowName: 'test',
    attempt: 1,
    idempotencyKey: 'run-1:step',
    signal: new AbortController().signal,
    log: { debug() {}, info() {}, warn() {}, error() {} },
    progress() {},
    step: (_name, fn) => fn(),
    async spawn<T>(group: string, children: readonly SpawnRequest[], options?: { concurrency?: number }) {
      spawns.push({ group, children, options });
      return answer(children) as T[];
    },
    services: {},
    spawns,
  };
}

/** A scope as the runner builds it, from step results given as `{ id: [status, output] }`. */
export function scopeOf(input: unknown, steps: Record<string, [StepStatus, unknown]> = {}): StepScope {
  return {
    run: { id: 'run-1', workflow: 'test', attempt: 1 },
    input,
    steps: Object.fromEntries(Object.entries(steps).map(([id, [status, output]]) => [id, { status, output }])),
  };
}
