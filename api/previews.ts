import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../core/config/schema.ts';
import { PreviewManager, runSource, type PreviewSettings } from '../core/preview/index.ts';
import type { Logger } from '../core/runner/types.ts';
import type { ApiEnv } from './env.ts';
import type { ServedPreviews } from './preview-origin.ts';
import { redirectToPreviewSite } from './preview-site.ts';
import { previewRoutes } from './routes/preview.ts';
import type { ApiPlatform } from './service.ts';

const DEFAULTS: PreviewSettings = { maxRunning: 2, idleTimeoutMs: 600_000, startTimeoutMs: 300_000 };

/**
 * Live previews run generated apps as child processes, so they exist where the server runs on
 * Node (api/node.ts), not in the runtime-neutral app. They end with the server.
 */
export function createPreviews(deps: { platform: ApiPlatform; logger: Logger; shutdown: AbortSignal }, settings?: PreviewSettings): PreviewManager {
  const config = (deps.platform as { loaded?: { config: Config } }).loaded?.config;
  const previews = new PreviewManager({
    ...(settings ?? config?.preview ?? DEFAULTS),
    source: runSource(deps.platform),
    logger: deps.logger,
    ...(config?.sandbox === undefined ? {} : { sandbox: config.sandbox }),
  });
  deps.shutdown.addEventListener('abort', () => void previews.close(), { once: true });
  return previews;
}

/**
 * The previews' routes on the platform's app: start, read and stop under /api/v1, and
 * `/preview/*` sent on to the previews' own origin, which serves them (api/preview-site.ts).
 */
export function mountPreviews(app: OpenAPIHono<ApiEnv>, previews: ServedPreviews): void {
  app.route('/api/v1', previewRoutes(previews));
  app.route('/preview', redirectToPreviewSite(previews.origin));
}
