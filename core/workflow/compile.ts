import { PluginError, type PluginRegistry } from '../plugin/registry.ts';
import type { CompiledWorkflow, SpawnRequest, StepContext, StepDefinition, StepResult, StepScope } from '../runner/types.ts';
import { ExpressionError } from './errors.ts';
import type { ExpressionScope } from './expressions/evaluate.ts';
import { evaluateValue } from './expressions/template.ts';
import { truthy, typeName } from './expressions/values.ts';
import { sha256Hex } from './hash.ts';
import { parseRunInput } from './inputs.ts';
import { loadWorkflow, type LoadOptions } from './load.ts';
import type { LoadedStep, LoadedWorkflow } from './model.ts';

export interface CompileOptions extends LoadOptions {
  registry: PluginRegistry;
}

/** A bound on fan-out, so a runaway list cannot create an unbounded number of child steps. */
export const MAX_FOREACH_ITEMS = 10_000;

/**
 * Compiles a YAML workflow for the runner. Its id is the SHA-256 of the source, so a changed
 * file is a new version and runs already started keep the one they began with.
 * Throws WorkflowValidationError listing every problem.
 */
export async function compileWorkflow(source: string, options: CompileOptions): Promise<CompiledWorkflow> {
  const workflow = loadWorkflow(source, options);
  return compileLoaded(workflow, options.registry, await sha256Hex(source));
}

/** Turns a loaded workflow into step definitions; `registry` must be the one it was checked with. */
export function compileLoaded(workflow: LoadedWorkflow, registry: PluginRegistry, id: string): CompiledWorkflow {
  const outputs = workflow.outputs;
  return {
    id,
    name: workflow.name,
    version: workflow.version,
    source: workflow.source,
    steps: workflow.steps.map((step) => compileStep(step, registry)),
    parseInput: (input) => parseRunInput(workflow.inputSchema, input, workflow.name),
    ...(outputs === undefined ? {} : { outputs: (scope: StepScope) => evaluateValue(outputs, expressionScope(scope)) }),
  };
}

function compileStep(step: LoadedStep, registry: PluginRegistry): StepDefinition {
  const plugin = registry.resolve(step.uses);
  if (!plugin) throw new PluginError('step_unresolved', `step '${step.id}' uses '${step.uses}', which the registry does not resolve; compile with the registry the workflow was checked with`);
  const retry = { ...plugin.retry, ...step.retry };
  const timeoutMs = step.timeoutMs ?? plugin.timeoutMs;
  return {
    key: step.id,
    needs: step.needs,
    retry,
    timeoutMs,
    continueOnError: step.continueOnError,
    // A step that states its own condition decides for itself whether a skipped dependency matters.
    runsWhenDependencySkipped: step.if !== undefined,
    async execute(ctx: StepContext, scope: StepScope): Promise<StepResult> {
      const names = expressionScope(scope);
      if (step.if !== undefined && !truthy(evaluateValue(step.if, names))) {
        return { skip: true, reason: `if is false: ${step.ifText ?? ''}`.trim() };
      }
      if (!step.foreach) return { skip: false, output: await plugin.run(ctx, evaluateValue(step.with, names)) };

      const items = evaluateValue(step.foreach.items, names);
      if (!Array.isArray(items)) throw new ExpressionError(`foreach of step '${step.id}' must give a list, got ${typeName(items)}`, { step: step.id });
      if (items.length > MAX_FOREACH_ITEMS) {
        throw new ExpressionError(`foreach of step '${step.id}' gave ${items.length} items; the limit is ${MAX_FOREACH_ITEMS}`, { step: step.id });
      }
      if (items.length === 0) return { skip: false, output: [] };
      const children: SpawnRequest[] = items.map((item: unknown, index) => ({
        uses: step.uses,
        input: evaluateValue(step.with, Object.assign(Object.create(null) as Record<string, unknown>, names, { item, index })),
        retry,
        timeoutMs,
        continueOnError: step.continueOnError,
      }));
      const concurrency = step.foreach.concurrency;
      const output = await ctx.spawn(step.id, children, concurrency === undefined ? undefined : { concurrency });
      return { skip: false, output };
    },
  };
}

/** What expressions can start from; a null-prototype record, so only these names exist. */
function expressionScope(scope: StepScope): ExpressionScope {
  return Object.assign(Object.create(null) as Record<string, unknown>, {
    inputs: scope.input ?? {},
    steps: scope.steps,
    run: scope.run,
  });
}
