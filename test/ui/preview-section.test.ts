import { describe, expect, it } from 'vitest';
import { summarize } from '../../core/preview/api-summary.ts';
import type { PreviewInfo, PreviewKind } from '../../core/preview/types.ts';
import type { ServedPreviews } from '../../api/preview-origin.ts';
import { previewSection } from '../../api/ui/pages/preview.ts';
import type { RunView } from '../../api/ui/views.ts';

/**
 * What the run page's preview section shows for each kind and state. The previews are a
 * fixed answer per run here; test/preview/ui-*.test.ts run real ones.
 */
const ID = '11111111-1111-4111-8111-111111111111';

function runOf(kind: PreviewKind, status: RunView['status'] = 'completed'): RunView {
  return {
    id: ID,
    workflowId: 'w',
    workflowName: 'generate-app',
    status,
    input: { prompt: 'x' },
    output: { artifact: 'demo.zip', kind, name: 'demo' },
    error: null,
    idempotencyKey: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
  };
}

/** The previews' own origin, as the Node server's listener for them would be. */
const ORIGIN = 'http://127.0.0.1:40123';
const PAGE = 'http://127.0.0.1:3000/ui/runs/' + ID;

function showing(preview: Omit<PreviewInfo, 'runId' | 'path'> | undefined): ServedPreviews {
  const info = preview && { runId: ID, path: `/preview/${ID}/${preview.kind === 'rest-api' ? 'openapi.json' : ''}`, ...preview };
  return {
    get: () => info,
    start: () => Promise.reject(new Error('not used')),
    stop: () => Promise.reject(new Error('not used')),
    origin: () => ORIGIN,
  };
}

const render = (run: RunView, previews: ServedPreviews | undefined) => previewSection(run, previews, PAGE).value;

describe('the preview section', () => {
  it('is an empty region for runs without an app, or not finished', () => {
    const empty = '<section id="preview" data-region hidden></section>';
    expect(render({ ...runOf('react-spa'), output: { result: 1 } }, showing(undefined))).toBe(empty);
    expect(render(runOf('react-spa', 'running'), showing(undefined))).toBe(empty);
    expect(render(runOf('react-spa', 'failed'), showing(undefined))).toBe(empty);
  });

  it("frames a web app, an API's OpenAPI document, and shows a CLI's help as text", () => {
    const spa = render(runOf('static-site'), showing({ kind: 'static-site', status: 'running' }));
    // From the previews' origin, never a path on this page's.
    expect(spa).toContain(`<iframe class="preview-frame" src="${ORIGIN}/preview/${ID}/" title="Preview of demo"></iframe>`);
    expect(spa).toContain(`<a href="${ORIGIN}/preview/${ID}/" target="_blank" rel="noopener">Open the app in a new tab</a>`);
    expect(spa).toContain('data-preview-status="running"');

    // An API whose document could not be read as a list is framed as it is served.
    const api = render(runOf('rest-api'), showing({ kind: 'rest-api', status: 'running' }));
    expect(api).toContain(`<iframe class="preview-frame" src="${ORIGIN}/preview/${ID}/openapi.json" title="OpenAPI document of demo"></iframe>`);

    const cli = render(runOf('cli'), showing({ kind: 'cli', status: 'running', output: 'Usage: demo <file>\n  --help  this text' }));
    expect(cli).not.toContain('<iframe');
    expect(cli).toContain('<pre class="output" tabindex="0" aria-label="Output of demo --help">Usage: demo &lt;file&gt;\n  --help  this text</pre>');
  });

  it("lists an API's endpoints from its OpenAPI document, escaped, with the document a link away", () => {
    const summary = summarize(
      {
        openapi: '3.1.0',
        info: { title: 'Bookstore <API>', version: '1.0.0' },
        paths: { '/books': { get: { summary: 'List books' }, post: { description: 'Add a <b>book</b>' } }, '/books/{id}': { delete: {}, parameters: [] } },
      },
      'demo',
    );
    const page = render(runOf('rest-api'), showing({ kind: 'rest-api', status: 'running', ...(summary ? { api: summary } : {}) }));
    expect(page).not.toContain('<iframe');
    expect(page).toContain('The API <strong>Bookstore &lt;API&gt;</strong> (version 1.0.0) is running at');
    expect(page).toContain(`<a href="${ORIGIN}/preview/${ID}/openapi.json" target="_blank" rel="noopener">openapi.json</a>`);
    expect(page).toContain('<caption>3 endpoints</caption>');
    const rows = [...page.matchAll(/<tr><td data-label="Method"><code>(\w+)<\/code><\/td><td data-label="Path"><code>([^<]+)<\/code><\/td><td data-label="Summary">([^]*?)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['GET', '/books', 'List books'],
      ['POST', '/books', 'Add a &lt;b&gt;book&lt;/b&gt;'],
      ['DELETE', '/books/{id}', ''],
    ]);
  });

  it("shows why a preview failed, escaped, and offers to start again", () => {
    const failed = render(runOf('react-spa'), showing({ kind: 'react-spa', status: 'failed', output: 'preview build failed: it exited with 1\n<img src=x onerror=alert(1)>' }));
    expect(failed).toContain('The preview could not start.');
    expect(failed).toContain('preview build failed: it exited with 1\n&lt;img src=x onerror=alert(1)&gt;');
    expect(failed).not.toContain('<img');
    expect(failed).toContain('Start preview again');
    expect(failed).not.toContain('<iframe');
  });

  it('says plainly when the server has no previews', () => {
    const none = render(runOf('react-spa'), undefined);
    expect(none).toContain('Live previews are not available on this server');
    expect(none).not.toContain('<form');
  });
});
