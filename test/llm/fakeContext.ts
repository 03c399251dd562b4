import type { LlmContext } from '../../core/llm/types.ts';

export interface FakeContext extends LlmContext {
  /** Everything the step emitted, as the runner would store it: `log` and `progress` events. */
  readonly events: { type: string; data: unknown }[];
  /** Substeps that ran their function (memo misses), by memo name. */
  readonly ran: string[];
  abort(): void;
}

/**
 * A step context without a database, for unit tests: `step` memoizes like the runner does
 * (results JSON round-tripped, repeated names numbered `#2`…). Pass the `memos` of an earlier
 * context to simulate the next attempt of the same step.
 */
export function fakeContext(options: { runId?: string; memos?: Map<string, unknown> } = {}): FakeContext & { memos: Map<string, unknown> } {
  const memos = options.memos ?? new Map<string, unknown>();
  const counts = new Map<string, number>();
  const events: { type: string; data: unknown }[] = [];
  const ran: string[] = [];
  const controller = new AbortController();
  const log = (level: string) => (message: string, data?: Record<string, unknown>) =>
    void events.push({ type: 'log', data: data === undefined ? { level, message } : { level, message, data: JSON.parse(JSON.stringify(data)) } });
  return {
    runId: options.runId ?? 'run-1',
    memos,
    events,
    ran,
    signal: controller.signal,
    abort: () => controller.abort(),
    log: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    progress: (p) => void events.push({ type: 'progress', data: p }),
    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      const seen = (counts.get(name) ?? 0) + 1;
      counts.set(name, seen);
      const memoName = seen === 1 ? name : `${name}#${seen}`;
      if (memos.has(memoName)) return memos.get(memoName) as T;
      ran.push(memoName);
      const result = await fn();
      memos.set(memoName, JSON.parse(JSON.stringify(result)));
      return result;
    },
  };
}
