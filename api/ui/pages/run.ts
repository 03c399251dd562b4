import { type Context, Hono } from 'hono';
import { QLayerError } from '../../../core/errors.ts';
import { requirePreviews } from '../../../core/preview/errors.ts';
import { loadWorkflow } from '../../../core/workflow/index.ts';
import { eventDto } from '../../dto.ts';
import { resumePosition, runEventStream } from '../../sse.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { promptOf, truncate } from '../format.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';
import { uiStatusOf } from '../status.ts';
import type { EventView } from '../views.ts';
import { listZip, readZipText } from '../zip.ts';
import { codeBlock, filesSection, type ZipArtifact } from './files.ts';
import { previewSection } from './preview.ts';
import { findReport, reportSection } from './report.ts';
import { dataSection, summarySection } from './run-summary.ts';
import { timeline } from './timeline.ts';

/** The page shows this much history; the live script streams the rest from where it stops. */
const MAX_EVENTS = 2000;

async function readEvents(deps: UiDeps, runId: string): Promise<EventView[]> {
  const events: EventView[] = [];
  let after = 0;
  for (;;) {
    const batch = await deps.platform.runner.getEvents(runId, after, 500);
    events.push(...batch.map(eventDto));
    // Sorted here rather than trusted: getEvents orders by its text-typed id column (1, 10, 2…).
    after = batch.reduce((max, e) => Math.max(max, e.id), after);
    if (batch.length < 500 || events.length >= MAX_EVENTS) return events.sort((a, b) => a.id - b.id);
  }
}

/** Listings by content hash: a zip is read from the database once, not on every refresh of its run. */
const listings = new Map<string, ZipArtifact['entries']>();

/** The packaged project: the artifact the run's output names, or else its first zip. */
async function findZip(deps: UiDeps, runId: string, output: unknown): Promise<ZipArtifact | undefined> {
  const artifacts = await deps.service.listArtifacts(runId);
  const named = typeof output === 'object' && output !== null ? (output as { artifact?: unknown }).artifact : undefined;
  const zip = artifacts.find((a) => a.name === named) ?? artifacts.find((a) => a.contentType === 'application/zip' || a.name.endsWith('.zip'));
  if (!zip) return undefined;
  if (!listings.has(zip.sha256)) {
    if (listings.size >= 100) listings.clear();
    listings.set(zip.sha256, listZip((await deps.service.getArtifact(runId, zip.name)).content));
  }
  return { name: zip.name, size: zip.size, entries: listings.get(zip.sha256) };
}

/** Workflow versions never change, so what their steps use is read once per version. */
const usesCache = new Map<string, ReadonlyMap<string, string>>();

/** The plugin step of each YAML step, which step records do not keep; empty for code-defined workflows. */
async function stepUses(deps: UiDeps, workflowId: string): Promise<ReadonlyMap<string, string>> {
  const cached = usesCache.get(workflowId);
  if (cached) return cached;
  let uses: ReadonlyMap<string, string> = new Map();
  try {
    const { source } = await deps.service.getWorkflow(workflowId);
    uses = new Map(loadWorkflow(source).steps.map((step) => [step.id, step.uses]));
  } catch {
    // A workflow stored by an older version of the checker may not load now; the page does without.
  }
  if (usesCache.size >= 200) usesCache.clear();
  usesCache.set(workflowId, uses);
  return uses;
}

async function renderRun(deps: UiDeps, id: string, requestUrl: string, signedIn: boolean, message?: string) {
  const [detail, events] = await Promise.all([deps.service.getRunDetail(id), readEvents(deps, id)]);
  const { steps, ...run } = detail;
  const [zip, uses] = await Promise.all([findZip(deps, id, run.output), stepUses(deps, run.workflowId)]);
  const withUses = steps.map((step) => (step.uses === null && uses.has(step.key) ? { ...step, uses: uses.get(step.key) ?? null } : step));
  const body = html`<nav aria-label="Breadcrumb" class="breadcrumb"><a href="${paths.runs()}">Runs</a> <span aria-hidden="true">›</span> <span>${run.id.slice(0, 8)}</span></nav>
${summarySection(run, zip, message)}
${previewSection(run, deps.previews, requestUrl)}
<section aria-labelledby="steps-h" class="steps">
<h2 id="steps-h">Steps</h2>
${timeline(run, withUses, events, events.reduce((max, e) => Math.max(max, e.id), 0))}
</section>
${reportSection(findReport(run, steps))}
${filesSection(run.id, zip)}
${dataSection(run)}`;
  return page({ title: truncate(promptOf(run.input) ?? `Run ${run.id.slice(0, 8)}`, 60), section: 'runs', body, signedIn });
}

