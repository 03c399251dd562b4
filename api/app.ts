import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import type { Logger } from '../core/runner/types.ts';
import { authenticate, Authenticator, authorize } from './auth.ts';
import { renderDocs } from './docs.ts';
import type { ApiEnv } from './env.ts';
import { ApiError, exposesMessage, problemResponse, statusOf } from './errors.ts';
import { graphqlHandler } from './graphql/yoga.ts';
import { Metrics } from './metrics.ts';
import type { ServedPreviews } from './preview-origin.ts';
import { RateLimiter, rateLimit } from './rate-limit.ts';
import { adminRoutes } from './routes/admin.ts';
import { healthRoutes } from './routes/health.ts';
import { runRoutes } from './routes/runs.ts';
import { workflowRoutes } from './routes/workflows.ts';
import { ApiService, type ApiPlatform, type SandboxMode } from './service.ts';
import { mountUi } from './ui/index.ts';

export type { ApiPlatform } from './service.ts';

export interface ServerLimits {
  /** Origins allowed by CORS; empty means no CORS headers (same origin only). */
  corsOrigins: readonly string[];
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
}

export interface AppOptions {
  server: ServerLimits;
  /**
   * The client's socket address, from the runtime adapter (never from a header a client can
   * set): decides who counts as loopback while no API key exists, and keys the rate limit.
   */
  getClientAddress: (c: Context) => string | undefined;
  logger?: Logger;
  /** Migrations not yet applied, for /readyz; reading them needs the file system, so the adapter passes it in. */
  pendingMigrations?: () => Promise<string[]>;
  /** The sandbox in force, for /readyz; finding out runs bwrap, so the Node adapter passes it in. */
  sandboxMode?: () => Promise<SandboxMode>;
  /** Aborting it ends open event streams and subscriptions, so the server can close. */
  shutdown?: AbortSignal;
  /** Default 15 s. */
  heartbeatMs?: number;
  /** How long key checks are cached; default 5 s. */
  authCacheMs?: number;
  /** Workers without a heartbeat for this long are not counted as alive; default 60 s. */
  workerStaleMs?: number;
  version?: string;
  /** GraphQL depth and cost limits; defaults 8 and 5,000. */
  graphqlLimits?: { maxDepth?: number; maxCost?: number };
  /**
   * Routes that need the host runtime (live previews run child processes), added by the
   * runtime's entry before the UI and the not-found handler. What it returns is handed to
   * GraphQL and the UI.
   */
  mountExtras?: (app: OpenAPIHono<ApiEnv>, deps: { platform: ApiPlatform; logger: Logger; shutdown: AbortSignal }) => AppExtras;
}

/** Services only some runtimes have; each is absent where the runtime cannot provide it. */
export interface AppExtras {
  /** Live previews, served on an origin of their own; without them GraphQL answers `previews_unsupported` and the UI offers none. */
  previews?: ServedPreviews;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The HTTP API as a Hono app: REST under /api/v1 (OpenAPI at /api/openapi.json, docs at
 * /api/docs), GraphQL at /graphql, probes and metrics. Web-standard only, so the same app runs
 * on Node (api/node.ts) and Deno (api/deno.ts).
 */
export function createApp(platform: ApiPlatform, options: AppOptions): OpenAPIHono<ApiEnv> {
  const logger = options.logger ?? silent;
  const shutdown = options.shutdown ?? new AbortController().signal;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const auth = new Authenticator(platform.db, { cacheMs: options.authCacheMs ?? 5_000 });
  const service = new ApiService(platform, auth, options.pendingMigrations, options.sandboxMode);
  const metrics = new Metrics(platform.db, { workerStaleMs: options.workerStaleMs ?? 60_000 });
  metrics.start().catch((error: unknown) => logger.warn('metrics could not read the event history yet', { error: String(error) }));
  const limiter = new RateLimiter(options.server.rateLimitPerMinute);

  const app = new OpenAPIHono<ApiEnv>();
  app.use(requestId({ limitLength: 128 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routePath(c, -1);
    const status = c.res.status;
    metrics.http.observe({ method: c.req.method, route: route.endsWith('*') ? 'unmatched' : route, status: String(status) }, seconds);
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      durationMs: Math.round(seconds * 100_000) / 100,
      keyId: c.get('principal')?.keyId,
    });
  });
  if (options.server.corsOrigins.length > 0) {
    app.use(
      cors({
        origin: [...options.server.corsOrigins],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'X-Request-Id'],
        exposeHeaders: ['X-Request-Id', 'Retry-After', 'Location', 'RateLimit-Limit', 'RateLimit-Remaining'],
        maxAge: 600,
      }),
    );
  }
  const guard = [
    authenticate(auth, options.getClientAddress, options.server.corsOrigins),
    rateLimit(limiter, options.server.rateLimitPerMinute),
    authorize(),
    bodyLimit({
      maxSize: options.server.bodyLimitBytes,
      onError: (c) => problemResponse(c, new ApiError('payload_too_large', `the request body is larger than ${options.server.bodyLimitBytes} bytes`)),
    }),
  ] as const;
  for (const path of ['/api/v1/*', '/graphql', '/metrics']) app.use(path, ...guard);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key (`ql_<id>_<secret>`). While no key exists, loopback clients need none.',
  });
  app.route('/', healthRoutes(service));
  app.route('/api/v1', runRoutes(service, { heartbeatMs, shutdown }));
  app.route('/api/v1', workflowRoutes(service));
  app.route('/api/v1', adminRoutes(service));
  const extras = options.mountExtras?.(app, { platform, logger, shutdown }) ?? {};

  const yoga = graphqlHandler({ service, logger, shutdown, heartbeatMs, previews: extras.previews, ...options.graphqlLimits });
  app.on(['GET', 'POST'], '/graphql', (c) => yoga.fetch(c.req.raw, { principal: c.get('principal')!, requestId: c.get('requestId') }));

  app.get('/metrics', async (c) => c.body(await metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));

  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  const openapi = () =>
    (document ??= app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'QuantumLayer API',
        version: options.version ?? '0.1.0',
        description: 'Start and follow workflow runs, register workflows, list plugins. Errors are application/problem+json.',
      },
    }));
  app.get('/api/openapi.json', (c) => c.json(openapi()));
  app.get('/api/docs', (c) => c.html(renderDocs(openapi() as Parameters<typeof renderDocs>[0])));

  // The web UI owns `/` and `/ui/*`; it shares the API's authenticator, so a key revoked
  // through the API is refused by the UI at once.
  mountUi(app, platform, {
    getClientAddress: options.getClientAddress,
    authenticator: auth,
    pendingMigrations: options.pendingMigrations,
    shutdown,
    heartbeatMs,
    logger,
    previews: extras.previews,
  });

  app.notFound((c) => problemResponse(c, new ApiError('route_not_found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => {
    if (!exposesMessage(statusOf((error as { code?: string }).code ?? ''))) {
      logger.error('request failed', { requestId: c.get('requestId'), path: c.req.path, error: error.stack ?? error.message });
    }
    return problemResponse(c, error);
  });
  return app;
}
