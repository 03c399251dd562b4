import { z } from 'zod';

/** What one chat completion produced: stored in step memos and in the cross-run cache. */
export const completionRecordSchema = z.object({
  text: z.string(),
  finishReason: z.string().nullable(),
  /** The model the server says answered (OpenRouter and Azure name it differently). */
  model: z.string(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  estimated: z.boolean(),
  latencyMs: z.number().nonnegative(),
});

export type CompletionRecord = z.output<typeof completionRecordSchema>;

/**
 * Serves identical requests across runs. Async so that a database- or Redis-backed one fits;
 * keys are SHA-256 hex of the request.
 */
export interface LlmCache {
  get(key: string): Promise<CompletionRecord | undefined>;
  set(key: string, value: CompletionRecord): Promise<void>;
}

/** A bounded map that forgets the least recently used entry first. */
export class MemoryLru<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly maxEntries: number) {
    if (!(maxEntries >= 1)) throw new RangeError('maxEntries must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Map keeps insertion order; re-inserting moves the key to the young end.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** The in-process cache behind `cache: { enabled: true }`. */
export function memoryLlmCache(maxEntries = 500): LlmCache {
  const lru = new MemoryLru<CompletionRecord>(maxEntries);
  return {
    async get(key) {
      return lru.get(key);
    },
    async set(key, value) {
      lru.set(key, value);
    },
  };
}
