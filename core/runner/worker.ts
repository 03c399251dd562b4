import type { Database } from '../db/connect.ts';
import { DatabaseError, FatalStepError, StepTimeoutError, isRetryable, toErrorInfo, type ErrorInfo } from '../errors.ts';
import { retryDelayMs } from './backoff.ts';
import { Batcher } from './batcher.ts';
import { OUTPUT_STEP, type PreparedWorkflow, type WorkflowCatalog } from './catalog.ts';
import { Suspension, createStepContext } from './context.ts';
import type { Channels } from './channels.ts';
import { claimSteps, type ClaimedStep } from './sql/claimSteps.ts';
import { appendEvents, type NewEvent } from './sql/events.ts';
import { failSteps, type Failure } from './sql/failSteps.ts';
import { reclaimExpired, releaseSteps, renewLeases } from './sql/leases.ts';
import { loadDependencies, type DependencyRow } from './sql/loadDependencies.ts';
import { retrySteps, type Retry } from './sql/retrySteps.ts';
import { settleSteps, type Settlement } from './sql/settleSteps.ts';
import { suspendSteps, type Suspension as SuspensionRow } from './sql/suspendSteps.ts';
import { markWorkerStopped, registerWorker } from './sql/workers.ts';
import { DEFAULT_RETRY, type Logger, type RetryPolicy, type StepResolver, type StepResult, type StepScope, type StepServices } from './types.ts';

export interface WorkerOptions {
  /** Unique per worker; defaults to `<host>:<pid>:<random>`. */
  id?: string;
  /** Most steps this worker runs at once. */
  concurrency?: number;
  /** Most steps claimed by one query. */
  batchSize?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  /** Safety-net poll when no wake-up arrives. */
  pollMs?: number;
  /** How often this worker looks for expired leases of other workers. */
  reclaimMs?: number;
}

export interface WorkerDeps {
  db: Database;
  catalog: WorkflowCatalog;
  resolver: StepResolver | undefined;
  services: StepServices;
  channels: Channels;
  logger: Logger;
  host: string;
  pid: number;
}

type Abort = 'timeout' | 'cancelled' | 'shutdown';

interface InFlight {
  row: ClaimedStep;
  controller: AbortController;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Claims ready steps in batches, runs them with leases kept alive by a heartbeat, and reports
 * their outcomes through group-committed statements. Many workers, in one process or many,
 * share the same database.
 */
export class Worker {
  readonly id: string;
  readonly concurrency: number;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly pollMs: number;
  private readonly reclaimMs: number;
  private readonly inflight = new Map<string, InFlight>();
  private state: 'idle' | 'running' | 'draining' | 'stopped' = 'idle';
  private wakeRequested = false;
  private wakeFn: (() => void) | undefined;
  private loopDone: Promise<void> | undefined;
  private timers: ReturnType<typeof setInterval>[] = [];
  private unsubscribe: (() => void)[] = [];
  private readonly settle: Batcher<Settlement, void>;
  private readonly fail: Batcher<Failure, void>;
  private readonly retry: Batcher<Retry, void>;
  private readonly suspend: Batcher<SuspensionRow, void>;
  private readonly events: Batcher<NewEvent, void>;

  constructor(
    private readonly deps: WorkerDeps,
    options: WorkerOptions = {},
  ) {
    this.id = options.id ?? `${deps.host}:${deps.pid}:${crypto.randomUUID().slice(0, 8)}`;
    this.concurrency = Math.max(1, options.concurrency ?? 10);
    this.batchSize = Math.max(1, options.batchSize ?? 200);
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.floor(this.leaseMs / 3));
    this.pollMs = options.pollMs ?? 1_000;
    this.reclaimMs = options.reclaimMs ?? Math.max(100, Math.floor(this.leaseMs / 2));
    const db = deps.db;
    this.settle = this.batcher(async (items) => {
      const result = await settleSteps(db, this.id, items);
      if (result.readied > 0) this.readied();
      if (result.completedRuns.length > 0) deps.channels.publishRunsFinished(result.completedRuns);
      deps.channels.publishEvents(this.runsOf(items));
    });
    this.fail = this.batcher(async (items) => {
      const failedRuns = await failSteps(db, this.id, items);
      if (failedRuns.length > 0) {
        deps.channels.publishCancel(failedRuns);
        deps.channels.publishRunsFinished(failedRuns);
      }
      deps.channels.publishEvents(this.runsOf(items));
    });
    this.retry = this.batcher(async (items) => {
      await retrySteps(db, this.id, items);
      // Wake up when the earliest retry becomes due, rather than on the next poll.
      const soonest = Math.min(...items.map((i) => i.delayMs));
      setTimeout(() => this.readied(), soonest + 5).unref?.();
      deps.channels.publishEvents(this.runsOf(items));
    });
    this.suspend = this.batcher(async (items) => {
      await suspendSteps(db, this.id, items);
      this.readied();
      deps.channels.publishEvents(items.map((i) => i.runId));
    });
    this.events = this.batcher(async (items) => {
      await appendEvents(db, items);
      deps.channels.publishEvents(items.map((i) => i.runId));
    });
  }

