import { hostname } from 'node:os';
import type { Database } from '../db/connect.ts';
import { DatabaseError, NotFoundError, ValidationError } from '../errors.ts';
import { Batcher } from './batcher.ts';
import { WorkflowCatalog, type PreparedWorkflow, type WorkflowLoader } from './catalog.ts';
import { Channels } from './channels.ts';
import { newRunId } from './runId.ts';
import { pruneRuns } from './sql/prune.ts';
import {
  getEvents,
  getRuns,
  getRunsByIdempotencyKeys,
  getSteps,
  listRuns,
} from './sql/readRuns.ts';
import { cancelRun, retryRun } from './sql/runControl.ts';
import { startRuns, type NewRun } from './sql/startRuns.ts';
import type { CompiledWorkflow, Logger, RunEvent, RunRecord, RunStatus, StepRecord, StepResolver, StepServices } from './types.ts';
import { Worker, type WorkerOptions } from './worker.ts';

export interface RunnerOptions {
  db: Database;
  /** Resolves `plugin/step` for spawned children; usually the PluginRegistry. */
  resolver?: StepResolver;
  /** Compiles a stored workflow version this process has not registered (YAML). */
  loadWorkflow?: WorkflowLoader;
  services?: StepServices;
  logger?: Logger;
}

export interface StartOptions {
  /** Starting twice with the same key returns the first run. */
  idempotencyKey?: string | undefined;
}

export interface StartResult {
  run: RunRecord;
  created: boolean;
}

export interface RunPage {
  runs: RunRecord[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor: string | undefined;
}

const FINAL: ReadonlySet<RunStatus> = new Set(['completed', 'failed', 'cancelled']);
const MAX_IDEMPOTENCY_KEY = 255;

const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

interface PendingStart {
  run: NewRun;
}

/**
 * The durable runner: starts runs, reads them, cancels and retries them, and makes workers.
 * Starts from concurrent callers are group-committed, so a burst of requests costs a few
 * transactions rather than one each.
 */
export class Runner {
  readonly db: Database;
  readonly channels: Channels;
  readonly catalog: WorkflowCatalog;
  private readonly options: RunnerOptions;
  private readonly logger: Logger;
  private readonly workers = new Set<Worker>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly starts: Batcher<PendingStart, { createdAt: Date } | undefined>;
  private unsubscribeRuns: (() => void) | undefined;
  private connected: Promise<void> | undefined;

  constructor(options: RunnerOptions) {
    this.options = options;
    this.db = options.db;
    this.logger = options.logger ?? silentLogger;
    this.channels = new Channels(options.db);
    this.catalog = new WorkflowCatalog(options.db, options.loadWorkflow);
    this.starts = new Batcher(async (items) => {
      const inserted = await startRuns(this.db, items.map((i) => i.run));
      if (inserted.size > 0) this.channels.publishReady();
      return items.map((i) => {
        const createdAt = inserted.get(i.run.id);
        return createdAt ? { createdAt } : undefined;
      });
    }, 500);
  }

  /** Subscribes to notifications; called by start-up code once, and implicitly by workers. */
  async connect(): Promise<void> {
    this.connected ??= (async () => {
      await this.channels.connect();
      this.unsubscribeRuns = this.channels.onRunsFinished((ids) => {
        for (const id of ids) for (const wake of this.waiters.get(id) ?? []) wake();
      });
    })();
    return this.connected;
  }

  register(workflow: CompiledWorkflow): Promise<PreparedWorkflow> {
    return this.catalog.register(workflow);
  }

  /** Starts a run of a workflow (by version id, or the newest version of a name). */
  async start(workflow: string, input: unknown, options: StartOptions = {}): Promise<StartResult> {
    const key = options.idempotencyKey;
    if (key !== undefined && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
      throw new ValidationError(`idempotency key must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`, [
        { path: 'idempotencyKey', message: `got ${key.length} characters` },
      ]);
    }
    const prepared = await this.catalog.resolve(workflow);
    const parsed = prepared.compiled.parseInput(input);
    const run: NewRun = {
      id: newRunId(),
      workflowId: prepared.compiled.id,
      workflowName: prepared.compiled.name,
      input: parsed,
      idempotencyKey: key ?? null,
      steps: prepared.rows,
    };
    const inserted = await this.starts.add({ run });
    if (inserted) {
      return {
        created: true,
        run: {
          id: run.id,
          workflowId: run.workflowId,
          workflowName: run.workflowName,
          status: 'running',
          input: parsed ?? null,
          output: null,
          error: null,
          idempotencyKey: run.idempotencyKey,
          createdAt: inserted.createdAt,
          finishedAt: null,
        },
      };
    }
    const [existing] = await getRunsByIdempotencyKeys(this.db, [key!]);
    if (!existing) throw new Error(`run with idempotency key ${key} vanished`);
    return { run: existing, created: false };
  }

  async getRun(id: string): Promise<RunRecord> {
    assertUuid(id);
    const [run] = await getRuns(this.db, [id]);
    if (!run) throw new NotFoundError('run', id);
    return run;
  }

