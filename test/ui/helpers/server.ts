import { serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../api/app.ts';
import { mountUi } from '../../../api/ui/index.ts';
import { pendingMigrations } from '../../../core/db/migrate.ts';
import { platformFixture, type PlatformFixture } from '../../helpers/platform.ts';

export interface UiServer {
  fx: PlatformFixture;
  url: string;
  close(): Promise<void>;
}

/**
 * The whole platform with a worker, the API, and the UI on 127.0.0.1. The UI is mounted here
 * unless api/app.ts mounts it already, so the tests hold either way.
 */
export async function uiServer(options: { prepare?: (fx: PlatformFixture) => Promise<void> } = {}): Promise<UiServer> {
  const fx = await platformFixture();
  try {
    await options.prepare?.(fx);
  } catch (error) {
    await fx.close();
    throw error;
  }
  const shutdown = new AbortController();
  const getClientAddress = (c: { env: Record<string, unknown> }) => (c.env.incoming as IncomingMessage | undefined)?.socket.remoteAddress;
  const app = createApp(fx.platform, {
    server: { corsOrigins: [], bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 10_000 },
    shutdown: shutdown.signal,
    heartbeatMs: 1_000,
    pendingMigrations: () => pendingMigrations(fx.platform.db),
    getClientAddress,
  });
  if (!app.routes.some((r) => r.path.startsWith('/ui/'))) {
    mountUi(app, fx.platform, { getClientAddress, shutdown: shutdown.signal, heartbeatMs: 1_000, pendingMigrations: () => pendingMigrations(fx.platform.db) });
  }
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    s.once('error', reject);
  });
  // Longer than a test waits between requests: a keep-alive socket the server closes while
  // the client is about to reuse it surfaces as ECONNRESET.
  if ('keepAliveTimeout' in server) server.keepAliveTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  return {
    fx,
    url: `http://127.0.0.1:${port}`,
    async close() {
      shutdown.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await fx.close();
    },
  };
}
