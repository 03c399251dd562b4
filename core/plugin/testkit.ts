/**
 * A test kit for plugin authors: runs one plugin step, or a YAML workflow, on the real runner
 * over an in-memory PGlite, so a test sees what a user's run would (input and output
 * validation, retries, timeouts, `ctx.step` memos, spawned children) without a server.
 *
 * ```ts
 * import { testkit } from 'quantumlayer';
 * const output = await testkit.runStep(plugin, 'greet', { name: 'Ada' });
 * ```
 */
import type { z } from 'zod';
import { connect, type Database } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { FatalStepError, StepError, type ErrorInfo } from '../errors.ts';
import { defineWorkflow } from '../runner/defineWorkflow.ts';
import { Runner } from '../runner/runner.ts';
import type { Logger, RetryPolicy, RunRecord, StepRecord, StepServices } from '../runner/types.ts';
import { compileWorkflow } from '../workflow/compile.ts';
import type { Plugin, StepSpec } from './define.ts';
import { PluginError, PluginRegistry } from './registry.ts';

export interface TestkitOptions {
  /** Plugins that the step spawns or the workflow uses, besides the one under test. */
  plugins?: readonly Plugin[];
  /** What steps find in `ctx.services`. */
  services?: StepServices;
  /** Receives the runner's own log lines; silent when absent. */
  logger?: Logger;
  /** A migrated database to use instead of a fresh in-memory PGlite; it is left open. */
  db?: Database;
}

export interface RunOptions {
  /** How long to wait for the run to finish; 60 s when absent. */
  timeoutMs?: number;
}

export interface RunStepOptions extends RunOptions {
  /** Overrides the step's own retry policy, e.g. `{ maxAttempts: 1 }` to see the first failure. */
  retry?: Partial<RetryPolicy>;
  /** Overrides the step's own timeout, in milliseconds. */
  timeout?: number;
}

export interface RunWorkflowOptions extends RunOptions {
  /** The run's input, checked against the workflow's `inputs`. */
  input?: unknown;
}

/** A finished run and its steps, oldest first. */
export type FinishedRun = RunRecord & { steps: StepRecord[] };

/** The output type of step `K` of a plugin made with definePlugin. */
export type StepOutput<P, K extends string> = P extends { steps: infer S }
  ? K extends keyof S
    ? S[K] extends StepSpec<z.ZodType, infer O>
      ? z.output<O>
      : unknown
    : unknown
  : unknown;

export interface Testkit {
  readonly registry: PluginRegistry;
  readonly runner: Runner;
  /**
   * Runs one step of `plugin` as the only step of a run and returns its validated output.
   * A failure rejects with the step's error as a StepError (FatalStepError when it was not
   * retryable) with the same `code`, `message` and `details` the run recorded.
   */
  runStep<P extends Plugin, K extends keyof P['steps'] & string>(plugin: P, step: K, input: unknown, options?: RunStepOptions): Promise<StepOutput<P, K>>;
  /** Compiles and runs a YAML workflow; resolves with the finished run whatever its status. */
  runWorkflow(source: string, options?: RunWorkflowOptions): Promise<FinishedRun>;
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 60_000;

/**
 * Starts a database, a runner and one worker that several runs can share (PGlite takes a
 * moment to start, so a test file opens one kit in `beforeAll`). Close it when done.
 */
export async function openTestkit(options: TestkitOptions = {}): Promise<Testkit> {
  const registry = new PluginRegistry();
  for (const plugin of options.plugins ?? []) registry.register(plugin, 'testkit');
  const db = options.db ?? (await connect());
  let runner: Runner | undefined;
  try {
    if (!options.db) await migrate(db);
    runner = new Runner({ db, resolver: registry, services: options.services ?? {}, ...(options.logger ? { logger: options.logger } : {}) });
    await runner.worker({ pollMs: 100 });
  } catch (error) {
    await runner?.close(0).catch(() => {});
    if (!options.db) await db.close().catch(() => {});
    throw error;
  }
  const started = runner;
  let count = 0;

  const waitFor = async (runId: string, timeoutMs: number | undefined): Promise<FinishedRun> => {
    const run = await started.waitForRun(runId, { timeoutMs: timeoutMs ?? DEFAULT_WAIT_MS });
    return { ...run, steps: await started.getSteps(runId) };
  };

  return {
    registry,
    runner: started,
    async runStep(plugin, step, input, stepOptions = {}) {
      include(registry, plugin);
      const uses = `${plugin.name}/${step}`;
      const resolved = registry.resolve(uses);
      if (!resolved) throw new PluginError('step_unresolved', `plugin '${plugin.name}' has no step '${step}'`, { plugin: plugin.name, step });
      // The input travels through the run's input, as JSON, just as a workflow's `with` would.
      const workflow = defineWorkflow({
        name: `testkit-${plugin.name}-${step}`,
        version: String(++count),
        steps: {
          [step]: {
            retry: { ...resolved.retry, ...stepOptions.retry },
            timeoutMs: stepOptions.timeout ?? resolved.timeoutMs,
            run: (ctx, scope) => resolved.run(ctx, scope.input),
          },
        },
      });
      await started.register(workflow);
      const { run } = await started.start(workflow.id, input ?? null);
      const finished = await waitFor(run.id, stepOptions.timeoutMs);
      const record = finished.steps.find((s) => s.key === step);
      if (finished.status === 'completed' && record) return record.output as StepOutput<typeof plugin, typeof step>;
      throw toStepError(record?.error ?? finished.error, uses, finished.status);
    },
    async runWorkflow(source, workflowOptions = {}) {
      const compiled = await started.register(await compileWorkflow(source, { registry }));
      const { run } = await started.start(compiled.compiled.id, workflowOptions.input ?? {});
      return waitFor(run.id, workflowOptions.timeoutMs);
    },
    async close() {
      await started.close(1_000);
      if (!options.db) await db.close();
    },
  };
}

/** Runs one plugin step on a fresh in-memory database; see Testkit.runStep. */
export async function runStep<P extends Plugin, K extends keyof P['steps'] & string>(
  plugin: P,
  step: K,
  input: unknown,
  options: RunStepOptions & TestkitOptions = {},
): Promise<StepOutput<P, K>> {
  const kit = await openTestkit(options);
  try {
    return await kit.runStep(plugin, step, input, options);
  } finally {
    await kit.close();
  }
}

/** Runs a YAML workflow with `plugins` on a fresh in-memory database; see Testkit.runWorkflow. */
export async function runWorkflow(source: string, options: RunWorkflowOptions & TestkitOptions = {}): Promise<FinishedRun> {
  const kit = await openTestkit(options);
  try {
    return await kit.runWorkflow(source, options);
  } finally {
    await kit.close();
  }
}

/** Registers the plugin under test unless it is there already; a different plugin of the same name is a mistake. */
function include(registry: PluginRegistry, plugin: Plugin): void {
  const known = registry.get(plugin.name);
  if (!known) {
    registry.register(plugin, 'testkit');
    return;
  }
  if (known !== plugin) {
    throw new PluginError('plugin_name_collision', `another plugin named '${plugin.name}' is already in this test kit`, { plugin: plugin.name });
  }
}

function toStepError(info: ErrorInfo | null, uses: string, status: string): StepError {
  if (!info) return new StepError(`step ${uses} did not complete (run ${status})`, { code: 'run_not_completed' });
  const options = { code: info.code, ...(info.details === undefined ? {} : { details: info.details }) };
  return info.retryable === false ? new FatalStepError(info.message, options) : new StepError(info.message, { ...options, retryable: info.retryable ?? true });
}
