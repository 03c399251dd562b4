import type { Executor } from '../db/connect.ts';
import { DatabaseError, FatalStepError } from '../errors.ts';
import type { ClaimedStep } from './sql/claimSteps.ts';
import type { NewEvent } from './sql/events.ts';
import { loadChildren, loadMemos, saveMemo } from './sql/memos.ts';
import type { NewChild } from './sql/suspendSteps.ts';
import type { Logger, Progress, SpawnRequest, StepContext, StepResolver, StepServices } from './types.ts';

const GROUP_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const MAX_CHILDREN = 10_000;
const TERMINAL = new Set(['completed', 'skipped', 'failed', 'cancelled']);

/**
 * Collects the children a step spawns while it runs. Spawns made in the same tick (for
 * instance under Promise.all) are gathered into one suspension.
 */
export class Suspension {
  readonly children: NewChild[] = [];
  private resolveFn: (() => void) | undefined;
  readonly triggered: Promise<void>;
  private scheduled = false;

  constructor() {
    this.triggered = new Promise((resolve) => (this.resolveFn = resolve));
  }

  add(children: readonly NewChild[]): void {
    this.children.push(...children);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.resolveFn?.());
  }
}

/**
 * The runner's own bookkeeping inside a step (memos, children) rides out a dropped connection
 * instead of failing the step: the step did nothing wrong, and retrying it would cost an attempt.
 */
async function persist<T>(signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof DatabaseError) || attempt >= 8 || signal.aborted) throw error;
      await new Promise((r) => setTimeout(r, Math.min(2_000, 50 * 2 ** attempt)));
    }
  }
}

export interface ContextDeps {
  db: Executor;
  row: ClaimedStep;
  signal: AbortSignal;
  resolver: StepResolver | undefined;
  services: StepServices;
  suspension: Suspension;
  emit(event: NewEvent): void;
}

export function createStepContext(deps: ContextDeps): StepContext {
  const { db, row, suspension } = deps;
  let memos: Promise<Map<string, unknown>> | undefined;
  const nameCounts = new Map<string, number>();
  const event = (type: string, data: unknown) => deps.emit({ runId: row.runId, stepKey: row.key, type, data });
  const log = (level: string) => (message: string, data?: Record<string, unknown>) =>
    event('log', data === undefined ? { level, message } : { level, message, data });
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };

  return {
    runId: row.runId,
    stepKey: row.key,
    workflowName: row.workflowName,
    attempt: row.attempt,
    idempotencyKey: `${row.runId}:${row.key}`,
    signal: deps.signal,
    log: logger,
    services: deps.services,
    progress(progress: Progress) {
      event('progress', progress);
    },
    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const seen = (nameCounts.get(name) ?? 0) + 1;
      nameCounts.set(name, seen);
      const memoName = seen === 1 ? name : `${name}#${seen}`;
      memos ??= persist(deps.signal, () => loadMemos(db, row.runId, row.key));
      memos.catch(() => (memos = undefined));
      const known = await memos;
      if (known.has(memoName)) return known.get(memoName) as T;
      deps.signal.throwIfAborted();
      const result = await fn();
      const stored = (await persist(deps.signal, () => saveMemo(db, row.runId, row.key, memoName, result))) as T;
      known.set(memoName, stored);
      event('substep.completed', { name: memoName });
      return stored;
    },
    async spawn<T>(group: string, children: readonly SpawnRequest[], options?: { concurrency?: number }): Promise<T[]> {
      if (!GROUP_NAME.test(group)) {
        throw new FatalStepError(`spawn group '${group}' must be 1-100 letters, digits, '_', '.' or '-'`, { code: 'spawn_invalid' });
      }
      if (children.length === 0) return [];
      if (children.length > MAX_CHILDREN) {
        throw new FatalStepError(`spawn group '${group}' has ${children.length} children; at most ${MAX_CHILDREN} are allowed`, {
          code: 'spawn_invalid',
        });
      }
      const prefix = `${row.key}/${group}[`;
      const existing = await persist(deps.signal, () => loadChildren(db, row.runId, row.key, prefix));
      if (existing.length > 0) return gather<T>(group, prefix, children.length, existing);
      suspension.add(planChildren(row, deps.resolver, prefix, children, options?.concurrency));
      // The step is parked and will run again from the top; this call never returns.
      return new Promise<T[]>(() => {});
    },
  };
}

function planChildren(
  row: ClaimedStep,
  resolver: StepResolver | undefined,
  prefix: string,
  children: readonly SpawnRequest[],
  concurrency: number | undefined,
): NewChild[] {
  const lanes = Math.max(1, Math.min(children.length, Math.floor(concurrency ?? children.length)));
  const keys = children.map((_, i) => `${prefix}${i}]`);
  return children.map((child, i) => {
    const resolved = resolver?.resolve(child.uses);
    if (!resolved) {
      throw new FatalStepError(`cannot spawn '${child.uses}': no such plugin step is loaded`, { code: 'spawn_unknown_step' });
    }
    const retry = child.retry ?? resolved.retry;
    const next = keys[i + lanes];
    return {
      key: keys[i]!,
      uses: child.uses,
      input: child.input,
      policy: { initialDelayMs: retry.initialDelayMs, maxDelayMs: retry.maxDelayMs, timeoutMs: child.timeoutMs ?? resolved.timeoutMs },
      maxAttempts: Math.max(1, retry.maxAttempts),
      releasesOnFailure: child.continueOnError ?? false,
      dependents: next === undefined ? [row.key] : [row.key, next],
      pending: i < lanes ? 0 : 1,
    };
  });
}

function gather<T>(group: string, prefix: string, expected: number, rows: readonly { key: string; status: string; output: unknown }[]): T[] {
  if (rows.length !== expected) {
    throw new FatalStepError(
      `spawn group '${group}' was started with ${rows.length} children but is now called with ${expected}; ` +
        'code before ctx.spawn must be deterministic (wrap varying work in ctx.step)',
      { code: 'spawn_nondeterministic' },
    );
  }
  const out: T[] = new Array<T>(expected);
  for (const r of rows) {
    const index = Number(r.key.slice(prefix.length, -1));
    if (!TERMINAL.has(r.status)) {
      throw new FatalStepError(`child ${r.key} is still ${r.status}`, { code: 'spawn_unfinished' });
    }
    out[index] = (r.status === 'completed' ? r.output : null) as T;
  }
  return out;
}
