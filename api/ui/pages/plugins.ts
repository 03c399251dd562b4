import { Hono } from 'hono';
import type { UiDeps, UiEnv } from '../deps.ts';
import { html } from '../html.ts';
import { page } from '../layout.ts';
import { schemaTable } from './schema-table.ts';

const anchor = (uses: string) => `step-${uses.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/** Loaded plugins, their steps, and what each step takes and returns. */
export function pluginRoutes(deps: UiDeps) {
  return new Hono<UiEnv>().get('/ui/plugins', (c) => {
    const plugins = deps.service.listPlugins();
    const body = html`<h1>Plugins</h1>
<p>Steps a workflow can use, as <code>uses: plugin/step</code>. Open a step to see what it takes and returns.</p>
${plugins.map(
  (p) => html`<section class="plugin" aria-labelledby="plugin-${p.name}">
<h2 id="plugin-${p.name}">${p.name} <span class="muted">${p.version}</span></h2>
${p.description ? html`<p>${p.description}</p>` : ''}
<p class="muted">From ${p.source}</p>
${p.steps.map(
  // Collapsed: a step's schemas run to dozens of rows, and the list of steps is what people scan.
  (s) => html`<details class="plugin-step" id="${anchor(s.uses)}">
<summary><code>${s.uses}</code>${s.description ? html` <span class="muted">${s.description}</span>` : ''}</summary>
${schemaTable(s.inputSchema, 'Input')}
${schemaTable(s.outputSchema, 'Output')}
</details>`,
)}
</section>`,
)}`;
    return c.html(page({ title: 'Plugins', section: 'plugins', body, signedIn: c.get('signedIn') }).value);
  });
}