  get running(): number {
    return this.inflight.size;
  }

  async start(): Promise<void> {
    if (this.state !== 'idle') return;
    this.state = 'running';
    await registerWorker(this.deps.db, { id: this.id, host: this.deps.host, pid: this.deps.pid, concurrency: this.concurrency });
    this.unsubscribe.push(this.deps.channels.onReady(() => this.wake()));
    this.unsubscribe.push(this.deps.channels.onCancel((runIds) => this.abortRuns(new Set(runIds), 'cancelled')));
    this.timers.push(setInterval(() => void this.heartbeat(), this.heartbeatMs));
    // Jitter keeps many workers from scanning for expired leases in the same instant.
    this.timers.push(setInterval(() => void this.reclaim(), this.reclaimMs + Math.floor(Math.random() * 100)));
    for (const t of this.timers) t.unref?.();
    this.loopDone = this.loop();
  }

  /**
   * Stops claiming, lets running steps finish for up to `graceMs`, then aborts the rest and
   * hands them back to the queue for another worker.
   */
  async stop(graceMs = 30_000): Promise<void> {
    if (this.state === 'idle' || this.state === 'stopped') {
      this.state = 'stopped';
      return;
    }
    this.state = 'draining';
    this.wake();
    await this.loopDone;
    const deadline = Date.now() + graceMs;
    while (this.inflight.size > 0 && Date.now() < deadline) await sleep(Math.min(50, graceMs));
    const leftover = [...this.inflight.keys()];
    for (const f of this.inflight.values()) f.controller.abort('shutdown' satisfies Abort);
    await Promise.all([this.settle.idle(), this.fail.idle(), this.retry.idle(), this.suspend.idle(), this.events.idle()]);
    if (leftover.length > 0) {
      await releaseSteps(this.deps.db, this.id, leftover).catch((e) => this.deps.logger.warn('release failed', { error: String(e) }));
      this.readied();
    }
    for (const t of this.timers) clearInterval(t);
    for (const off of this.unsubscribe) off();
    await markWorkerStopped(this.deps.db, this.id).catch(() => {});
    this.state = 'stopped';
  }

  /** Called when steps may have become ready. */
  wake(): void {
    this.wakeRequested = true;
    this.wakeFn?.();
  }

