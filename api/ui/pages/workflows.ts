import { Hono } from 'hono';
import type { Context } from 'hono';
import { ValidationError } from '../../../core/errors.ts';
import { facts, notice, timeTag } from '../components.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { formatTimestamp } from '../format.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';
import { annotatedSource, issueList, type SourceIssue } from './workflow-source.ts';

const STARTER = `name: my-workflow
version: 1.0.0
description: Turn a prompt into an app spec.
inputs:
  prompt:
    type: string
    description: What to build.
steps:
  - id: parse
    uses: parser/parse
    with:
      prompt: \${{ inputs.prompt }}
outputs:
  spec: \${{ steps.parse.output.spec }}
`;

type Outcome = { kind: 'none' } | { kind: 'valid' } | { kind: 'invalid'; issues: SourceIssue[]; action: 'validate' | 'register' };

function resultSection(source: string, outcome: Outcome): Html {
  if (outcome.kind === 'none') return html`<section id="editor-result" data-region hidden></section>`;
  if (outcome.kind === 'valid') {
    return html`<section id="editor-result" data-region>${notice('success', html`<p>No problems found. Register it to make it available to runs.</p>`, { alert: true })}</section>`;
  }
  const n = outcome.issues.length;
  const what = outcome.action === 'register' ? 'The workflow was not registered: it has' : 'The workflow has';
  return html`<section id="editor-result" data-region aria-labelledby="issues-h">
${notice('error', html`<h2 id="issues-h">${what} ${n === 1 ? '1 problem' : `${n} problems`}</h2>${issueList(outcome.issues)}`, { alert: true })}
${annotatedSource(source, outcome.issues, 'The workflow with its problems marked')}
</section>`;
}

function editorPage(source: string, outcome: Outcome, signedIn: boolean) {
  const body = html`<nav aria-label="Breadcrumb" class="breadcrumb"><a href="${paths.workflows()}">Workflows</a> <span aria-hidden="true">›</span> <span>New</span></nav>
<h1>Register a workflow</h1>
<p>Write or paste a workflow in YAML. Validate it to see any problems at their lines, then register it; runs started by its name use the newest version.</p>
<form method="post" action="${paths.newWorkflow()}" class="stack" data-enhance>
<label for="source">Workflow YAML</label>
<textarea id="source" name="source" rows="22" required spellcheck="false" autocapitalize="off" class="code-input" aria-describedby="editor-result">${source}</textarea>
<div class="actions">
<button type="submit" formaction="${paths.validateWorkflow()}">Validate</button>
<button type="submit" class="primary">Register</button>
</div>
</form>
${resultSection(source, outcome)}`;
  return page({ title: 'Register a workflow', section: 'workflows', body, signedIn }).value;
}

/** Validating needs only the `read` scope and registering `write`, so they are two routes. */
async function submit(deps: UiDeps, c: Context<UiEnv>, action: 'validate' | 'register') {
  const form = await c.req.parseBody();
  const source = typeof form.source === 'string' ? form.source.replace(/\r\n/g, '\n') : '';
  if (source.trim() === '') {
    return c.html(editorPage(source, { kind: 'invalid', action, issues: [{ path: '', message: 'The workflow is empty.' }] }, c.get('signedIn')), 400);
  }
  if (action === 'validate') {
    const { valid, issues } = deps.service.validateWorkflow(source);
    return c.html(editorPage(source, valid ? { kind: 'valid' } : { kind: 'invalid', action, issues }, c.get('signedIn')));
  }
  try {
    const registered = await deps.service.registerWorkflow(source);
    return c.redirect(`${paths.workflow(registered.id)}?registered=${registered.created ? 'new' : 'same'}`, 303);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // Workflow issues carry line and column; other validation errors have a path only.
    const issues = error.issues.map((i) => i as SourceIssue);
    return c.html(editorPage(source, { kind: 'invalid', action, issues }, c.get('signedIn')), 422);
  }
}

/** Workflows: the list, each one's YAML and versions, and an editor that validates and registers. */
export function workflowRoutes(deps: UiDeps) {
  return new Hono<UiEnv>()
    .get('/ui/workflows', async (c) => {
      const workflows = await deps.service.listWorkflows();
      const body = html`<h1>Workflows</h1>
<p><a class="button" href="${paths.newWorkflow()}">Register a workflow</a></p>
${
  workflows.length === 0
    ? html`<p class="empty">No workflows are registered.</p>`
    : html`<table class="responsive"><caption class="visually-hidden">Workflows, newest version of each</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Version</th><th scope="col">Registered</th><th scope="col">Id</th></tr></thead>
<tbody>${workflows.map(
        (w) => html`<tr><th scope="row" data-label="Name"><a href="${paths.workflow(w.id)}">${w.name}</a></th><td data-label="Version">${w.version}</td><td data-label="Registered">${timeTag(
          w.createdAt,
          formatTimestamp(w.createdAt),
        )}</td><td data-label="Id"><code>${w.id.slice(0, 12)}</code></td></tr>`,
      )}</tbody></table>`
}`;
      return c.html(page({ title: 'Workflows', section: 'workflows', body, signedIn: c.get('signedIn') }).value);
    })
    .get('/ui/workflows/new', async (c) => {
      const from = c.req.query('from');
      const source = from ? (await deps.service.getWorkflow(from)).source : STARTER;
      return c.html(editorPage(source, { kind: 'none' }, c.get('signedIn')));
    })
    .post('/ui/workflows/validate', (c) => submit(deps, c, 'validate'))
    .post('/ui/workflows/new', (c) => submit(deps, c, 'register'))
    .get('/ui/workflows/:ref', async (c) => {
      const w = await deps.service.getWorkflow(c.req.param('ref'));
      const registered = c.req.query('registered');
      const body = html`<nav aria-label="Breadcrumb" class="breadcrumb"><a href="${paths.workflows()}">Workflows</a> <span aria-hidden="true">›</span> <span>${w.name}</span></nav>
<h1>${w.name} <span class="muted">${w.version}</span></h1>
${registered === 'new' ? notice('success', html`<p>Registered. New runs of ${w.name} use this version.</p>`, { alert: true }) : ''}
${registered === 'same' ? notice('info', html`<p>This exact workflow was registered already; nothing changed.</p>`, { alert: true }) : ''}
${facts([
  ['Version', w.version],
  ['Registered', timeTag(w.createdAt, formatTimestamp(w.createdAt))],
  ['Id', html`<code>${w.id}</code>`],
])}
<p class="actions"><a class="button" href="${paths.newWorkflow(w.id)}">Edit as a new version</a></p>
<h2>Source</h2>
${annotatedSource(w.source, [], `${w.name} source`)}
${
  w.versions.length > 1
    ? html`<h2>Versions</h2><ul class="versions">${w.versions.map(
        (v) => html`<li>${v.id === w.id ? html`<strong>${v.version}</strong> (this one)` : html`<a href="${paths.workflow(v.id)}">${v.version}</a>`} · ${formatTimestamp(v.createdAt)} · <code>${v.id.slice(0, 12)}</code></li>`,
      )}</ul>`
    : ''
}`;
      return c.html(page({ title: w.name, section: 'workflows', body, signedIn: c.get('signedIn') }).value);
    });
}
