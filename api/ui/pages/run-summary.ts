import { facts, notice, statusBadge, timeTag } from '../components.ts';
import { durationBetween, formatBytes, formatTimestamp, promptOf } from '../format.ts';
import { html, type Html } from '../html.ts';
import { paths } from '../paths.ts';
import type { RunView } from '../views.ts';

export interface DownloadLink {
  name: string;
  size: number;
}

const outputField = (run: RunView, name: string): unknown => (typeof run.output === 'object' && run.output !== null ? (run.output as Record<string, unknown>)[name] : undefined);

/**
 * The run's heading, facts and actions. Buttons post plain forms (the script sends them in
 * the background instead); each has a fixed id so focus survives a refresh.
 */
export function summarySection(run: RunView, download: DownloadLink | undefined, message?: string): Html {
  const prompt = promptOf(run.input);
  const score = outputField(run, 'score');
  const kind = outputField(run, 'kind');
  return html`<section id="run-summary" data-region aria-labelledby="run-h">
<h1 id="run-h">${prompt ?? `Run of ${run.workflowName}`}</h1>
${message ? notice('error', html`<p>${message}</p>`, { alert: true }) : ''}
${facts([
  ['Status', statusBadge(run.status)],
  ['Workflow', html`<a href="${paths.workflow(run.workflowId)}">${run.workflowName}</a>`],
  ['Kind', typeof kind === 'string' ? kind : undefined],
  ['Score', typeof score === 'number' ? `${score} / 100` : undefined],
  ['Started', timeTag(run.createdAt, formatTimestamp(run.createdAt))],
  ['Finished', run.finishedAt ? timeTag(run.finishedAt, formatTimestamp(run.finishedAt)) : undefined],
  ['Took', run.finishedAt ? durationBetween(run.createdAt, run.finishedAt) : undefined],
  ['Run id', html`<code>${run.id}</code>`],
])}
${
  run.error && run.status !== 'completed'
    ? notice(run.status === 'cancelled' ? 'info' : 'error', html`<p><strong>${run.status === 'cancelled' ? 'Cancelled' : 'Failed'}:</strong> ${run.error.message}</p>`)
    : ''
}
<div class="actions">
${
  run.status === 'running'
    ? html`<form method="post" action="${paths.cancel(run.id)}" data-enhance><button type="submit" id="cancel-button" class="danger">Cancel run</button></form>`
    : ''
}
${
  run.status === 'failed' || run.status === 'cancelled'
    ? html`<form method="post" action="${paths.retry(run.id)}" data-enhance><button type="submit" id="retry-button">Retry from the failed steps</button></form>`
    : ''
}
${download ? html`<a id="download-link" class="button primary" href="${paths.artifact(run.id, download.name)}" download>Download ${download.name} (${formatBytes(download.size)})</a>` : ''}
</div>
</section>`;
}

/** Input and output as JSON, for workflows this page knows nothing else about. */
export function dataSection(run: RunView): Html {
  const pretty = (v: unknown) => JSON.stringify(v, null, 2);
  return html`<section id="run-data" data-region aria-labelledby="data-h">
<h2 id="data-h">Input and output</h2>
<details><summary>Input</summary><pre class="json" tabindex="0">${pretty(run.input)}</pre></details>
${run.output !== null ? html`<details><summary>Output</summary><pre class="json" tabindex="0">${pretty(run.output)}</pre></details>` : ''}
</section>`;
}
