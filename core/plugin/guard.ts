import { AsyncLocalStorage } from 'node:async_hooks';
import process from 'node:process';
import { QLayerError, StepError } from '../errors.ts';
import type { Logger } from '../runner/types.ts';

/**
 * Plugin code runs inside the worker's process, so a plugin bug must not end up as a process
 * crash. Synchronous throws, rejected promises and non-Error values are caught around the
 * call; stray rejections and exceptions from timers are traced back to the step that caused
 * them through an AsyncLocalStorage context, and fail that step instead of the process.
 */

interface GuardedStep {
  where: string;
  log: Logger;
  settled: boolean;
  crash(error: unknown): void;
}

const current = new AsyncLocalStorage<GuardedStep>();
let installed = false;

/**
 * Runs one plugin step's code. Resolves with its result or rejects with a StepError that
 * the runner understands, whatever the code threw and however it failed.
 */
export function runGuarded<T>(where: string, log: Logger, fn: () => T | Promise<T>): Promise<T> {
  installProcessListeners();
  return new Promise<T>((resolve, reject) => {
    const guarded: GuardedStep = {
      where,
      log,
      settled: false,
      crash: (error) => finish(() => reject(crashError(where, error))),
    };
    const finish = (settle: () => void) => {
      if (guarded.settled) return;
      guarded.settled = true;
      settle();
    };
    current.run(guarded, () => {
      Promise.resolve()
        .then(fn)
        .then(
          (value) => finish(() => resolve(value)),
          (error: unknown) => finish(() => reject(normalizeStepError(where, error))),
        );
    });
  });
}

/**
 * Turns whatever plugin code threw into an error the runner classifies correctly: a value
 * that is not an Error gets a message naming the step, and a StepError made by another copy
 * of this package (a plugin that installed its own) keeps its code and retryability.
 */
export function normalizeStepError(where: string, error: unknown): unknown {
  if (error instanceof QLayerError) return error;
  if (error instanceof Error) {
    const foreign = error as Error & { code?: unknown; retryable?: unknown; details?: unknown };
    if (typeof foreign.code === 'string' && typeof foreign.retryable === 'boolean') {
      return new StepError(error.message, {
        code: foreign.code,
        retryable: foreign.retryable,
        cause: error,
        ...(isRecord(foreign.details) ? { details: foreign.details } : {}),
      });
    }
    return error;
  }
  return new StepError(`plugin step ${where} threw ${describe(error)} instead of an Error`, {
    code: 'step_threw_non_error',
    details: { thrown: describe(error) },
  });
}

function crashError(where: string, error: unknown): StepError {
  const message = error instanceof Error ? error.message : describe(error);
  return new StepError(`plugin step ${where} crashed outside its promise chain: ${message}`, {
    code: 'step_crashed',
    cause: error,
    details: { plugin: where.split('/')[0], step: where.split('/')[1] },
  });
}

/**
 * A crash traced to a running step fails that step; one traced to a step that already
 * finished is logged on that step. Anything else is not ours: when no one else listens,
 * Node's default (print and exit) is kept, because swallowing the platform's own bugs
 * would hide them.
 */
function installProcessListeners(): void {
  if (installed) return;
  installed = true;
  const handle = (kind: 'unhandledRejection' | 'uncaughtException', error: unknown): boolean => {
    const guarded = current.getStore();
    if (!guarded) return false;
    if (!guarded.settled) {
      guarded.crash(error);
      return true;
    }
    try {
      guarded.log.error(`${kind} after plugin step ${guarded.where} finished`, { error: error instanceof Error ? error.message : describe(error) });
    } catch {
      // The run may be gone; the error was still contained.
    }
    return true;
  };
  process.on('unhandledRejection', (reason) => {
    if (handle('unhandledRejection', reason)) return;
    if (process.listenerCount('unhandledRejection') === 1) dieAsNodeWould(reason);
  });
  process.on('uncaughtException', (error) => {
    if (handle('uncaughtException', error)) return;
    if (process.listenerCount('uncaughtException') === 1) dieAsNodeWould(error);
  });
}

function dieAsNodeWould(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : describe(error)}\n`);
  process.exit(1);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
