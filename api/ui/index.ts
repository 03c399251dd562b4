import type { Context, Env, Hono as HonoApp, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { QLayerError } from '../../core/errors.ts';
import type { Logger } from '../../core/runner/types.ts';
import { Authenticator } from '../auth.ts';
import { exposesMessage } from '../errors.ts';
import type { ServedPreviews } from '../preview-origin.ts';
import { ApiService } from '../service.ts';
import { assetRoutes } from './assets/index.ts';
import type { UiDeps, UiEnv, UiPlatform } from './deps.ts';
import { sameOrigin, uiGuard } from './guard.ts';
import { uiStatusOf } from './status.ts';
import { errorPage } from './pages/error.ts';
import { generateRoutes } from './pages/generate.ts';
import { healthRoutes } from './pages/health.ts';
import { pluginRoutes } from './pages/plugins.ts';
import { previewRoutes } from './pages/preview.ts';
import { runRoutes } from './pages/run.ts';
import { runsRoutes } from './pages/runs.ts';
import { workflowRoutes } from './pages/workflows.ts';
import { sessionRoutes } from './session.ts';

export type { UiPlatform } from './deps.ts';

export interface UiOptions {
  /** The client's socket address from the runtime adapter, as for `createApp`: loopback visitors need no key while none exists. */
  getClientAddress: (c: Context) => string | undefined;
  /** Pass the API's own, so a key revoked through the API is refused here at once (else within 5 s). */
  authenticator?: Authenticator;
  /** Migrations not yet applied, shown on the health page. */
  pendingMigrations?: () => Promise<string[]>;
  /** Aborting it ends the run pages' event streams, so the server can close. */
  shutdown?: AbortSignal;
  /** Default 15 s. */
  heartbeatMs?: number;
  /** Workers without a heartbeat for this long show as silent; default 60 s. */
  workerStaleMs?: number;
  /** Live previews, where the runtime has them (the Node entry); without them run pages offer none. */
  previews?: ServedPreviews | undefined;
  /** Largest form body accepted; default 1 MiB (a workflow source may be 256 KiB). */
  bodyLimitBytes?: number;
  logger?: Logger;
}

/**
 * Scripts and styles come only from /ui/assets, never inline, so injected markup cannot run.
 * The only frames are live previews, from their own origin (never this one, whose pages a
 * framed app could otherwise script); without previews, none.
 */
const contentSecurityPolicy = (frameSrc: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src ${frameSrc}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

const securityHeaders = (previews: ServedPreviews | undefined): MiddlewareHandler<UiEnv> => async (c, next) => {
  await next();
  c.res.headers.set('Content-Security-Policy', contentSecurityPolicy(previews ? previews.origin(c.req.url) : "'none'"));
  c.res.headers.set('X-Content-Type-Options', 'nosniff');
  c.res.headers.set('Referrer-Policy', 'same-origin');
};

/** Assets and the sign-in form are open to everyone; every other page asks who is visiting. */
const OPEN = /^\/ui\/(assets\/|login$|logout$)/;

/**
 * The web UI as a Hono app: pages at `/` and under `/ui/`, rendered on the server from the
 * same service the API uses, so each works as a plain HTML page; `/ui/assets/app.js` then
 * adds live updates, the code viewer and in-page forms. Web-standard only (Node and Deno).
 */
export function createUi(platform: UiPlatform, options: UiOptions): Hono<UiEnv> {
  const auth = options.authenticator ?? new Authenticator(platform.db, { cacheMs: 5_000 });
  const deps: UiDeps = {
    platform,
    service: new ApiService(platform, auth, options.pendingMigrations),
    auth,
    getClientAddress: options.getClientAddress,
    heartbeatMs: options.heartbeatMs ?? 15_000,
    shutdown: options.shutdown ?? new AbortController().signal,
    workerStaleMs: options.workerStaleMs ?? 60_000,
    previews: options.previews,
  };
  const guard = uiGuard(deps);
  const ui = new Hono<UiEnv>();
  ui.use('/', securityHeaders(deps.previews), sameOrigin(), guard);
  ui.use('/ui/*', securityHeaders(deps.previews), sameOrigin(), (c, next) => (OPEN.test(c.req.path) ? next() : guard(c, next)));
  const maxSize = options.bodyLimitBytes ?? 1024 * 1024;
  ui.post(
    '/ui/*',
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read, so the connection cannot carry another request.
        c.header('Connection', 'close');
        return errorPage(c, 413, 'Too much to send', `The form is larger than ${maxSize} bytes.`);
      },
    }),
  );
  ui.route('/', assetRoutes());
  ui.route('/', sessionRoutes(deps));
  ui.route('/', generateRoutes(deps));
  ui.route('/', runsRoutes(deps));
  ui.route('/', runRoutes(deps));
  ui.route('/', previewRoutes(deps));
  ui.route('/', workflowRoutes(deps));
  ui.route('/', pluginRoutes(deps));
  ui.route('/', healthRoutes(deps));
  ui.all('/ui/*', (c) => errorPage(c, 404, 'Page not found', `There is no page at ${c.req.path}.`));
  ui.onError((error, c) => {
    const status = error instanceof QLayerError ? uiStatusOf(error.code) : 500;
    if (!exposesMessage(status)) {
      options.logger?.error('ui page failed', { path: c.req.path, error: error.stack ?? error.message });
      return errorPage(c, status === 503 ? 503 : 500, 'Something went wrong', 'The page could not be made. Try again; if it keeps failing, the server log says why.');
    }
    const titles: Record<number, string> = { 404: 'Not found', 409: 'Not possible now', 501: 'Not available on this server' };
    return errorPage(c, status, titles[status] ?? 'That did not work', error.message);
  });
  return ui;
}

/** Serves the UI from `app` (usually the API's): call it before `app.notFound` matters, i.e. any time before serving. */
export function mountUi<E extends Env>(app: HonoApp<E>, platform: UiPlatform, options: UiOptions): void {
  app.route('/', createUi(platform, options) as unknown as HonoApp<E>);
}
