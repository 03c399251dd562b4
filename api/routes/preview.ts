import { createRoute, z } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { NotFoundError } from '../../core/errors.ts';
import { fetchUpstream, previewSegments, serveStatic, type PreviewInfo, type PreviewManager } from '../../core/preview/index.ts';
import { APP_KINDS } from '../../core/preview/types.ts';
import { previewDto } from '../dto.ts';
import type { ApiEnv } from '../env.ts';
import type { ServedPreviews } from '../preview-origin.ts';
import { RunIdParamSchema } from '../schemas.ts';
import { commonErrors, conflict, notFound, routeGroup, security } from './common.ts';

export const PreviewSchema = z
  .object({
    status: z.enum(['starting', 'running', 'failed', 'stopped']),
    url: z.string().openapi({ description: "Where the app is served, on the previews' own origin (not the API's); for an API its /openapi.json, for a CLI its --help text." }),
    kind: z.enum(APP_KINDS),
    output: z.string().optional().openapi({ description: "Why it failed, with the tail of the app's output; a CLI's --help text." }),
  })
  .openapi('Preview');

const json = (description: string) => ({ description, content: { 'application/json': { schema: PreviewSchema } } });
const base = { path: '/runs/{id}/preview' as const, tags: ['preview'], security, request: { params: RunIdParamSchema } };

const startPreview = createRoute({
  ...base,
  method: 'post',
  summary: "Start the run's app preview, or return the one starting or running",
  responses: { 202: json('The preview; poll GET until it is running or failed.'), ...commonErrors, ...notFound, ...conflict },
});
const getPreview = createRoute({
  ...base,
  method: 'get',
  summary: "The run's preview",
  responses: { 200: json('The preview.'), ...commonErrors, ...notFound },
});
const stopPreview = createRoute({
  ...base,
  method: 'delete',
  summary: "Stop the run's preview",
  responses: { 200: json('The stopped preview.'), ...commonErrors, ...notFound },
});

/** POST, GET and DELETE /runs/{id}/preview, under /api/v1 (so behind its auth and scopes). */
export function previewRoutes(previews: ServedPreviews) {
  const found = (id: string, preview: PreviewInfo | undefined): PreviewInfo => {
    if (!preview) throw new NotFoundError('preview', id);
    return preview;
  };
  return routeGroup()
    .openapi(startPreview, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(previewDto(await previews.start(id), previews.origin(c.req.url, id)), 202);
    })
    .openapi(getPreview, (c) => {
      const { id } = c.req.valid('param');
      return c.json(previewDto(found(id, previews.get(id)), previews.origin(c.req.url, id)), 200);
    })
    .openapi(stopPreview, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(previewDto(found(id, await previews.stop(id)), previews.origin(c.req.url, id)), 200);
    });
}

/** Headers never forwarded to a previewed app: the platform's credentials and hop-by-hop ones. */
const DROPPED_REQUEST = ['authorization', 'cookie', 'host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade'];
/** fetch has already decoded the body, so its encoding and length headers would be wrong. */
const DROPPED_RESPONSE = ['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive'];

/**
 * Serves running previews at /preview/<run id>/: build output from disk, or the app's own server
 * with the prefix stripped. Only on the previews' own origin (api/preview-site.ts). Not behind
 * the API key check: a browser opening the URL sends none, and the run id (a UUID) is only known
 * to whoever can read runs.
 */
export function previewProxy(previews: PreviewManager) {
  const app = new Hono<ApiEnv>();
  app.get('/:id', (c) => {
    const id = c.req.param('id');
    if (!previews.get(id)) throw new NotFoundError('preview', id);
    return c.redirect(`/preview/${id}/`, 301);
  });
  app.all('/:id/*', async (c) => {
    const id = c.req.param('id');
    const target = previews.target(id);
    if (!target) throw new NotFoundError('running preview', id);
    const url = new URL(c.req.url);
    const prefix = `/preview/${id}/`;
    const rest = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : '';
    const segments = previewSegments(rest);
    if (target.type === 'text') return c.text(target.text);
    if (target.type === 'static') return serveStatic(target.dir, segments, target.spaFallback);
    const path = segments.map(encodeURIComponent).join('/') + (rest.endsWith('/') && segments.length > 0 ? '/' : '');
    const headers = new Headers(c.req.raw.headers);
    for (const name of DROPPED_REQUEST) headers.delete(name);
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    const upstream = await fetchUpstream(target.socket, `/${path}${url.search}`, {
      method: c.req.method,
      headers,
      ...(hasBody ? { body: c.req.raw.body } : {}),
    });
    const out = new Headers(upstream.headers);
    for (const name of DROPPED_RESPONSE) out.delete(name);
    const location = out.get('location');
    // The app redirects within itself; keep it under the prefix.
    if (location?.startsWith('/') && !location.startsWith('//')) out.set('location', prefix + location.slice(1));
    return new Response(upstream.body, { status: upstream.status, headers: out });
  });
  return app;
}
