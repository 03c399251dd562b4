import type { z } from 'zod';
import { parseWith } from '../plugin/registry.ts';
import { DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, type CompiledWorkflow, type RetryPolicy, type StepContext, type StepScope } from './types.ts';

export interface CodeStep {
  needs?: readonly string[];
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  continueOnError?: boolean;
  /** Return `undefined` for no output. */
  run(ctx: StepContext, scope: StepScope): Promise<unknown>;
}

export interface CodeWorkflow {
  name: string;
  /** Bump when the steps change, so runs in flight keep the code they started with in mind. */
  version?: string;
  input?: z.ZodType;
  steps: Record<string, CodeStep>;
  outputs?(scope: StepScope): unknown;
}

/**
 * A workflow written in TypeScript instead of YAML. Every process that runs its steps must
 * define it the same way (workers find it by `name@version`).
 */
export function defineWorkflow(spec: CodeWorkflow): CompiledWorkflow {
  const version = spec.version ?? '1';
  const workflow: CompiledWorkflow = {
    id: `${spec.name}@${version}`,
    name: spec.name,
    version,
    steps: Object.entries(spec.steps).map(([key, step]) => ({
      key,
      needs: step.needs ?? [],
      retry: { ...DEFAULT_RETRY, ...step.retry },
      timeoutMs: step.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      continueOnError: step.continueOnError ?? false,
      runsWhenDependencySkipped: false,
      async execute(ctx, scope) {
        return { skip: false, output: await step.run(ctx, scope) };
      },
    })),
    parseInput: (input) => (spec.input ? parseWith(spec.input, input, `input of workflow ${spec.name}`) : input),
  };
  if (spec.outputs) workflow.outputs = spec.outputs;
  return workflow;
}
