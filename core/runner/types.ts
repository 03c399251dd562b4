import type { ErrorInfo } from '../errors.ts';

export type RunStatus = 'running' | 'completed' | 'failed' | 'cancelled';
export type StepStatus =
  | 'pending'
  | 'ready'
  | 'running'
  | 'waiting'
  | 'completed'
  | 'failed'
  | 'skipped'
  | 'cancelled';

export interface RetryPolicy {
  /** Total attempts including the first; 1 means no retry. */
  maxAttempts: number;
  /** Delay before the second attempt; doubles each time, with ±25 % jitter. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export interface Progress {
  message?: string;
  /** 0 to 100. */
  percent?: number;
  /** Streamed text (LLM tokens), appended by readers in order. */
  text?: string;
  [key: string]: unknown;
}

/** A child step to spawn at run time: a plugin step (`plugin/step`) and its input. */
export interface SpawnRequest {
  uses: string;
  input: unknown;
  /** Overrides of the plugin step's own policy (a YAML step's `retry` and `timeout`). */
  retry?: RetryPolicy;
  timeoutMs?: number;
  /** A failed child does not fail the run; the parent receives `null` for it. */
  continueOnError?: boolean;
}

/**
 * What step code sees while it runs. At-least-once: a step whose worker died mid-way runs
 * again, so its side effects should use `idempotencyKey`, which is the same for every attempt.
 */
export interface StepContext {
  readonly runId: string;
  readonly stepKey: string;
  readonly workflowName: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /** `<runId>:<stepKey>`: stable across attempts, unique across steps. */
  readonly idempotencyKey: string;
  /** Aborted on timeout, cancellation, failure of the run, or worker shutdown. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  progress(progress: Progress): void;
  /**
   * A durable sub-step: the first successful result is stored and returned on every later
   * attempt without running `fn` again. Names must be unique within the step; a name used
   * twice gets `#2`, `#3`… in call order.
   */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Starts child steps that run in parallel on any worker and returns their outputs in order.
   * The calling step is suspended meanwhile and runs again from the top when they finish,
   * so everything before `spawn` must be deterministic or wrapped in `ctx.step`. Child keys
   * are `<stepKey>/<group>[<index>]`; `concurrency` bounds how many run at once.
   */
  spawn<T = unknown>(group: string, children: readonly SpawnRequest[], options?: { concurrency?: number }): Promise<T[]>;
  /** Extra services (LLM client, artifacts, scratch directory) installed by the platform. */
  readonly services: StepServices;
}

/** Services handed to steps; filled in by the layers that provide them. */
export interface StepServices {
  [name: string]: unknown;
}

/** What a step's code can read of the run: the run input and finished dependencies. */
export interface StepScope {
  run: { id: string; workflow: string; attempt: number };
  input: unknown;
  steps: Record<string, { status: StepStatus; output: unknown; error?: ErrorInfo | undefined }>;
}

/** A step's verdict: its output, or that it is skipped. */
export type StepResult = { skip: false; output: unknown } | { skip: true; reason: string };

export interface StepDefinition {
  key: string;
  needs: readonly string[];
  retry: RetryPolicy;
  timeoutMs: number;
  /** A failure is recorded but dependants run anyway. */
  continueOnError: boolean;
  /** When a dependency was skipped the step is skipped too, unless it decides for itself. */
  runsWhenDependencySkipped: boolean;
  /** Fan-out (`foreach`) is `ctx.spawn` of one child per item inside `execute`. */
  execute(ctx: StepContext, scope: StepScope): Promise<StepResult>;
}

/** A workflow ready to run: the output of the YAML compiler or of `defineWorkflow`. */
export interface CompiledWorkflow {
  /** Content hash for YAML workflows; `name@version` for code-defined ones. */
  id: string;
  name: string;
  version: string;
  /** YAML source, stored so that any worker can compile the same version. */
  source?: string;
  steps: readonly StepDefinition[];
  /** Validates and defaults a run's input; throws ValidationError. */
  parseInput(input: unknown): unknown;
  /** Computes the run's output from finished steps; when absent the output is the last step's. */
  outputs?(scope: StepScope): unknown;
}

/** Resolves `plugin/step` references for spawned children. */
export interface StepResolver {
  resolve(uses: string): ResolvedStep | undefined;
}

export interface ResolvedStep {
  uses: string;
  retry: RetryPolicy;
  timeoutMs: number;
  run(ctx: StepContext, input: unknown): Promise<unknown>;
}

export interface RunRecord {
  id: string;
  workflowId: string;
  workflowName: string;
  status: RunStatus;
  input: unknown;
  output: unknown;
  error: ErrorInfo | null;
  idempotencyKey: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface StepRecord {
  key: string;
  kind: StepKind;
  parentKey: string | null;
  uses: string | null;
  status: StepStatus;
  attempt: number;
  maxAttempts: number;
  output: unknown;
  error: ErrorInfo | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export type StepKind = 'step' | 'child' | 'output';

export interface RunEvent {
  id: number;
  runId: string;
  stepKey: string | null;
  type: string;
  data: unknown;
  at: Date;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, initialDelayMs: 500, maxDelayMs: 30_000 };
export const DEFAULT_TIMEOUT_MS = 10 * 60_000;
