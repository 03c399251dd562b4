import { Hono } from 'hono';
import type { RunStatus } from '../../../core/runner/types.ts';
import { statusBadge, timeTag } from '../components.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { durationBetween, formatTimestamp, promptOf, truncate } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';

const STATUSES: readonly RunStatus[] = ['running', 'completed', 'failed', 'cancelled'];
const PAGE_SIZE = 20;

/** Recent runs, newest first, filtered by status; "Next page" follows the API's cursor. While some run, the script re-reads the list. */
export function runsRoutes(deps: UiDeps) {
  return new Hono<UiEnv>().get('/ui/runs', async (c) => {
    const requested = c.req.query('status');
    const status = STATUSES.find((s) => s === requested);
    const cursor = c.req.query('cursor') || undefined;
    const { runs, nextCursor } = await deps.service.listRuns({ status, cursor, limit: PAGE_SIZE });
    const filters = [{ label: 'All', value: undefined }, ...STATUSES.map((s) => ({ label: s[0]!.toUpperCase() + s.slice(1), value: s }))];
    const body = html`<h1>Runs</h1>
<nav aria-label="Filter by status" class="filters"><ul>
${filters.map((f) => html`<li><a href="${paths.runs({ status: f.value })}"${f.value === status ? html` aria-current="page"` : ''}>${f.label}</a></li>`)}
</ul></nav>
<section id="runs-list" data-region${runs.some((r) => r.status === 'running') ? html` data-refresh="5000"` : ''} aria-label="Runs">
${
  runs.length === 0
    ? html`<p class="empty">${cursor ? 'No more runs.' : status ? `No ${status} runs.` : 'No runs yet.'} <a href="${paths.home()}">Generate an app</a>.</p>`
    : html`<table class="runs responsive">
<caption class="visually-hidden">${status ? `${status} runs` : 'All runs'}, newest first</caption>
<thead><tr><th scope="col">Run</th><th scope="col">Workflow</th><th scope="col">Status</th><th scope="col">Started</th><th scope="col">Duration</th></tr></thead>
<tbody>
${runs.map(
  (r) => html`<tr>
<th scope="row" data-label="Run"><a href="${paths.run(r.id)}">${truncate(promptOf(r.input) ?? r.id, 90)}</a></th>
<td data-label="Workflow">${r.workflowName}</td>
<td data-label="Status">${statusBadge(r.status)}</td>
<td data-label="Started">${timeTag(r.createdAt, formatTimestamp(r.createdAt))}</td>
<td data-label="Duration">${r.finishedAt ? durationBetween(r.createdAt, r.finishedAt) : 'running'}</td>
</tr>`,
)}
</tbody></table>`
}
</section>
<nav aria-label="Pages" class="pager">
${cursor ? html`<a href="${paths.runs({ status })}">First page</a>` : ''}
${nextCursor ? html`<a href="${paths.runs({ status, cursor: nextCursor })}" rel="next">Next page</a>` : ''}
</nav>`;
    return c.html(page({ title: 'Runs', section: 'runs', body, signedIn: c.get('signedIn') }).value);
  });
}