/** A failed action re-renders the run with the reason instead of leaving the page. */
async function act(deps: UiDeps, c: Context<UiEnv>, action: () => Promise<unknown>, fragment = '') {
  const id = c.req.param('id') ?? '';
  try {
    await action();
  } catch (error) {
    if (!(error instanceof QLayerError) || uiStatusOf(error.code) >= 500 || error.code === 'not_found') throw error;
    return c.html((await renderRun(deps, id, c.req.url, c.get('signedIn'), error.message)).value, uiStatusOf(error.code));
  }
  return c.redirect(paths.run(id) + fragment, 303);
}

export function runRoutes(deps: UiDeps) {
  return new Hono<UiEnv>()
    .get('/ui/runs/:id', async (c) => c.html((await renderRun(deps, c.req.param('id'), c.req.url, c.get('signedIn'))).value))
    .post('/ui/runs/:id/cancel', (c) => act(deps, c, () => deps.service.cancelRun(c.req.param('id'), 'cancelled from the web UI')))
    .post('/ui/runs/:id/retry', (c) => act(deps, c, () => deps.service.retryRun(c.req.param('id'))))
    // Back to the run at its preview section, which shows the new state.
    .post('/ui/runs/:id/preview', (c) => act(deps, c, () => requirePreviews(deps.previews).start(c.req.param('id')), '#preview'))
    .post('/ui/runs/:id/preview/stop', (c) => act(deps, c, () => requirePreviews(deps.previews).stop(c.req.param('id')), '#preview'))
    .get('/ui/runs/:id/events', (c) => {
      const after = resumePosition(c.req.header('Last-Event-ID'), Number(c.req.query('after') ?? 0) || 0);
      return runEventStream(c, deps.platform.runner, c.req.param('id'), after, { heartbeatMs: deps.heartbeatMs, shutdown: deps.shutdown });
    })
    .get('/ui/runs/:id/artifacts/:name', async (c) => {
      const artifact = await deps.service.getArtifact(c.req.param('id'), c.req.param('name'));
      return c.body(artifact.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': artifact.contentType,
        'Content-Disposition': `attachment; filename="${artifact.name}"`,
        'Cache-Control': 'private, no-cache',
        ETag: `"${artifact.sha256}"`,
      });
    })
    .get('/ui/runs/:id/files/*', async (c) => {
      const id = c.req.param('id');
      const prefix = `${paths.run(id)}/files/`;
      const path = decodeURIComponent(c.req.path.slice(prefix.length));
      const run = await deps.service.getRun(id);
      const zip = await findZip(deps, id, run.output);
      const text = zip ? readZipText((await deps.service.getArtifact(id, zip.name)).content, path) : undefined;
      if (text === undefined) throw new QLayerError('not_found', `this run's project has no file '${path}'`);
      const body = html`<nav aria-label="Breadcrumb" class="breadcrumb"><a href="${paths.runs()}">Runs</a> <span aria-hidden="true">›</span> <a href="${paths.run(id)}">${run.id.slice(0, 8)}</a> <span aria-hidden="true">›</span> <span>Files</span></nav>
<h1 class="file-path">${path}</h1>
${text.includes('\u0000') ? html`<p>This file is not text; download the zip to open it.</p>` : codeBlock(text, path)}
<p><a href="${paths.run(id)}#files">Back to the run</a></p>`;
      return c.html(page({ title: path, section: 'runs', body, signedIn: c.get('signedIn') }).value);
    });
}
