import { Hono } from 'hono';
import { countRunsByStatus, queueDepth } from '../../../core/runner/sql/readRuns.ts';
import { listWorkers } from '../../../core/runner/sql/workers.ts';
import { facts, notice, statusBadge, timeTag } from '../components.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { formatDuration, formatTimestamp } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';

/** The database, the workers and the queue, read fresh; the script re-reads it every few seconds. */
export function healthRoutes(deps: UiDeps) {
  return new Hono<UiEnv>().get('/ui/health', async (c) => {
    const started = performance.now();
    const readiness = await deps.service.readiness();
    const latency = performance.now() - started;
    const db = deps.platform.db;
    const [workers, depth, byStatus] = readiness.database
      ? await Promise.all([listWorkers(db, deps.workerStaleMs), queueDepth(db), countRunsByStatus(db)])
      : [[], undefined, {}];
    const alive = workers.filter((w) => w.alive);
    const warnings = deps.platform.warnings ?? [];
    const body = html`<h1>Health</h1>
<section id="health" data-region data-refresh="5000" aria-labelledby="health-h">
<h2 id="health-h" class="visually-hidden">Status</h2>
${
  readiness.status === 'ready' && alive.length > 0
    ? notice('success', html`<p>Ready: the database answers and ${alive.length === 1 ? 'a worker is' : `${alive.length} workers are`} running.</p>`)
    : notice('error', html`<p>${readiness.detail ?? (readiness.status === 'ready' ? 'No worker is running, so runs will wait in the queue. Start one with qlayer worker.' : 'Not ready.')}</p>`)
}
<h3>Database</h3>
${facts([
  ['Status', statusBadge(readiness.database ? 'reachable' : 'unreachable')],
  ['Answered in', readiness.database ? formatDuration(latency) : undefined],
  ['Pending migrations', readiness.pendingMigrations.length > 0 ? readiness.pendingMigrations.join(', ') : 'none'],
])}
<h3>Queue</h3>
${
  depth
    ? facts([
        ['Steps ready to run', String(depth.ready)],
        ['Steps running', String(depth.running)],
        ...Object.entries(byStatus)
          .sort()
          .map(([status, n]): [string, string] => [`Runs ${status}`, String(n)]),
      ])
    : html`<p>Unknown while the database is unreachable.</p>`
}
<h3>Workers</h3>
${
  workers.length === 0
    ? html`<p>No worker has registered.</p>`
    : html`<table class="responsive"><caption class="visually-hidden">Workers, newest first</caption>
<thead><tr><th scope="col">Worker</th><th scope="col">State</th><th scope="col">Host and process</th><th scope="col">Concurrency</th><th scope="col">Started</th><th scope="col">Last heartbeat</th></tr></thead>
<tbody>${workers.map(
        (w) => html`<tr><th scope="row" data-label="Worker"><code>${w.id}</code></th><td data-label="State">${statusBadge(w.alive ? 'alive' : w.stoppedAt ? 'stopped' : 'silent')}</td><td data-label="Host and process">${w.host} · ${w.pid}</td><td data-label="Concurrency">${w.concurrency}</td><td data-label="Started">${timeTag(
          w.startedAt.toISOString(),
          formatTimestamp(w.startedAt.toISOString()),
        )}</td><td data-label="Last heartbeat">${timeTag(w.heartbeatAt.toISOString(), formatTimestamp(w.heartbeatAt.toISOString()))}</td></tr>`,
      )}</tbody></table>`
}
${warnings.length > 0 ? html`<h3>Start-up warnings</h3><ul class="warnings">${warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ''}
</section>`;
    return c.html(page({ title: 'Health', section: 'health', body, signedIn: c.get('signedIn') }).value);
  });
}
