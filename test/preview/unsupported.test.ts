import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.ts';
import { platformFixture, type PlatformFixture } from '../helpers/platform.ts';
import { generate } from './helpers.ts';

/**
 * The runtime-neutral app as Deno's entry builds it, with no previews: GraphQL refuses with a
 * stable code instead of failing, REST has no preview routes, and the run page says why it
 * offers no preview.
 */
describe('an app without previews', () => {
  let fx: PlatformFixture;
  let app: ReturnType<typeof createApp>;
  let id: string;

  beforeAll(async () => {
    fx = await platformFixture();
    app = createApp(fx.platform, {
      server: { corsOrigins: [], bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 10_000 },
      getClientAddress: () => '127.0.0.1',
    });
    id = await generate(fx, 'a static website for a bakery with home, menu, about and contact pages');
  }, 120_000);
  afterAll(async () => {
    await fx?.close();
  });

  const graphql = async (query: string) => {
    const response = await app.request('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) });
    expect(response.status).toBe(200);
    return (await response.json()) as { data: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] };
  };

  it('answers previews_unsupported (501) in GraphQL, with the reason', async () => {
    for (const field of [`preview(runId: "${id}")`, `startPreview(runId: "${id}")`, `stopPreview(runId: "${id}")`]) {
      const operation = field.startsWith('preview') ? 'query' : 'mutation';
      const answer = await graphql(`${operation} { ${field} { status } }`);
      expect(answer.errors, field).toHaveLength(1);
      expect(answer.errors![0]!.extensions).toEqual({ code: 'previews_unsupported', status: 501 });
      expect(answer.errors![0]!.message).toContain('live previews are not available on this server');
    }
    // The rest of the query still answers.
    const mixed = await graphql(`{ run(id: "${id}") { status } preview(runId: "${id}") { status } }`);
    expect(mixed.data).toEqual({ run: { status: 'completed' }, preview: null });
  });

  it('has no REST preview routes and no proxy', async () => {
    const rest = await app.request(`/api/v1/runs/${id}/preview`, { method: 'POST' });
    expect(rest.status).toBe(404);
    expect(((await rest.json()) as { code: string }).code).toBe('route_not_found');
    expect((await app.request(`/preview/${id}/`)).status).toBe(404);
    // Nothing to frame, so the UI allows no frames.
    expect((await app.request('/ui/runs')).headers.get('content-security-policy')).toContain("frame-src 'none';");
  });

  it('shows the run page without a Start button, and refuses a start with a page saying why', async () => {
    const page = await (await app.request(`/ui/runs/${id}`)).text();
    expect(page).toContain('Live previews are not available on this server');
    expect(page).not.toContain('Start preview');
    const start = await app.request(`/ui/runs/${id}/preview`, { method: 'POST' });
    expect(start.status).toBe(501);
    expect(start.headers.get('content-type')).toContain('text/html');
    const text = await start.text();
    expect(text).toContain('<h1>Not available on this server</h1>');
    expect(text).toContain('live previews are not available on this server');
  });
});
