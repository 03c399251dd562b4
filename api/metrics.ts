import type { Executor } from '../core/db/connect.ts';
import { countRunsByStatus, queueDepth } from '../core/runner/sql/readRuns.ts';
import { listWorkers } from '../core/runner/sql/workers.ts';
import { readStepDurations } from './sql/stepDurations.ts';

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const STEP_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900];
const RUN_STATUSES = ['running', 'completed', 'failed', 'cancelled'];

/** A Prometheus histogram with labels, kept in memory. */
export class Histogram {
  private readonly series = new Map<string, { labels: Record<string, string>; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Record<string, string>, value: number): void {
    const id = JSON.stringify(labels);
    let s = this.series.get(id);
    if (!s) this.series.set(id, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]! += 1;
    s.sum += value;
    s.count += 1;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${labels({ ...s.labels, le: String(le) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labels({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labels(s.labels)} ${round(s.sum)}`);
      lines.push(`${this.name}_count${labels(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

/**
 * Everything /metrics shows. HTTP latencies are observed by the request middleware; the rest
 * is read from the database at scrape time, so it covers every process, including workers
 * elsewhere. Step durations come from the run history: each scrape reads the steps finished
 * since the previous one, so the histogram counts steps finished since this server started.
 */
export class Metrics {
  readonly http = new Histogram('qlayer_http_request_duration_seconds', 'HTTP request latency by route, method and status.', HTTP_BUCKETS);
  readonly steps = new Histogram('qlayer_step_duration_seconds', 'Duration of finished step attempts by workflow, step and outcome.', STEP_BUCKETS);
  private lastEventId: number | undefined;
  private scraping: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Executor,
    private readonly options: { workerStaleMs: number },
  ) {}

  /** Sets where step durations start counting: the history written from now on. */
  async start(): Promise<void> {
    if (this.lastEventId !== undefined) return;
    const rows = await this.db.query<{ id: string | null }>('select max(id)::text as id from run_events');
    this.lastEventId ??= Number(rows[0]?.id ?? 0);
  }

  async render(): Promise<string> {
    // Two scrapes at once would read the same steps twice.
    const turn = this.scraping.then(() => this.collectSteps());
    this.scraping = turn.catch(() => {});
    await turn;
    const [byStatus, depth, workers] = await Promise.all([
      countRunsByStatus(this.db),
      queueDepth(this.db),
      listWorkers(this.db, this.options.workerStaleMs),
    ]);
    const statuses = [...new Set([...RUN_STATUSES, ...Object.keys(byStatus)])];
    return [
      '# HELP qlayer_runs Runs in the database by status.',
      '# TYPE qlayer_runs gauge',
      ...statuses.map((status) => `qlayer_runs${labels({ status })} ${byStatus[status] ?? 0}`),
      '# HELP qlayer_queue_depth Steps ready to be claimed now (state="ready") and being run (state="running").',
      '# TYPE qlayer_queue_depth gauge',
      `qlayer_queue_depth${labels({ state: 'ready' })} ${depth.ready}`,
      `qlayer_queue_depth${labels({ state: 'running' })} ${depth.running}`,
      '# HELP qlayer_workers_alive Workers with a recent heartbeat that have not stopped.',
      '# TYPE qlayer_workers_alive gauge',
      `qlayer_workers_alive ${workers.filter((w) => w.alive).length}`,
      this.steps.render(),
      this.http.render(),
      '',
    ].join('\n');
  }

  private async collectSteps(): Promise<void> {
    await this.start();
    for (;;) {
      const batch = await readStepDurations(this.db, this.lastEventId ?? 0, 5_000);
      for (const step of batch.steps) this.steps.observe({ workflow: step.workflow, step: step.step, outcome: step.outcome }, step.seconds);
      this.lastEventId = batch.lastId;
      if (!batch.more) return;
    }
  }
}

function labels(values: Record<string, string>): string {
  const parts = Object.entries(values).map(([k, v]) => `${k}="${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`);
  return parts.length === 0 ? '' : `{${parts.join(',')}}`;
}

function round(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
