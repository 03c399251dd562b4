import { Worker } from 'node:worker_threads';
import type { CheckResult } from '../report.ts';
import type { StaticCheckName, StaticJob } from './job.ts';
import { threadMessageSchema, type JobMessage } from './protocol.ts';
import { runStaticChecksHere } from './run-here.ts';

export interface StaticCheckPoolOptions {
  /** The module the thread runs; `entry.mjs` beside this file unless a test swaps it. */
  entry?: URL;
  /** A job still running after this long is a hung thread: it is stopped and the checks fail. */
  jobTimeoutMs?: number;
  /** A thread that has not loaded after this long counts as one that cannot start. */
  startTimeoutMs?: number;
  /** Where the one warning goes when checks fall back to the calling thread. */
  warn?: (message: string) => void;
}

const DEFAULT_ENTRY = new URL('./entry.mjs', import.meta.url);
const DEFAULT_JOB_TIMEOUT_MS = 120_000;
const DEFAULT_START_TIMEOUT_MS = 60_000;

/**
 * Runs static checks in one worker thread, so that type-checking a project does not stall the
 * event loop of a process that also serves HTTP. A pool of one: jobs queue, the thread is
 * started on the first job and kept for the next (TypeScript's lib files stay parsed in it).
 * It is unref'd while idle, so it never keeps a process alive.
 *
 * A thread that crashes, replies nonsense or runs past `jobTimeoutMs` is stopped and its checks
 * fail with a `check-crashed` or `check-timed-out` finding; the next job gets a fresh thread.
 * Aborting a job stops the thread too. A thread that cannot start at all (a runtime without
 * worker threads or module hooks) makes this pool run every later job in the calling thread.
 */
export class StaticCheckPool {
  readonly #entry: URL;
  readonly #jobTimeoutMs: number;
  readonly #startTimeoutMs: number;
  readonly #warn: (message: string) => void;
  #tail: Promise<unknown> = Promise.resolve();
  #starting: Promise<Worker | undefined> | undefined;
  #thread: Worker | undefined;
  #unavailable = false;
  #nextId = 0;

  constructor(options: StaticCheckPoolOptions = {}) {
    this.#entry = options.entry ?? DEFAULT_ENTRY;
    this.#jobTimeoutMs = options.jobTimeoutMs ?? DEFAULT_JOB_TIMEOUT_MS;
    this.#startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.#warn = options.warn ?? ((message) => process.emitWarning(message, 'QLayerWarning'));
  }

  /**
   * The results of `job.checks`, in that order. Rejects only with the signal's reason; every
   * other failure is a failed check in the results.
   */
  run(job: StaticJob, signal?: AbortSignal): Promise<CheckResult[]> {
    signal?.throwIfAborted();
    const turn = this.#tail.then(() => this.#runNow(job, signal));
    this.#tail = turn.catch(() => {});
    // A job aborted while queued rejects at once rather than after the ones ahead of it.
    return untilAborted(turn, signal);
  }

  /** Stops the thread, if one runs. A later job starts a new one. */
  async close(): Promise<void> {
    const thread = this.#thread;
    this.#forget(thread);
    await thread?.terminate();
  }

  async #runNow(job: StaticJob, signal: AbortSignal | undefined): Promise<CheckResult[]> {
    signal?.throwIfAborted();
    // Starting goes on if the job is aborted meanwhile; the next job will use the thread.
    const thread = await untilAborted(this.#ready(), signal);
    if (thread === undefined) return runStaticChecksHere(job, signal);
    return this.#dispatch(thread, job, signal);
  }

