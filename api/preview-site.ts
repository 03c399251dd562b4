import { Hono } from 'hono';
import type { PreviewManager } from '../core/preview/index.ts';
import type { Logger } from '../core/runner/types.ts';
import type { ApiEnv } from './env.ts';
import { ApiError, exposesMessage, problemResponse, statusOf } from './errors.ts';
import { previewProxy } from './routes/preview.ts';

/**
 * What the preview listener serves: `/preview/<id>/…` and nothing else. It is a separate origin
 * (another port), so a previewed app's scripts cannot read the platform's responses, and the
 * platform's own routes (UI, REST, GraphQL) are not here for them to reach as same-origin.
 */
export function previewSite(previews: PreviewManager, logger: Logger): Hono<ApiEnv> {
  const site = new Hono<ApiEnv>();
  site.route('/preview', previewProxy(previews));
  site.notFound((c) => problemResponse(c, new ApiError('route_not_found', `only previews are served here, at /preview/<run id>/`)));
  site.onError((error, c) => {
    if (!exposesMessage(statusOf((error as { code?: string }).code ?? ''))) {
      logger.error('preview request failed', { path: c.req.path, error: error.stack ?? error.message });
    }
    return problemResponse(c, error);
  });
  return site;
}

/**
 * The platform's origin no longer serves previews; links to `/preview/<id>/…` on it (older
 * clients, bookmarks) are sent to the same path and query on the previews' origin. 307 keeps
 * the method and body, so an app's API calls through an old link still work.
 */
export function redirectToPreviewSite(origin: (requestUrl: string) => string): Hono<ApiEnv> {
  return new Hono<ApiEnv>().all('/*', (c) => {
    const url = new URL(c.req.url);
    return c.redirect(origin(c.req.url) + url.pathname + url.search, 307);
  });
}