  async listRuns(query: { status?: RunStatus; workflow?: string; limit?: number; cursor?: string } = {}): Promise<RunPage> {
    const limit = Math.min(200, Math.max(1, query.limit ?? 50));
    const runs = await listRuns(this.db, {
      status: query.status,
      workflow: query.workflow,
      limit: limit + 1,
      before: query.cursor ? decodeCursor(query.cursor) : undefined,
    });
    const page = runs.slice(0, limit);
    const last = page[page.length - 1];
    return { runs: page, nextCursor: runs.length > limit && last ? encodeCursor(last) : undefined };
  }

  async getSteps(runId: string): Promise<StepRecord[]> {
    await this.getRun(runId);
    return getSteps(this.db, runId);
  }

  /** History after event `afterId`, oldest first. */
  async getEvents(runId: string, afterId = 0, limit = 500): Promise<RunEvent[]> {
    assertUuid(runId);
    return getEvents(this.db, runId, afterId, Math.min(5000, Math.max(1, limit)));
  }

  /** Cancels a run: its in-flight steps are aborted and nothing more of it starts. */
  async cancel(runId: string, reason = 'cancelled by request'): Promise<RunRecord> {
    const run = await this.getRun(runId);
    if (run.status !== 'running') return run;
    if (await cancelRun(this.db, runId, reason)) {
      this.channels.publishCancel([runId]);
      this.channels.publishRunsFinished([runId]);
    }
    return this.getRun(runId);
  }

  /** Restarts a failed or cancelled run from its failed and cancelled steps. */
  async retry(runId: string): Promise<RunRecord> {
    const run = await this.getRun(runId);
    const requeued = await retryRun(this.db, runId);
    if (requeued < 0) {
      throw new ValidationError(`run ${runId} is ${run.status}; only failed or cancelled runs can be retried`, [], 'run_not_retryable');
    }
    this.channels.publishReady();
    this.channels.publishEvents([runId]);
    return this.getRun(runId);
  }

  /** Resolves when the run is completed, failed or cancelled. */
  async waitForRun(runId: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<RunRecord> {
    await this.connect();
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    let set = this.waiters.get(runId);
    if (!set) this.waiters.set(runId, (set = new Set()));
    let wake: () => void = () => {};
    const waiter = () => wake();
    set.add(waiter);
    try {
      for (;;) {
        const notified = new Promise<void>((resolve) => (wake = resolve));
        const run = await this.getRun(runId).catch((error: unknown) => {
          // A dropped connection is not the run's fate: keep waiting until the deadline.
          if (error instanceof DatabaseError && Date.now() < deadline) return undefined;
          throw error;
        });
        if (!run) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        if (FINAL.has(run.status)) return run;
        const left = deadline - Date.now();
        if (left <= 0) throw new ValidationError(`run ${runId} did not finish in time (still ${run.status})`, [], 'wait_timeout');
        options.signal?.throwIfAborted();
        // Notifications are the fast path; the timer only guards against a lost one.
        await Promise.race([notified, new Promise((r) => setTimeout(r, Math.min(left, 1_000)))]);
      }
    } finally {
      set.delete(waiter);
      if (set.size === 0) this.waiters.delete(runId);
    }
  }

  /** Makes and starts a worker in this process. */
  async worker(options: WorkerOptions = {}): Promise<Worker> {
    await this.connect();
    const worker = new Worker(
      {
        db: this.db,
        catalog: this.catalog,
        resolver: this.options.resolver,
        services: this.options.services ?? {},
        channels: this.channels,
        logger: this.logger,
        host: safeHostname(),
        pid: typeof process === 'undefined' ? 0 : process.pid,
      },
      options,
    );
    this.workers.add(worker);
    await worker.start();
    return worker;
  }

  async prune(olderThan: Date): Promise<number> {
    return pruneRuns(this.db, olderThan);
  }

  /** Drains this process's workers (up to `graceMs`) and stops listening. */
  async close(graceMs = 30_000): Promise<void> {
    await Promise.all([...this.workers].map((w) => w.stop(graceMs)));
    this.workers.clear();
    await this.starts.idle();
    this.unsubscribeRuns?.();
    await this.channels.close();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertUuid(id: string): void {
  if (!UUID.test(id)) throw new NotFoundError('run', id);
}

function encodeCursor(run: RunRecord): string {
  return btoa(JSON.stringify([new Date(run.createdAt).toISOString(), run.id])).replaceAll('=', '');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(atob(cursor)) as [string, string];
    if (typeof createdAt !== 'string' || typeof id !== 'string' || !UUID.test(id) || Number.isNaN(Date.parse(createdAt))) throw new Error();
    return { createdAt, id };
  } catch {
    throw new ValidationError('cursor is not one returned by a previous page', [{ path: 'cursor', message: 'invalid cursor' }], 'cursor_invalid');
  }
}

function safeHostname(): string {
  try {
    return hostname();
  } catch {
    return 'localhost';
  }
}
