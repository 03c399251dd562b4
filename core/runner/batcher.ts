/**
 * Group commit: callers add items one at a time; one flush runs at a time and takes
 * everything queued so far. An idle batcher flushes at once, so a lone item costs no extra
 * latency, while a busy one turns thousands of items into a few statements.
 */
export class Batcher<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly flushFn: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 1000,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  get size(): number {
    return this.queue.length;
  }

  /** Resolves once nothing is queued or being flushed. */
  idle(): Promise<void> {
    if (!this.flushing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const results = await this.flushFn(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i] as R));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      this.flushing = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
