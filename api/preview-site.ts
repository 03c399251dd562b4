import { Hono } from 'hono';
import { NotFoundError } from '../core/errors.ts';
import type { PreviewManager } from '../core/preview/index.ts';
import type { Logger } from '../core/runner/types.ts';
import type { ApiEnv } from './env.ts';
import { ApiError, exposesMessage, problemResponse, statusOf } from './errors.ts';
import { runIdOfHost, type PreviewOrigin } from './preview-origin.ts';
import { previewProxy } from './routes/preview.ts';

const PREVIEW_PATH = /^\/preview\/([^/]+)(?:\/|$)/;

/**
 * What the preview listener serves: `/preview/<id>/…` and nothing else, on the previews' own
 * origins (another port than the platform's, so a previewed app's scripts cannot read the
 * platform's responses). A request on a preview's own host (`<id>.localhost`) reaches that preview
 * only — another preview's path there is a 404, or the two would share an origin again — and a
 * request on the bare host is sent (307) to the preview's own origin where it has one.
 */
export function previewSite(previews: PreviewManager, logger: Logger, origin?: PreviewOrigin): Hono<ApiEnv> {
  const site = new Hono<ApiEnv>();
  site.use('*', async (c, next) => {
    const url = new URL(c.req.url);
    const own = runIdOfHost(url.hostname);
    const id = PREVIEW_PATH.exec(url.pathname)?.[1];
    if (own !== undefined) {
      if (url.pathname === '/') return c.redirect(`/preview/${own}/`, 302);
      if (id !== own) throw new NotFoundError('preview on this host', id ?? url.pathname);
      return next();
    }
    if (id !== undefined && origin !== undefined) {
      let target: string | undefined;
      try {
        target = origin(c.req.url, id);
      } catch {
        target = undefined; // not a run id: the proxy answers 404 for it
      }
      if (target !== undefined && target !== url.origin) return c.redirect(target + url.pathname + url.search, 307);
    }
    return next();
  });
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
 * clients, bookmarks) are sent to the same path and query on that preview's origin. 307 keeps
 * the method and body, so an app's API calls through an old link still work.
 */
export function redirectToPreviewSite(origin: PreviewOrigin): Hono<ApiEnv> {
  return new Hono<ApiEnv>().all('/*', (c) => {
    const url = new URL(c.req.url);
    const id = PREVIEW_PATH.exec(url.pathname)?.[1];
    let target: string;
    try {
      target = origin(c.req.url, id);
    } catch {
      target = origin(c.req.url).replace('*.', '');
    }
    return c.redirect(target + url.pathname + url.search, 307);
  });
}
