import { Hono } from 'hono';
import { QLayerError } from '../../../core/errors.ts';
import { notice, statusBadge } from '../components.ts';
import type { UiDeps, UiEnv } from '../deps.ts';
import { formatTimestamp, promptOf, truncate } from '../format.ts';
import { html, type Html } from '../html.ts';
import { page } from '../layout.ts';
import { paths } from '../paths.ts';
import { uiStatusOf } from '../status.ts';

export const EXAMPLES: readonly string[] = [
  'Create a todo app with React',
  'a REST API for a bookstore with books and authors',
  'full-stack recipe manager with a React frontend and an API',
  'CLI tool to convert csv to json',
  'a landing page website for my bakery with about and contact pages',
  'an expense tracker with categories and search',
];

const DEFAULT_WORKFLOW = 'generate-app';

interface FormState {
  prompt: string;
  workflow: string;
  generator: string;
  runtimeChecks: boolean;
  error?: string;
}

/** Generator steps follow the contract the coder agents call: `{ spec, module? }` in, `{ files }` out. */
function isGenerator(step: { inputSchema: unknown; outputSchema: unknown }): boolean {
  const props = (schema: unknown) => Object.keys((schema as { properties?: Record<string, unknown> } | null)?.properties ?? {});
  const input = props(step.inputSchema);
  return input.includes('spec') && input.every((p) => p === 'spec' || p === 'module') && props(step.outputSchema).includes('files');
}

async function render(deps: UiDeps, form: FormState, signedIn: boolean): Promise<Html> {
  const [workflows, recent] = await Promise.all([deps.service.listWorkflows(), deps.service.listRuns({ limit: 5 })]);
  const generators = deps.service.listPlugins().flatMap((p) => p.steps.filter(isGenerator).map((s) => s.uses));
  const names = workflows.map((w) => w.name);
  if (!names.includes(form.workflow)) names.unshift(form.workflow);
  const body = html`<h1>Generate an app</h1>
<p class="lead">Describe the app you want in a sentence. QuantumLayer plans it, writes the code, tests, reviews and validates it, and packages it as a zip.</p>
${form.error ? notice('error', html`<p>${form.error}</p>`, { alert: true, id: 'generate-error' }) : ''}
<form id="examples" method="get" action="${paths.home()}"></form>
<form method="post" action="${paths.generate()}" class="stack generate-form">
<input type="hidden" name="idempotency" value="ui-${crypto.randomUUID()}">
<label for="prompt">What should it be?</label>
<textarea id="prompt" name="prompt" rows="4" required minlength="3" maxlength="4000" aria-describedby="prompt-help${form.error ? ' generate-error' : ''}">${form.prompt}</textarea>
<p id="prompt-help" class="help">For example a React app, a REST API, a full-stack app, a command-line tool or a static website, and what it keeps track of.</p>
<fieldset class="examples">
<legend>Examples</legend>
<ul>${EXAMPLES.map((e) => html`<li><button type="submit" form="examples" name="prompt" value="${e}" class="chip" data-example="${e}">${e}</button></li>`)}</ul>
</fieldset>
<details class="options"${form.workflow !== DEFAULT_WORKFLOW || form.generator !== '' || form.runtimeChecks ? html` open` : ''}>
<summary>Options</summary>
<div class="stack">
<label for="workflow">Workflow</label>
<select id="workflow" name="workflow">${names.map((n) => html`<option value="${n}"${n === form.workflow ? html` selected` : ''}>${n}</option>`)}</select>
<label for="generator">Generator</label>
<select id="generator" name="generator" aria-describedby="generator-help">
<option value="">The workflow's default</option>
${generators.map((g) => html`<option value="${g}"${g === form.generator ? html` selected` : ''}>${g}</option>`)}
</select>
<p id="generator-help" class="help">The plugin step that writes each module's code.</p>
<div class="check"><input type="checkbox" id="runtime-checks" name="runtime-checks"${form.runtimeChecks ? html` checked` : ''}><label for="runtime-checks">Also install, build and test the project (slower; needs the npm registry)</label></div>
</div>
</details>
<div class="actions"><button type="submit" class="primary">Generate</button></div>
</form>
${
  recent.runs.length > 0
    ? html`<section aria-labelledby="recent-h"><h2 id="recent-h">Recent runs</h2>
<ul class="recent">${recent.runs.map(
        (r) => html`<li><a href="${paths.run(r.id)}">${truncate(promptOf(r.input) ?? r.workflowName, 80)}</a> ${statusBadge(r.status)} <span class="muted">${formatTimestamp(r.createdAt)}</span></li>`,
      )}</ul>
<p><a href="${paths.runs()}">All runs</a></p></section>`
    : ''
}`;
  return page({ title: 'Generate', section: 'generate', body, signedIn });
}

/** The start page: a plain form that posts, so it works without scripts, and redirects to the new run. */
export function generateRoutes(deps: UiDeps) {
  return new Hono<UiEnv>()
    .get('/', async (c) => {
      const prompt = c.req.query('prompt') ?? '';
      return c.html((await render(deps, { prompt, workflow: DEFAULT_WORKFLOW, generator: '', runtimeChecks: false }, c.get('signedIn'))).value);
    })
    .post('/ui/generate', async (c) => {
      const body = await c.req.parseBody();
      const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      const form: FormState = {
        prompt: text('prompt').trim(),
        workflow: text('workflow') || DEFAULT_WORKFLOW,
        generator: text('generator'),
        runtimeChecks: body['runtime-checks'] === 'on',
      };
      const input: Record<string, unknown> = { prompt: form.prompt };
      if (form.generator) input.generator = form.generator;
      if (form.runtimeChecks) input['runtime-checks'] = true;
      try {
        const { run } = await deps.service.startRun(form.workflow, input, text('idempotency') || undefined);
        return c.redirect(paths.run(run.id), 303);
      } catch (error) {
        if (!(error instanceof QLayerError) || uiStatusOf(error.code) >= 500) throw error;
        const status = uiStatusOf(error.code);
        return c.html((await render(deps, { ...form, error: `The run was not started: ${error.message}` }, c.get('signedIn'))).value, status);
      }
    });
}
