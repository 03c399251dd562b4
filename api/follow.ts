import type { Runner } from '../core/runner/runner.ts';
import { readRunEvents } from './sql/runEvents.ts';
import type { RunEvent } from '../core/runner/types.ts';

/** The events after which a run is over, unless it is retried. */
export const FINAL_EVENTS: ReadonlySet<string> = new Set(['run.completed', 'run.failed', 'run.cancelled']);

const FINAL_STATUSES: ReadonlySet<string> = new Set(['completed', 'failed', 'cancelled']);

export interface FollowOptions {
  /** Yield events with an id above this. */
  after: number;
  signal: AbortSignal;
  /** Re-read even without a notification this often, in case one was lost. */
  pollMs?: number;
  /** Called after each quiet `pollMs`, e.g. to send a heartbeat. */
  onIdle?: () => void | Promise<void>;
}

/**
 * A run's history, then its live events, in order and without gaps: the subscription is made
 * before the first read, and every read asks the database for what came after the last event
 * yielded, so a notification only says "look again". Ends after a final event (run completed,
 * failed or cancelled) that nothing follows, or when `signal` aborts.
 */
export async function* followRunEvents(runner: Runner, runId: string, options: FollowOptions): AsyncGenerator<RunEvent> {
  const { signal } = options;
  const pollMs = options.pollMs ?? 15_000;
  let dirty = true;
  let wake: (() => void) | undefined;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const offEvents = runner.channels.onEvents((ids) => {
    if (ids.includes(runId)) poke();
  });
  const offFinished = runner.channels.onRunsFinished((ids) => {
    if (ids.includes(runId)) poke();
  });
  signal.addEventListener('abort', poke, { once: true });
  let last = options.after;
  // Read before the first batch: a run already over with nothing after `after` ends at once
  // (and an unknown run fails here, before anything is sent).
  try {
    let overBeforeFirstRead = FINAL_STATUSES.has((await runner.getRun(runId)).status);
    while (!signal.aborted) {
      if (!dirty) {
        const woken = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve(true);
          };
        });
        wake = undefined;
        if (signal.aborted) return;
        if (!woken) {
          await options.onIdle?.();
          dirty = true;
        }
        continue;
      }
      dirty = false;
      const batch = await readRunEvents(runner.db, runId, last, 500);
      for (const event of batch) {
        if (signal.aborted) return;
        last = event.id;
        yield event;
      }
      if (batch.length === 500) {
        dirty = true;
        continue;
      }
      const tail = batch[batch.length - 1];
      if (tail ? FINAL_EVENTS.has(tail.type) : overBeforeFirstRead) return;
      overBeforeFirstRead = false;
    }
  } finally {
    offEvents();
    offFinished();
    signal.removeEventListener('abort', poke);
  }
}
