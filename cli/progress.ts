import type { Runner } from '../core/runner/runner.ts';
import type { RunEvent, RunRecord } from '../core/runner/types.ts';
import type { Io } from './io.ts';

const FINAL = new Set(['run.completed', 'run.failed', 'run.cancelled']);

/**
 * Prints a run's history as it happens, one line per step change, and resolves with the
 * finished run. Lines, not a redrawn screen, so the output reads the same in a terminal,
 * a log file and CI.
 */
export async function followRun(runner: Runner, runId: string, io: Io, timeoutMs = 30 * 60_000): Promise<RunRecord> {
  let after = 0;
  let wake: () => void = () => {};
  const off = runner.channels.onEvents((ids) => {
    if (ids.includes(runId)) wake();
  });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const notified = new Promise<void>((resolve) => (wake = resolve));
      const events = await runner.getEvents(runId, after, 1000);
      for (const event of events) {
        after = event.id;
        const line = describe(event);
        if (line && !io.json) io.err(line);
        if (FINAL.has(event.type)) return runner.getRun(runId);
      }
      if (Date.now() > deadline) return runner.getRun(runId);
      if (events.length === 0) await Promise.race([notified, new Promise((r) => setTimeout(r, 500))]);
    }
  } finally {
    off();
  }
}

function describe(event: RunEvent): string | undefined {
  const step = event.stepKey ?? '';
  const data = (event.data ?? {}) as Record<string, unknown>;
  const ms = typeof data.durationMs === 'number' ? ` (${data.durationMs} ms)` : '';
  const error = (data.error as { message?: string } | undefined)?.message;
  switch (event.type) {
    case 'run.started':
      return '▶ run started';
    case 'step.started':
      return `  … ${step}${Number(data.attempt) > 1 ? ` (attempt ${String(data.attempt)})` : ''}`;
    case 'step.completed':
      return `  ✓ ${step}${ms}`;
    case 'step.skipped':
      return `  ↷ ${step} skipped${data.reason ? `: ${String(data.reason)}` : ''}`;
    case 'step.waiting':
      return `  ⋯ ${step} waiting for ${String(data.children)} child step(s)`;
    case 'step.retrying':
      return `  ↻ ${step} failed (${error ?? 'error'}); retrying in ${String(data.delayMs)} ms`;
    case 'step.failed':
      return `  ✗ ${step}: ${error ?? 'failed'}`;
    case 'step.lease_expired':
      return `  ! ${step}: its worker stopped; running it again`;
    case 'log':
      return data.level === 'warn' || data.level === 'error' ? `    ${step}: ${String(data.message)}` : undefined;
    case 'progress':
      return typeof data.message === 'string' ? `    ${step}: ${data.message}` : undefined;
    case 'run.completed':
      return '■ run completed';
    case 'run.failed':
      return `■ run failed: ${String((data.error as { message?: string } | undefined)?.message ?? '')}`;
    case 'run.cancelled':
      return `■ run cancelled${data.reason ? `: ${String(data.reason)}` : ''}`;
    default:
      return undefined;
  }
}