  private readied(): void {
    this.wake();
    this.deps.channels.publishReady();
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.state === 'running') {
      const free = this.concurrency - this.inflight.size;
      if (free <= 0) {
        await this.waitForWake(this.pollMs);
        continue;
      }
      this.wakeRequested = false;
      let rows: ClaimedStep[];
      try {
        rows = await claimSteps(this.deps.db, this.id, Math.min(free, this.batchSize), this.leaseMs);
        failures = 0;
      } catch (error) {
        failures++;
        this.deps.logger.warn('claiming steps failed; retrying', { worker: this.id, error: String(error) });
        await sleep(Math.min(5_000, 50 * 2 ** Math.min(failures, 7)));
        continue;
      }
      if (rows.length > 0) {
        this.dispatch(rows);
        continue;
      }
      if (!this.wakeRequested) await this.waitForWake(this.pollMs);
    }
  }

  private waitForWake(ms: number): Promise<void> {
    if (this.wakeRequested && this.inflight.size < this.concurrency) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeFn = () => {
        this.wakeFn = undefined;
        done();
      };
    });
  }

  private dispatch(rows: ClaimedStep[]): void {
    for (const row of rows) this.inflight.set(row.id, { row, controller: new AbortController() });
    void this.prepareAndRun(rows);
  }

  private async prepareAndRun(rows: ClaimedStep[]): Promise<void> {
    const workflows = new Map<string, PreparedWorkflow | Error>();
    for (const id of new Set(rows.map((r) => r.workflowId))) {
      workflows.set(id, await this.deps.catalog.get(id).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
    }
    const pairs: { runId: string; key: string }[] = [];
    for (const row of rows) {
      const wf = workflows.get(row.workflowId);
      if (!wf || wf instanceof Error) continue;
      const keys = row.kind === 'output' ? wf.topLevelKeys : row.kind === 'step' ? (wf.byKey.get(row.key)?.needs ?? []) : [];
      for (const key of keys) pairs.push({ runId: row.runId, key });
    }
    let depRows: DependencyRow[] = [];
    try {
      depRows = await loadDependencies(this.deps.db, pairs);
    } catch (error) {
      // Without inputs nothing can run; hand the steps back and let the loop retry later.
      this.deps.logger.warn('loading step inputs failed', { error: String(error) });
      const ids = rows.map((r) => r.id);
      for (const id of ids) this.inflight.delete(id);
      await releaseSteps(this.deps.db, this.id, ids).catch(() => {});
      return;
    }
    const byRun = new Map<string, DependencyRow[]>();
    for (const d of depRows) (byRun.get(d.runId) ?? byRun.set(d.runId, []).get(d.runId)!).push(d);
    for (const row of rows) {
      const wf = workflows.get(row.workflowId);
      void this.execute(row, wf, byRun.get(row.runId) ?? []);
    }
  }

  private async execute(row: ClaimedStep, wf: PreparedWorkflow | Error | undefined, deps: readonly DependencyRow[]): Promise<void> {
    const flight = this.inflight.get(row.id);
    if (!flight) return;
    try {
      if (!wf || wf instanceof Error) {
        await this.fail.add({ id: row.id, error: toErrorInfo(wf ?? new Error('workflow not found')) });
        return;
      }
      if (row.attempt > row.maxAttempts) {
        const last = 'the worker running it stopped and no attempts remain';
        await this.fail.add({ id: row.id, error: { code: 'attempts_exhausted', message: `step ${row.key}: ${last}` } });
        return;
      }
      const plan = this.plan(row, wf, deps);
      if ('skip' in plan) {
        await this.settle.add({ id: row.id, status: 'skipped', output: null, error: null, reason: plan.skip });
        return;
      }
      await this.runPlan(row, flight, plan);
    } catch (error) {
      this.deps.logger.error('worker failed to record a step outcome', { step: row.key, run: row.runId, error: String(error) });
    } finally {
      this.inflight.delete(row.id);
      this.wake();
    }
  }

  private plan(row: ClaimedStep, wf: PreparedWorkflow, deps: readonly DependencyRow[]): Plan | { skip: string } {
    const scope: StepScope = {
      run: { id: row.runId, workflow: row.workflowName, attempt: row.attempt },
      input: row.runInput,
      steps: Object.fromEntries(deps.map((d) => [d.key, { status: d.status, output: d.output, error: d.error ?? undefined }])),
    };
    if (row.kind === 'output') {
      const compiled = wf.compiled;
      return {
        retry: { ...DEFAULT_RETRY, maxAttempts: row.maxAttempts, initialDelayMs: 50 },
        timeoutMs: 60_000,
        continueOnError: false,
        run: async () => ({
          skip: false,
          output: compiled.outputs ? compiled.outputs(scope) : Object.fromEntries(wf.sinks.map((k) => [k, scope.steps[k]?.output ?? null])),
        }),
      };
    }
    if (row.kind === 'child') {
      const resolved = row.uses ? this.deps.resolver?.resolve(row.uses) : undefined;
      const policy = row.policy ?? {};
      return {
        retry: {
          maxAttempts: row.maxAttempts,
          initialDelayMs: policy.initialDelayMs ?? DEFAULT_RETRY.initialDelayMs,
          maxDelayMs: policy.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs,
        },
        timeoutMs: policy.timeoutMs ?? resolved?.timeoutMs ?? 600_000,
        continueOnError: row.releasesOnFailure,
        run: async (ctx) => {
          if (!resolved) throw new FatalStepError(`no plugin step '${row.uses}' is loaded on worker ${this.id}`, { code: 'step_unknown' });
          return { skip: false, output: await resolved.run(ctx, row.input) };
        },
      };
    }
    const def = wf.byKey.get(row.key);
    if (!def) {
      return {
        retry: { ...DEFAULT_RETRY, maxAttempts: 1 },
        timeoutMs: 1,
        continueOnError: false,
        run: async () => {
          throw new FatalStepError(`workflow ${wf.compiled.name} has no step '${row.key}'`, { code: 'step_unknown' });
        },
      };
    }
    if (!def.runsWhenDependencySkipped) {
      const skipped = deps.find((d) => d.status === 'skipped');
      if (skipped) return { skip: `dependency '${skipped.key}' was skipped` };
    }
    return { retry: def.retry, timeoutMs: def.timeoutMs, continueOnError: def.continueOnError, run: (ctx) => def.execute(ctx, scope) };
  }

  private async runPlan(row: ClaimedStep, flight: InFlight, plan: Plan): Promise<void> {
    const { controller } = flight;
    const suspension = new Suspension();
    const timer = setTimeout(() => controller.abort('timeout' satisfies Abort), plan.timeoutMs);
    const aborted = new Promise<{ type: 'aborted' }>((resolve) => {
      if (controller.signal.aborted) resolve({ type: 'aborted' });
      controller.signal.addEventListener('abort', () => resolve({ type: 'aborted' }), { once: true });
    });
    const ctx = createStepContext({
      db: this.deps.db,
      row,
      signal: controller.signal,
      resolver: this.deps.resolver,
      services: this.deps.services,
      suspension,
      emit: (event) => void this.events.add(event).catch(() => {}),
    });
    type Outcome = { type: 'done'; result: StepResult } | { type: 'error'; error: unknown } | { type: 'aborted' } | { type: 'suspended' };
    let outcome: Outcome;
    try {
      outcome = await Promise.race<Outcome>([
        Promise.resolve()
          .then(() => plan.run(ctx))
          .then(
            (result): Outcome => ({ type: 'done', result }),
            (error: unknown): Outcome => ({ type: 'error', error }),
          ),
        aborted,
        suspension.triggered.then((): Outcome => ({ type: 'suspended' })),
      ]);
    } finally {
      clearTimeout(timer);
    }
    if (outcome.type === 'suspended') {
      await this.suspend.add({ id: row.id, runId: row.runId, key: row.key, children: suspension.children });
      return;
    }
    if (outcome.type === 'aborted') {
      const reason = controller.signal.reason as Abort;
      // Cancelled runs were already recorded; shutdown hands the step back in stop().
      if (reason !== 'timeout') return;
      outcome = { type: 'error', error: new StepTimeoutError(plan.timeoutMs) };
    }
    if (outcome.type === 'done') {
      const result = outcome.result;
      if (result.skip) {
        await this.settle.add({ id: row.id, status: 'skipped', output: null, error: null, reason: result.reason });
        return;
      }
      const output = result.output === undefined ? null : result.output;
      const serializable = checkSerializable(output);
      if (serializable === true) {
        await this.settle.add({ id: row.id, status: 'completed', output, error: null });
        return;
      }
      outcome = { type: 'error', error: new FatalStepError(`step output is not JSON-serializable: ${serializable}`, { code: 'step_output_invalid' }) };
    }
    const error = outcome.error;
    const info: ErrorInfo = toErrorInfo(error);
    if (isRetryable(error) && row.attempt < plan.retry.maxAttempts) {
      // A server that says when to come back (429 Retry-After) is believed, up to the policy's cap.
      const asked = Number(info.details?.retryAfterMs);
      const delayMs = Math.max(retryDelayMs(plan.retry, row.attempt), Number.isFinite(asked) ? Math.min(asked, plan.retry.maxDelayMs) : 0);
      await this.retry.add({ id: row.id, delayMs, error: info });
    } else if (plan.continueOnError) {
      await this.settle.add({ id: row.id, status: 'failed', output: null, error: info });
    } else {
      await this.fail.add({ id: row.id, error: info });
    }
  }

  private runsOf(items: readonly { id: string }[]): string[] {
    return items.flatMap((i) => this.inflight.get(i.id)?.row.runId ?? []);
  }

  private abortRuns(runIds: ReadonlySet<string>, reason: Abort): void {
    for (const f of this.inflight.values()) if (runIds.has(f.row.runId)) f.controller.abort(reason);
  }

  private async heartbeat(): Promise<void> {
    if (this.state === 'stopped') return;
    const ids = [...this.inflight.keys()];
    try {
      const kept = await renewLeases(this.deps.db, this.id, ids, this.leaseMs);
      for (const id of ids) {
        const f = this.inflight.get(id);
        // Gone from the database's point of view: cancelled, failed run, or reclaimed.
        if (f && !kept.has(id)) f.controller.abort('cancelled' satisfies Abort);
      }
    } catch (error) {
      if (!(error instanceof DatabaseError)) this.deps.logger.warn('heartbeat failed', { worker: this.id, error: String(error) });
    }
  }

  private async reclaim(): Promise<void> {
    if (this.state !== 'running') return;
    try {
      if ((await reclaimExpired(this.deps.db)) > 0) this.readied();
    } catch {
      // The next tick tries again; a lost connection is normal during failovers.
    }
  }

  /** A batcher whose flush survives lost connections by trying again until the worker stops. */
  private batcher<T>(flush: (items: T[]) => Promise<void>): Batcher<T, void> {
    return new Batcher<T, void>(async (items) => {
      for (let attempt = 0; ; attempt++) {
        try {
          await flush(items);
          return items.map(() => undefined);
        } catch (error) {
          if (!(error instanceof DatabaseError) || this.state === 'stopped') throw error;
          this.deps.logger.warn('database write failed; retrying', { worker: this.id, error: error.message });
          await sleep(Math.min(5_000, 50 * 2 ** Math.min(attempt, 7)));
        }
      }
    }, 500);
  }
}

interface Plan {
  retry: RetryPolicy;
  timeoutMs: number;
  continueOnError: boolean;
  run(ctx: import('./types.ts').StepContext): Promise<StepResult>;
}

function checkSerializable(value: unknown): true | string {
  try {
    JSON.stringify(value);
    return true;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
