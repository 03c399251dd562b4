import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../core/config/schema.ts';
import { PreviewManager, runSource, type PreviewSettings } from '../core/preview/index.ts';
import type { Logger } from '../core/runner/types.ts';
import type { ApiEnv } from './env.ts';
import { previewProxy, previewRoutes } from './routes/preview.ts';
import type { ApiPlatform } from './service.ts';

const DEFAULTS: PreviewSettings = { maxRunning: 2, idleTimeoutMs: 600_000, startTimeoutMs: 300_000 };

/**
 * Live previews run generated apps as child processes, so they exist where the server runs on
 * Node (api/node.ts), not in the runtime-neutral app. They end with the server.
 */
export function mountPreviews(
  app: OpenAPIHono<ApiEnv>,
  deps: { platform: ApiPlatform; logger: Logger; shutdown: AbortSignal },
  settings?: PreviewSettings,
): PreviewManager {
  const configured = (deps.platform as { loaded?: { config: Config } }).loaded?.config.preview;
  const previews = new PreviewManager({ ...(settings ?? configured ?? DEFAULTS), source: runSource(deps.platform), logger: deps.logger });
  deps.shutdown.addEventListener('abort', () => void previews.close(), { once: true });
  app.route('/api/v1', previewRoutes(previews));
  app.route('/preview', previewProxy(previews));
  return previews;
}
