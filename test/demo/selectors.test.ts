import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServedPreviews } from '../../api/preview-origin.ts';
import { previewSection } from '../../api/ui/pages/preview.ts';
import { runDto } from '../../api/dto.ts';
import type { PreviewInfo } from '../../core/preview/types.ts';
import { css, DEMO_PROMPT, selectors, type ElementSelector, type SelectorName } from '../../bench/demo/selectors.ts';
import { uiServer, type UiServer } from '../ui/helpers/server.ts';

/**
 * Every element `npm run demo` waits for or presses (bench/demo/selectors.ts) is found in the
 * HTML the server renders at the point of the walkthrough where the demo needs it, so a UI
 * change that would break the recording fails here, without a browser.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** How many elements of `html` the selector matches (start tags; text is the content up to the closing tag). */
function count(html: string, selector: ElementSelector): number {
  let found = 0;
  for (const tag of html.matchAll(/<([a-z][a-z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>/g)) {
    if (tag[1] !== selector.tag) continue;
    const attrs = new Map([...(tag[2] ?? '').matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1] ?? '', unescape(a[2] ?? '')]));
    if (selector.id !== undefined && attrs.get('id') !== selector.id) continue;
    const classes = (attrs.get('class') ?? '').split(/\s+/);
    if (!(selector.classes ?? []).every((c) => classes.includes(c))) continue;
    const attrsMatch = Object.entries(selector.attrs ?? {}).every(([name, want]) => {
      const value = attrs.get(name);
      if (value === undefined) return false;
      return want === true || (typeof want === 'string' ? value === want : value.startsWith(want.startsWith));
    });
    if (!attrsMatch) continue;
    if (selector.text !== undefined) {
      const rest = html.slice((tag.index ?? 0) + tag[0].length);
      const close = rest.indexOf(`</${selector.tag}>`);
      if (close < 0 || unescape(rest.slice(0, close)).trim() !== selector.text) continue;
    }
    found++;
  }
  return found;
}

function expectFound(html: string, names: SelectorName[]): void {
  const missing = names.filter((name) => count(html, selectors[name]) === 0).map((name) => `${name} (${css(selectors[name])})`);
  expect(missing, 'selectors of the demo that the page no longer has').toEqual([]);
}

let s: UiServer;
beforeAll(async () => {
  s = await uiServer();
}, 120_000);
afterAll(async () => {
  await s?.close();
});

async function get(path: string): Promise<string> {
  const res = await fetch(s.url + path);
  expect(res.status).toBe(200);
  return res.text();
}

describe("the demo's selectors", () => {
  it('match the page the UI renders at each stage of the walkthrough', async () => {
    expectFound(await get('/'), ['promptBox', 'generateButton']);

    const started = await fetch(`${s.url}/ui/generate`, { method: 'POST', body: new URLSearchParams({ prompt: DEMO_PROMPT, idempotency: 'demo-selectors' }), redirect: 'manual' });
    expect(started.status).toBe(303);
    const runPath = started.headers.get('location') ?? '';
    const id = runPath.split('/').pop() ?? '';
    expect((await s.fx.platform.runner.waitForRun(id, { timeoutMs: 120_000 })).status).toBe('completed');
    const run = await get(runPath);
    expectFound(run, ['timeline', 'timelineCompleted', 'step', 'report', 'filesSection', 'fileLink', 'downloadLink']);
    // One link to press, one download to wait for.
    expect(count(run, selectors.fileLink)).toBe(1);
    expect(count(run, selectors.downloadLink)).toBe(1);

    // The preview section through the states the demo waits on (the run is the one just made;
    // real previews run in test/preview/ui-browser.test.ts).
    const view = runDto(await s.fx.platform.runner.getRun(id));
    const { kind } = view.output as { kind: PreviewInfo['kind'] };
    const section = (status?: PreviewInfo['status']) => previewSection(view, previewsShowing(id, kind, status), `${s.url}${runPath}`).value;
    expectFound(section(), ['previewNone', 'previewStart']);
    expectFound(section('starting'), ['previewStarting', 'previewStop']);
    expectFound(section('running'), ['previewRunning', 'previewFrame', 'previewStop']);
  }, 150_000);

  it('the code viewer, drawn by api/ui/client/files.ts, still makes the heading the demo waits for', () => {
    const { viewerHeading } = selectors;
    expect(viewerHeading.client).toBe('files.ts');
    const filesJs = readFileSync(new URL('../../api/ui/client/files.ts', import.meta.url), 'utf8');
    expect(filesJs).toContain(`document.createElement('${viewerHeading.tag}')`);
    expect(filesJs).toContain(`heading.id = '${viewerHeading.id}'`);
    expect(filesJs).toContain('heading.textContent = path');
  });

  it('are matched strictly, and turned into the CSS Chromium is given', () => {
    const html = '<form><button type="submit" class="primary wide">Generate</button><iframe class="preview-frame" src="x" title="Preview of todo-app"></iframe></form>';
    expect(count(html, selectors.generateButton)).toBe(1);
    expect(count(html, { ...selectors.generateButton, text: 'Generate now' })).toBe(0);
    expect(count(html, { ...selectors.generateButton, classes: ['secondary'] })).toBe(0);
    expect(count(html, selectors.previewFrame)).toBe(1);
    expect(count(html.replace('Preview of', 'OpenAPI document of'), selectors.previewFrame)).toBe(0);
    expect(css(selectors.previewFrame)).toBe('iframe.preview-frame[title^="Preview of "]');
    expect(css(selectors.generateButton)).toBe('button.primary[type="submit"]:text-is("Generate")');
    expect(css(selectors.timelineCompleted)).toBe('ol#timeline[data-run-status="completed"]');
  });
});

/** What a server's previews answer for this run: nothing started yet, or a preview in `status`. */
function previewsShowing(runId: string, kind: PreviewInfo['kind'], status?: PreviewInfo['status']): ServedPreviews {
  const info: PreviewInfo | undefined = status && { runId, kind, status, path: `/preview/${runId}/` };
  return { get: () => info, start: () => Promise.reject(new Error('not used')), stop: () => Promise.reject(new Error('not used')), origin: () => 'http://127.0.0.1:40123' };
}
