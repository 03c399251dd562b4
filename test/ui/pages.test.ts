import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../core/auth/index.ts';
import { addUiTestWorkflows } from './helpers/plugin.ts';
import { uiServer, type UiServer } from './helpers/server.ts';

// The pages as plain HTTP: what a browser without scripts, or a crawler, gets.

let s: UiServer;
beforeAll(async () => {
  s = await uiServer({ prepare: addUiTestWorkflows });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' as const });
async function get(path: string, init?: RequestInit) {
  const res = await fetch(s.url + path, { redirect: 'manual', ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
async function startFromForm(fields: Record<string, string>): Promise<string> {
  const res = await get('/ui/generate', form(fields));
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/ui\/runs\/[0-9a-f-]{36}$/);
  return location.split('/').pop()!;
}

describe('generate form without scripts', () => {
  it('starts a run and redirects to its page, which shows steps, report, files and the download', async () => {
    const id = await startFromForm({ prompt: 'Create a todo app with React', workflow: 'generate-app', generator: '', idempotency: 'ui-test-1' });
    const done = await s.fx.platform.runner.waitForRun(id, { timeoutMs: 120_000 });
    expect(done.status).toBe('completed');
    const page = await get(`/ui/runs/${id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const key of ['parse', 'plan', 'code', 'code/module[0]', 'test', 'review', 'validate', 'package']) {
      expect(page.text).toContain(`data-key="${key}" data-status="completed"`);
    }
    expect(page.text).toContain('Score <strong>100</strong> out of 100');
    expect(page.text).toMatch(/<th scope="row" data-label="Check">syntax<\/th><td data-label="Result"><span class="badge status-passed">/);
    expect(page.text).toContain(`href="/ui/runs/${id}/artifacts/todo-app.zip" download>Download todo-app.zip`);
    expect(page.text).toContain(`href="/ui/runs/${id}/files/todo-app/package.json" data-path="todo-app/package.json"`);

    const file = await get(`/ui/runs/${id}/files/todo-app/package.json`);
    expect(file.status).toBe(200);
    expect(file.text).toContain('<span class="line">  &quot;name&quot;: &quot;todo-app&quot;,</span>');
    expect((await get(`/ui/runs/${id}/files/todo-app/nope.txt`)).status).toBe(404);

    const zip = await fetch(`${s.url}/ui/runs/${id}/artifacts/todo-app.zip`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toBe('attachment; filename="todo-app.zip"');
  }, 150_000);

  it('submitting the same form twice (same idempotency field) gives the same run', async () => {
    const first = await startFromForm({ prompt: 'twice', workflow: 'ui-echo', idempotency: 'ui-test-twice' });
    const second = await startFromForm({ prompt: 'twice', workflow: 'ui-echo', idempotency: 'ui-test-twice' });
    expect(second).toBe(first);
  });

  it('shows the form again with the reason when the run cannot start', async () => {
    const res = await get('/ui/generate', form({ prompt: 'hello', workflow: 'no-such-workflow' }));
    expect(res.status).toBe(404);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain("The run was not started: workflow &#39;no-such-workflow&#39; was not found");
    expect(res.text).toMatch(/<textarea id="prompt"[^>]*>hello<\/textarea>/);
  });

  it('offers every generator step (spec in, files out) and every workflow', async () => {
    const res = await get('/');
    const generators = [...res.text.matchAll(/<select id="generator"[\s\S]*?<\/select>/g)].map((m) => m[0]).join('');
    expect(generators).toContain('<option value="templates/generate">');
    expect(generators).toContain('<option value="llm/generate">');
    expect(generators).not.toContain('agents/coder');
    expect(res.text).toContain('<option value="generate-app" selected>generate-app</option>');
    expect(res.text).toContain('<option value="ui-echo">ui-echo</option>');
  });

  it('prefills the prompt from an example link', async () => {
    const res = await get('/?prompt=' + encodeURIComponent('a <b> app'));
    expect(res.text).toMatch(/<textarea id="prompt"[^>]*>a &lt;b&gt; app<\/textarea>/);
  });
});

describe('escaping', () => {
  it('never lets a prompt, a log line or an error message become markup', async () => {
    const prompt = 'fail <script>alert(1)</script><img src=x onerror=alert(2)>';
    const id = await startFromForm({ prompt, workflow: 'ui-echo' });
    expect((await s.fx.platform.runner.waitForRun(id, { timeoutMs: 30_000 })).status).toBe('failed');
    for (const path of [`/ui/runs/${id}`, '/ui/runs', '/']) {
      const page = await get(path);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });
});

describe('runs list', () => {
  it('filters by status and pages with the cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) ids.push(await startFromForm({ prompt: `${i % 2 === 0 ? 'ok' : 'fail'} number ${i}`, workflow: 'ui-echo' }));
    await Promise.all(ids.map((id) => s.fx.platform.runner.waitForRun(id, { timeoutMs: 60_000 })));

    const first = await get('/ui/runs');
    expect(first.text.match(/<tr>\n<th scope="row"/g)).toHaveLength(20);
    expect(first.text).toContain('>fail number 21</a>');
    expect(first.text).not.toContain('>ok number 0</a>');
    const next = /href="(\/ui\/runs\?cursor=[^"]+)" rel="next"/.exec(first.text)?.[1];
    expect(next).toBeDefined();
    const second = await get(next!.replaceAll('&amp;', '&'));
    expect(second.text).toContain('First page');
    expect(second.text).toContain('>ok number 0</a>');
    expect(second.text).not.toContain('>fail number 21</a>');

    const failed = await get('/ui/runs?status=failed');
    expect(failed.text).toContain('<a href="/ui/runs?status=failed" aria-current="page">Failed</a>');
    expect(failed.text).toContain('fail number 21');
    expect(failed.text).not.toContain('ok number 20');
    expect(failed.text).not.toContain('status-completed');
  }, 90_000);

  it('answers a bad cursor and an unknown run with pages, not JSON', async () => {
    const bad = await get('/ui/runs?cursor=garbage');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('text/html');
    const missing = await get('/ui/runs/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('<h1>Not found</h1>');
    expect((await get('/ui/nothing-here')).status).toBe(404);
  });
});

describe('workflows', () => {
  const broken = 'name: broken\nsteps:\n  - id: one\n    uses: nope/missing\n    with: {}\n';

  it('refuses a form body over the limit with a page', async () => {
    const res = await get('/ui/workflows/validate', form({ source: 'x'.repeat(1024 * 1024 + 1) }));
    expect(res.status).toBe(413);
    expect(res.text).toContain('The form is larger than 1048576 bytes.');
  });

  it('validates without storing and shows each problem at its line', async () => {
    const res = await get('/ui/workflows/validate', form({ source: broken }));
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<a href="#src-L4" data-line="4" data-column="\d+">Line 4, column \d+<\/a>/);
    expect(res.text).toContain('<span class="line has-issue" id="src-L4">    uses: nope/missing</span>');
    expect(res.text).toMatch(/<span class="issue-note"> +\^ [^<]*nope/);
    expect((await get('/ui/workflows')).text).not.toContain('>broken<');
  });

  it('refuses to register an invalid workflow (422), registers a valid one and says so on its page', async () => {
    expect((await get('/ui/workflows/new', form({ source: broken }))).status).toBe(422);
    const source = 'name: ui-registered\nsteps:\n  - id: echo\n    uses: uitest/echo\n    with: { prompt: hi }\n';
    const res = await get('/ui/workflows/new', form({ source }));
    expect(res.status).toBe(303);
    const page = await get(res.headers.get('location')!);
    expect(page.text).toContain('Registered. New runs of ui-registered use this version.');
    expect(page.text).toContain('<span class="line" id="src-L4">    uses: uitest/echo</span>');
    const again = await get('/ui/workflows/new', form({ source }));
    expect(again.headers.get('location')).toMatch(/registered=same$/);
    expect((await get('/ui/workflows')).text).toContain('>ui-registered</a>');
  });
});

describe('plugins and health', () => {
  it('lists every step with its input fields', async () => {
    const page = await get('/ui/plugins');
    for (const uses of ['parser/parse', 'agents/coder', 'templates/generate', 'validators/validate', 'packager/zip', 'uitest/stream']) {
      expect(page.text).toContain(`<code>${uses}</code>`);
    }
    expect(page.text).toMatch(/<code>chunks<\/code><\/th><td data-label="Type">array of string<\/td><td data-label="Required">yes<\/td>/);
  });

  it('shows the database, the live worker and the queue', async () => {
    const page = await get('/ui/health');
    expect(page.text).toContain('Ready: the database answers and a worker is running.');
    expect(page.text).toContain('<dt>Pending migrations</dt><dd>none</dd>');
    expect(page.text).toMatch(/<dt>Steps ready to run<\/dt><dd>\d+<\/dd>/);
    expect(page.text).toContain('status-alive');
  });
});

describe('assets', () => {
  it('serves modules and the stylesheet with types and revalidation', async () => {
    const js = await fetch(`${s.url}/ui/assets/app.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const etag = js.headers.get('etag')!;
    expect((await fetch(`${s.url}/ui/assets/app.js`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await fetch(`${s.url}/ui/assets/styles.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${s.url}/ui/assets/nope.js`)).status).toBe(404);
  });
});

describe('cross-site forms', () => {
  it('refuses posts another site makes the browser send', async () => {
    const before = (await s.fx.platform.runner.listRuns({ limit: 200 })).runs.length;
    const attempts: Record<string, string>[] = [{ 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'http://evil.example' }, { Origin: 'null' }];
    for (const headers of attempts) {
      const res = await get('/ui/generate', { ...form({ prompt: 'Create a todo app with React' }), headers });
      expect(res.status).toBe(403);
      expect(res.text).toContain('sent from another site');
    }
    expect((await s.fx.platform.runner.listRuns({ limit: 200 })).runs.length).toBe(before);
    const sameSite = await get('/ui/generate', { ...form({ prompt: 'same origin', workflow: 'ui-echo' }), headers: { 'Sec-Fetch-Site': 'same-origin', Origin: s.url } });
    expect(sameSite.status).toBe(303);
  });
});

describe('with API keys', () => {
  let keyed: UiServer;
  let write: string;
  let read: string;
  beforeAll(async () => {
    keyed = await uiServer({
      prepare: async (fx) => {
        await addUiTestWorkflows(fx);
        write = (await createApiKey(fx.platform.db, { name: 'writer', scope: 'write' })).key;
        read = (await createApiKey(fx.platform.db, { name: 'reader', scope: 'read' })).key;
      },
    });
  }, 120_000);
  afterAll(async () => {
    await keyed?.close();
  });
  const at = (path: string, init: RequestInit = {}) => fetch(keyed.url + path, { redirect: 'manual', ...init });

  it('asks for a key, signs in with a good one into an HttpOnly cookie, and refuses a bad one', async () => {
    const anonymous = await at('/ui/runs');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toContain('<input type="hidden" name="next" value="/ui/runs">');
    const wrong = await at('/ui/login', form({ key: 'ql_nope_nope', next: '/ui/runs' }));
    expect(wrong.status).toBe(401);
    const ok = await at('/ui/login', form({ key: write, next: '/ui/runs' }));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/ui/runs');
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^qlayer_key=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const signedIn = await at('/ui/runs', { headers: { Cookie: cookie.split(';')[0]! } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain('Sign out');
  });

  it('uses neither key when the browser sends two sign-in cookies, and clears every copy the path sees', async () => {
    // A previewed app (another port, same host) can set a second qlayer_key with a longer path;
    // the browser sends that one first.
    const res = await at('/ui/runs/abc', { headers: { Cookie: `qlayer_key=${read}; theme=dark; qlayer_key=${write}` } });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('more than one sign-in cookie');
    const cleared = res.headers.getSetCookie().map((c) => c.match(/Path=([^;]*)/)?.[1]);
    expect(cleared.sort()).toEqual(['/', '/ui', '/ui/', '/ui/runs', '/ui/runs/', '/ui/runs/abc'].sort());
    for (const c of res.headers.getSetCookie()) expect(c).toMatch(/^qlayer_key=; Max-Age=0/);
    // One cookie, as the UI itself sets, still signs in.
    expect((await at('/ui/runs', { headers: { Cookie: `theme=dark; qlayer_key=${write}` } })).status).toBe(200);
  });

  it('never redirects off the site after sign-in', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const res = await at('/ui/login', form({ key: write, next }));
      expect(res.headers.get('location')).toBe('/');
    }
  });

  it('lets a read key look but not start runs', async () => {
    const headers = { Authorization: `Bearer ${read}` };
    expect((await at('/ui/plugins', { headers })).status).toBe(200);
    const start = await at('/ui/generate', { ...form({ prompt: 'x y z', workflow: 'ui-echo' }), headers });
    expect(start.status).toBe(403);
    expect(await start.text()).toContain("needs a key with the &#39;write&#39; scope");
    expect((await at('/ui/workflows/validate', { ...form({ source: 'name: x' }), headers })).status).toBe(200);
  });
});
