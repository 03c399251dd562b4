import type { Database } from '../db/connect.ts';

const READY = 'qlayer_ready';
const CANCEL = 'qlayer_cancel';
const RUNS = 'qlayer_runs';
const EVENTS = 'qlayer_events';
// NOTIFY payloads must stay under 8,000 bytes.
const MAX_PAYLOAD = 7_000;

type Listener<T> = (value: T) => void;

/**
 * Wake-ups between the parts of the runner. Listeners in this process hear every message at
 * once; on PostgreSQL the message also goes out with NOTIFY to every other process, coalesced
 * so that a busy worker sends a handful of notifications, not one per step.
 */
export class Channels {
  private readonly local = { ready: new Set<Listener<void>>(), cancel: new Set<Listener<string[]>>(), runs: new Set<Listener<string[]>>(), events: new Set<Listener<string[]>>() };
  private readonly outbox = new Map<string, Set<string>>();
  private sending = false;
  private remoteOff: (() => Promise<void>)[] = [];
  private eventsTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pendingEvents = new Set<string>();

  constructor(private readonly db: Database) {}

  /** Subscribes to the other processes' notifications (PostgreSQL only). */
  async connect(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    const split = (payload: string) => (payload ? payload.split(',') : []);
    this.remoteOff.push(await this.db.listen(READY, () => this.emit(this.local.ready, undefined)));
    this.remoteOff.push(await this.db.listen(CANCEL, (p) => this.emit(this.local.cancel, split(p))));
    this.remoteOff.push(await this.db.listen(RUNS, (p) => this.emit(this.local.runs, split(p))));
    this.remoteOff.push(await this.db.listen(EVENTS, (p) => this.emit(this.local.events, split(p))));
  }

  async close(): Promise<void> {
    if (this.eventsTimer) clearTimeout(this.eventsTimer);
    await Promise.all(this.remoteOff.map((off) => off()));
    this.remoteOff = [];
  }

  onReady(fn: Listener<void>): () => void {
    return this.subscribe(this.local.ready, fn);
  }
  onCancel(fn: Listener<string[]>): () => void {
    return this.subscribe(this.local.cancel, fn);
  }
  onRunsFinished(fn: Listener<string[]>): () => void {
    return this.subscribe(this.local.runs, fn);
  }
  /** Runs that have new history events. Delivered at most every 20 ms per process. */
  onEvents(fn: Listener<string[]>): () => void {
    return this.subscribe(this.local.events, fn);
  }

  publishReady(): void {
    this.emit(this.local.ready, undefined);
    this.send(READY, ['']);
  }
  publishCancel(runIds: readonly string[]): void {
    this.emit(this.local.cancel, [...runIds]);
    this.send(CANCEL, runIds);
  }
  publishRunsFinished(runIds: readonly string[]): void {
    this.emit(this.local.runs, [...runIds]);
    this.send(RUNS, runIds);
    this.publishEvents(runIds);
  }
  publishEvents(runIds: readonly string[]): void {
    for (const id of runIds) if (id) this.pendingEvents.add(id);
    if (this.eventsTimer || this.pendingEvents.size === 0) return;
    this.eventsTimer = setTimeout(() => {
      this.eventsTimer = undefined;
      const ids = [...this.pendingEvents];
      this.pendingEvents.clear();
      this.emit(this.local.events, ids);
      this.send(EVENTS, ids);
    }, 20);
    this.eventsTimer.unref?.();
  }

  private subscribe<T>(set: Set<Listener<T>>, fn: Listener<T>): () => void {
    set.add(fn);
    return () => set.delete(fn);
  }

  private emit<T>(set: Set<Listener<T>>, value: T): void {
    for (const fn of set) {
      try {
        fn(value);
      } catch {
        // One listener's bug must not starve the others.
      }
    }
  }

  private send(channel: string, ids: readonly string[]): void {
    if (this.db.kind !== 'postgres') return;
    let set = this.outbox.get(channel);
    if (!set) this.outbox.set(channel, (set = new Set()));
    for (const id of ids) set.add(id);
    if (!this.sending) void this.flush();
  }

  private async flush(): Promise<void> {
    this.sending = true;
    try {
      while (this.outbox.size > 0) {
        const batch = [...this.outbox.entries()];
        this.outbox.clear();
        const messages: [string, string][] = [];
        for (const [channel, ids] of batch) for (const payload of chunk([...ids])) messages.push([channel, payload]);
        await this.db
          .query('select pg_notify(m->>0, m->>1) from jsonb_array_elements($1::text::jsonb) as m', [JSON.stringify(messages)])
          .catch(() => {
            // Lost notifications only delay things: workers and waiters also poll.
          });
      }
    } finally {
      this.sending = false;
    }
  }
}

function chunk(ids: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const id of ids) {
    if (current.length + id.length + 1 > MAX_PAYLOAD) {
      out.push(current);
      current = '';
    }
    current = current ? `${current},${id}` : id;
  }
  out.push(current);
  return out;
}
