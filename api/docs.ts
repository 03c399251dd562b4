import { PROBLEM_CODES, statusOf } from './errors.ts';

interface OpenApiDoc {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * A self-contained HTML rendering of the OpenAPI document: no scripts, no CDN, so it works
 * offline and under a strict CSP. The JSON at /api/openapi.json is the source of truth.
 */
export function renderDocs(doc: OpenApiDoc): string {
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method]! })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'other'))];
  const sections = tags.map((tag) => {
    const ops = operations.filter((o) => (o.op.tags?.[0] ?? 'other') === tag);
    return `<section><h2 id="tag-${esc(tag)}">${esc(tag)}</h2>${ops.map(renderOperation).join('\n')}</section>`;
  });
  const problems = PROBLEM_CODES.map((code) => `<tr id="problem-${esc(code)}"><td><code>${esc(code)}</code></td><td>${statusOf(code)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} ${esc(doc.info.version)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{margin-bottom:.2rem}code,pre{font:13px ui-monospace,monospace;background:#f3f4f6;border-radius:4px}
code{padding:1px 4px}pre{padding:.6rem;overflow:auto;max-height:24rem}
details{border:1px solid #d0d7de;border-radius:6px;margin:.5rem 0;padding:.4rem .8rem}
summary{cursor:pointer}.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
.get{color:#0969da}.post{color:#1a7f37}.delete{color:#cf222e}.lock{color:#9a6700;font-size:12px}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:2px 8px;text-align:left}
</style></head><body>
<h1>${esc(doc.info.title)}</h1><p>Version ${esc(doc.info.version)} · <a href="/api/openapi.json">OpenAPI 3.1 document</a> · GraphQL at <code>/graphql</code></p>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ''}
<nav>${tags.map((t) => `<a href="#tag-${esc(t)}">${esc(t)}</a>`).join(' · ')} · <a href="#schemas">schemas</a> · <a href="#problems">errors</a></nav>
${sections.join('\n')}
<section><h2 id="schemas">Schemas</h2>
${Object.entries(doc.components?.schemas ?? {})
  .map(([name, schema]) => `<details id="schema-${esc(name)}"><summary><code>${esc(name)}</code></summary><pre>${schemaHtml(schema)}</pre></details>`)
  .join('\n')}</section>
<section><h2 id="problems">Errors</h2>
<p>Every error is <code>application/problem+json</code>: <code>{ type, title, status, detail, code, issues? }</code>. The <code>code</code> is stable.</p>
<table><tr><th>code</th><th>status</th></tr>${problems}<tr id="problem-internal_error"><td><code>internal_error</code></td><td>500</td></tr></table></section>
</body></html>`;
}

function renderOperation({ path, method, op }: { path: string; method: string; op: Operation }): string {
  const params = (op.parameters ?? [])
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description ?? '')}</td></tr>`)
    .join('');
  const body = Object.entries(op.requestBody?.content ?? {})
    .map(([type, media]) => `<p>Body <code>${esc(type)}</code></p><pre>${schemaHtml(media.schema)}</pre>`)
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description ?? '')}</td><td>${Object.keys(r.content ?? {}).map((t) => `<code>${esc(t)}</code>`).join(' ')}</td></tr>`)
    .join('');
  return `<details><summary><span class="m ${method}">${method}</span> <code>${esc(path)}</code> ${esc(op.summary ?? '')}${op.security?.length ? ' <span class="lock">key</span>' : ''}</summary>
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th></th></tr>${params}</table>` : ''}
${body}
<table><tr><th>status</th><th>meaning</th><th>content</th></tr>${responses}</table></details>`;
}

/** Schema JSON with each `$ref` turned into a link to its entry under Schemas. */
function schemaHtml(schema: unknown): string {
  return esc(JSON.stringify(schema ?? {}, null, 2)).replace(
    /&quot;#\/components\/schemas\/([A-Za-z0-9_.-]+)&quot;/g,
    (_, name: string) => `&quot;<a href="#schema-${name}">#/components/schemas/${name}</a>&quot;`,
  );
}

function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
