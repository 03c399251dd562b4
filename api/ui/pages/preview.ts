import { Hono } from 'hono';
import { generatedOutputSchema, type PreviewInfo } from '../../../core/preview/types.ts';
import type { ServedPreviews } from '../../preview-origin.ts';
import { notice, statusBadge } from '../components.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';
import type { RunView } from '../views.ts';

type App = { kind: PreviewInfo['kind']; name: string };

/** Kinds whose preview is a page to use, shown in a frame; an API shows its OpenAPI document, a CLI its help text. */
const FRAMED = new Set<string>(['react-spa', 'fullstack', 'static-site']);

/** The generated app, when the run finished with one a preview can run. */
function previewable(run: RunView): App | undefined {
  if (run.status !== 'completed') return undefined;
  const parsed = generatedOutputSchema.safeParse(run.output);
  return parsed.success ? parsed.data : undefined;
}

const startForm = (runId: string, label: string) =>
  html`<form method="post" action="${paths.preview(runId)}" data-enhance><button type="submit" id="preview-start-button" class="primary">${label}</button></form>`;

const stopForm = (runId: string) =>
  html`<form method="post" action="${paths.stopPreview(runId)}" data-enhance><button type="submit" id="preview-stop-button" class="danger">Stop preview</button></form>`;

const newTab = (url: string, label: string) => html`<a href="${url}" target="_blank" rel="noopener">${label}</a>`;

/** `origin` is the previews' own (ServedPreviews), never this page's: the framed app must not run as the UI. */
function running(app: App, preview: PreviewInfo, origin: string): Html {
  const url = new URL(preview.path, origin).href;
  if (FRAMED.has(app.kind)) {
    return html`<p>${newTab(url, 'Open the app in a new tab')}</p>
<iframe class="preview-frame" src="${url}" title="Preview of ${app.name}"></iframe>`;
  }
  if (app.kind === 'rest-api') return apiPage(app, preview, url);
  return html`<p>The output of <code>${app.name} --help</code>:</p>
<pre class="output" tabindex="0" aria-label="Output of ${app.name} --help">${preview.output ?? ''}</pre>`;
}

/**
 * An API's endpoints as a table, read from its own OpenAPI document; the raw document stays a
 * link away (and framed, when the app serves one this page could not read).
 */
function apiPage(app: App, preview: PreviewInfo, url: string): Html {
  const api = preview.api;
  if (!api) {
    return html`<p>The API is running. Its OpenAPI document could not be read as a list of endpoints; here it is as the app serves it (${newTab(url, 'open it in a new tab')}).</p>
<iframe class="preview-frame" src="${url}" title="OpenAPI document of ${app.name}"></iframe>`;
  }
  const base = url.replace(/openapi\.json$/, '');
  const rows = api.endpoints.map(
    (e) => html`<tr><td data-label="Method"><code>${e.method}</code></td><td data-label="Path"><code>${e.path}</code></td><td data-label="Summary">${e.summary ?? ''}</td></tr>`,
  );
  return html`<p>The API <strong>${api.title}</strong>${api.version ? html` (version ${api.version})` : ''} is running at ${newTab(base, base)}. Its OpenAPI document: ${newTab(url, 'openapi.json')}.</p>
<table class="endpoints responsive">
<caption>${api.endpoints.length} endpoint${api.endpoints.length === 1 ? '' : 's'}${api.truncated ? ' (the first ones; the document lists more)' : ''}</caption>
<thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Summary</th></tr></thead>
<tbody>${rows}</tbody>
</table>`;
}

function body(runId: string, app: App, preview: PreviewInfo | undefined, origin: string): Html {
  if (!preview) {
    return html`<p>Install, build and start ${app.name} on this server, then try it here. Installing its dependencies can take a minute or two.</p>
<div class="actions">${startForm(runId, 'Start preview')}</div>`;
  }
  const status = html`<p>Status: ${statusBadge(preview.status)}</p>`;
  switch (preview.status) {
    case 'starting':
      return html`${status}
<p>Installing, building and starting the app. This section updates by itself when it is ready; without scripts, <a href="${paths.run(runId)}#preview">check again</a>.</p>
<div class="actions">${stopForm(runId)}</div>`;
    case 'running':
      return html`${status}
${running(app, preview, origin)}
<div class="actions">${stopForm(runId)}</div>`;
    case 'failed':
      return html`${status}
${notice('error', html`<p>The preview could not start. What the app printed:</p>`)}
<pre class="output" tabindex="0" aria-label="Why the preview failed">${preview.output ?? ''}</pre>
<div class="actions">${startForm(runId, 'Start preview again')}</div>`;
    case 'stopped':
      return html`${status}
<p>The preview was stopped: on request, after it went unused for a while, to make room for another, or because the server restarted.</p>
<div class="actions">${startForm(runId, 'Start preview again')}</div>`;
  }
}

/**
 * The run's live preview, a region of its own: empty for runs that made no app; a Start button;
 * then its status, and the app in a frame (an API's OpenAPI document, a CLI's help text). While
 * it starts, the script re-reads `data-preview-poll` (this section alone) until it settles.
 * `requestUrl` is the page's, from which the previews' origin is worked out.
 */
export function previewSection(run: RunView, previews: ServedPreviews | undefined, requestUrl: string): Html {
  const app = previewable(run);
  if (!app) return html`<section id="preview" data-region hidden></section>`;
  if (!previews) {
    return html`<section id="preview" data-region aria-labelledby="preview-h">
<h2 id="preview-h">Preview</h2>
<p class="muted">Live previews are not available on this server: they run the app as a child process, which only the Node server (<code>qlayer serve</code>) does.</p>
</section>`;
  }
  const preview = previews.get(run.id);
  return html`<section id="preview" data-region aria-labelledby="preview-h" data-preview-status="${preview?.status ?? 'none'}" data-preview-poll="${paths.preview(run.id)}">
<h2 id="preview-h">Preview</h2>
${body(run.id, app, preview, previews.origin(requestUrl, run.id))}
</section>`;
}

/** The preview section on a page of its own: what the run page's script polls while a preview starts. */
export function previewRoutes(deps: UiDeps) {
  return new Hono<UiEnv>().get('/ui/runs/:id/preview', async (c) => {
    const run = await deps.service.getRun(c.req.param('id'));
    const body = html`<nav aria-label="Breadcrumb" class="breadcrumb"><a href="${paths.runs()}">Runs</a> <span aria-hidden="true">›</span> <a href="${paths.run(run.id)}">${run.id.slice(0, 8)}</a> <span aria-hidden="true">›</span> <span>Preview</span></nav>
<h1>Preview of run ${run.id.slice(0, 8)}</h1>
${previewSection(run, deps.previews, c.req.url)}
<p><a href="${paths.run(run.id)}">Back to the run</a></p>`;
    return c.html(page({ title: `Preview of run ${run.id.slice(0, 8)}`, section: 'runs', body, signedIn: c.get('signedIn') }).value);
  });
}