  #ready(): Promise<Worker | undefined> {
    if (this.#unavailable) return Promise.resolve(undefined);
    this.#starting ??= this.#start().then(
      (thread) => {
        this.#thread = thread;
        return thread;
      },
      (error: unknown) => {
        this.#starting = undefined;
        this.#unavailable = true;
        const reason = error instanceof Error ? error.message : String(error);
        this.#warn(`validators: static checks run on the calling thread, because their worker thread could not start: ${reason}`);
        return undefined;
      },
    );
    return this.#starting;
  }

  #start(): Promise<Worker> {
    return new Promise((resolve, reject) => {
      let thread: Worker;
      try {
        thread = new Worker(this.#entry);
      } catch (error) {
        reject(error);
        return;
      }
      // Whatever happens later, an 'error' event without a listener would crash this process,
      // and a thread that ends while idle must not be handed the next job.
      thread.on('error', () => {});
      thread.once('exit', () => this.#forget(thread));
      const timer = setTimeout(() => fail(new Error(`it did not load within ${this.#startTimeoutMs} ms`)), this.#startTimeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('error', fail);
        thread.off('exit', onExit);
      };
      const fail = (error: Error): void => {
        cleanup();
        thread.terminate().catch(() => {});
        reject(error);
      };
      const onExit = (code: number): void => fail(new Error(`it exited with code ${code} while loading`));
      const onMessage = (raw: unknown): void => {
        if (threadMessageSchema.safeParse(raw).data?.type !== 'ready') return fail(new Error('its first message was not "ready"'));
        cleanup();
        thread.unref();
        resolve(thread);
      };
      thread.on('message', onMessage);
      thread.on('error', fail);
      thread.on('exit', onExit);
    });
  }

  #dispatch(thread: Worker, job: StaticJob, signal: AbortSignal | undefined): Promise<CheckResult[]> {
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const started = performance.now();
      const settle = (): void => {
        clearTimeout(timer);
        thread.off('message', onMessage);
        thread.off('messageerror', onMessageError);
        thread.off('error', onError);
        thread.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        thread.unref();
      };
      const lost = (rule: 'check-crashed' | 'check-timed-out', reason: string): void => {
        settle();
        this.#discard(thread);
        resolve(lostResults(job.checks, rule, reason, performance.now() - started));
      };
      const onMessage = (raw: unknown): void => {
        const message = threadMessageSchema.safeParse(raw);
        if (!message.success) return lost('check-crashed', 'the check thread sent a malformed reply');
        const reply = message.data;
        if (reply.type === 'refused') return lost('check-crashed', `the check thread refused the job: ${reply.message}`);
        if (reply.type !== 'done' || reply.id !== id) return lost('check-crashed', 'the check thread replied out of turn');
        if (reply.results.map((result) => result.name).join() !== job.checks.join()) {
          return lost('check-crashed', 'the check thread replied with other checks than asked');
        }
        settle();
        resolve(reply.results);
      };
      const onMessageError = (): void => lost('check-crashed', 'the check thread sent a reply that could not be read');
      const onError = (error: Error): void => lost('check-crashed', `the check thread crashed: ${error.message}`);
      const onExit = (code: number): void => lost('check-crashed', `the check thread exited with code ${code}`);
      const onAbort = (): void => {
        settle();
        this.#discard(thread);
        reject(signal?.reason);
      };
      const timer = setTimeout(
        () => lost('check-timed-out', `the checks took longer than ${this.#jobTimeoutMs} ms, and their thread was stopped`),
        this.#jobTimeoutMs,
      );
      thread.on('message', onMessage);
      thread.on('messageerror', onMessageError);
      thread.on('error', onError);
      thread.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      // Held while a job runs: a caller awaiting the results is reason enough to stay alive.
      thread.ref();
      try {
        thread.postMessage({ id, job } satisfies JobMessage);
      } catch (error) {
        lost('check-crashed', `the job could not be sent to the check thread: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }

  #discard(thread: Worker): void {
    this.#forget(thread);
    thread.terminate().catch(() => {});
  }

  #forget(thread: Worker | undefined): void {
    if (thread === undefined || this.#thread !== thread) return;
    this.#thread = undefined;
    this.#starting = undefined;
  }
}

/** Every check of a job that was lost with its thread fails, so the report says so. */
function lostResults(checks: readonly StaticCheckName[], rule: string, reason: string, elapsedMs: number): CheckResult[] {
  return checks.map((name) => ({
    name,
    status: 'failed',
    durationMs: Math.round(elapsedMs),
    findings: [{ check: name, severity: 'error', message: `check could not run: ${reason}`, rule }],
  }));
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

let shared: StaticCheckPool | undefined;

/** Runs a batch of static checks in the process's shared check thread. */
export function runStaticChecks(job: StaticJob, signal?: AbortSignal): Promise<CheckResult[]> {
  shared ??= new StaticCheckPool();
  return shared.run(job, signal);
}

/** Stops the shared check thread. Never needed for a process to exit; for hosts that tidy up. */
export async function closeStaticChecks(): Promise<void> {
  await shared?.close();
}
