import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Runner } from '../core/runner/runner.ts';
import { eventDto } from './dto.ts';
import { FINAL_EVENTS, followRunEvents } from './follow.ts';
import { readRunEvents } from './sql/runEvents.ts';

export interface SseOptions {
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
  /** Aborted when the server shuts down, so open streams end and the server can close. */
  shutdown: AbortSignal;
}

/**
 * A run's events as Server-Sent Events: each `id:` is the event id, so a client that
 * reconnects with `Last-Event-ID` resumes after the last event it saw. The stream ends with an
 * `end` event after the run's final event. Reconnecting to a finished run with nothing new
 * gets 204, which tells EventSource to stop reconnecting.
 */
export async function runEventStream(c: Context, runner: Runner, runId: string, after: number, options: SseOptions): Promise<Response> {
  const run = await runner.getRun(runId);
  if (run.status !== 'running') {
    const rest = await readRunEvents(runner.db, runId, after, 1);
    if (rest.length === 0) return c.body(null, 204);
  }
  return streamSSE(c, async (stream) => {
    const closed = new AbortController();
    stream.onAbort(() => closed.abort());
    const signal = AbortSignal.any([closed.signal, options.shutdown]);
    let final: string | undefined;
    const events = followRunEvents(runner, runId, {
      after,
      signal,
      pollMs: options.heartbeatMs,
      onIdle: () => stream.write(': heartbeat\n\n').then(() => {}),
    });
    for await (const event of events) {
      await stream.writeSSE({ id: String(event.id), data: JSON.stringify(eventDto(event)) });
      final = FINAL_EVENTS.has(event.type) ? event.type : undefined;
    }
    if (final && !signal.aborted) await stream.writeSSE({ event: 'end', data: JSON.stringify({ runId, event: final }) });
  });
}

/** The position to resume after: `Last-Event-ID` (set by EventSource on reconnect) wins over `?after=`. */
export function resumePosition(lastEventId: string | undefined, after: number | undefined): number {
  if (lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId.trim())) return Number(lastEventId.trim());
  return after ?? 0;
}
