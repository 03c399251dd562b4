import { serve, type ServerType } from '@hono/node-server';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { hasActiveApiKeys } from '../core/auth/index.ts';
import { ConfigError } from '../core/errors.ts';
import { loadConfig, type LoadedConfig } from '../core/config/load.ts';
import { pendingMigrations } from '../core/db/migrate.ts';
import { DEFAULT_SANDBOX_CONFIG, probeSandbox } from '../core/sandbox/index.ts';
import type { Logger } from '../core/runner/types.ts';
import type { Worker } from '../core/runner/worker.ts';
import { createApp, type ApiPlatform, type ServerLimits } from './app.ts';
import { jsonLogger } from './logger.ts';
import { previewOrigin, servedPreviews, type PreviewOrigin } from './preview-origin.ts';
import { previewSite } from './preview-site.ts';
import { createPreviews, mountPreviews } from './previews.ts';

/** A platform from `createPlatform()`, or a test's hand-made one (then give host, port and limits). */
export interface ServerPlatform extends ApiPlatform {
  loaded?: LoadedConfig;
  startWorker?(): Promise<Worker>;
}

export interface StartServerOptions {
  /** Default: the config's server.host, else 127.0.0.1. */
  host?: string;
  /** Default: the config's server.port, else 3000; 0 picks a free port. */
  port?: number;
  /** The port previews are served on, on the same host; default the config's preview.port, else 0 (a free port). */
  previewPort?: number;
  /** Overrides of the config's CORS, body and rate limits. */
  limits?: Partial<ServerLimits>;
  /** Run a worker in this process; default the config's worker.inProcess. */
  worker?: boolean;
  logger?: Logger;
  heartbeatMs?: number;
  authCacheMs?: number;
  graphqlLimits?: { maxDepth?: number; maxCost?: number };
}

export interface RunningServer {
  url: string;
  port: number;
  /** The previews' origin at the bound address, e.g. http://127.0.0.1:40123 (the config's preview.publicUrl when set). */
  previewUrl: string;
  previewPort: number;
  /** Ends open streams, stops the in-process worker and closes the listener; the platform stays open. */
  close(): Promise<void>;
}

const DEFAULT_LIMITS: ServerLimits = { corsOrigins: [], bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 600 };

/** Serves the API on Node; used by `qlayer serve` and the tests. */
export async function startServer(platform: ServerPlatform, options: StartServerOptions = {}): Promise<RunningServer> {
  const config = platform.loaded?.config;
  // Not the platform's logger by default: createPlatform's is silent unless given one, and
  // request lines should reach standard output.
  const logger = options.logger ?? jsonLogger(config?.logLevel ?? 'info');
  const host = options.host ?? config?.server.host ?? '127.0.0.1';
  const port = options.port ?? config?.server.port ?? 3000;
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...config?.server, ...options.limits };
  const shutdown = new AbortController();
  // Previews get a listener of their own first, so the API knows the origin to send clients to.
  const manager = createPreviews({ platform, logger, shutdown: shutdown.signal });
  let previewServer: ServerType;
  // The origins depend on the port the listener gets, so the site reads them once it is bound.
  let origins: PreviewOrigin = () => {
    throw new Error('the preview listener is not bound yet');
  };
  try {
    previewServer = await listen(previewSite(manager, logger, (url, id) => origins(url, id)).fetch, host, options.previewPort ?? config?.preview.port ?? 0, 'preview.port');
  } catch (error) {
    shutdown.abort();
    throw error;
  }
  const previewPort = (previewServer.address() as AddressInfo).port;
  const publicUrl = config?.preview.publicUrl;
  origins = previewOrigin({ port: previewPort, publicUrl });
  const previews = servedPreviews(manager, origins);
  const app = createApp(platform, {
    server: limits,
    logger,
    shutdown: shutdown.signal,
    pendingMigrations: () => pendingMigrations(platform.db),
    sandboxMode: async () => (await probeSandbox(config?.sandbox ?? DEFAULT_SANDBOX_CONFIG)).status.mode,
    getClientAddress: (c) => (c.env.incoming as IncomingMessage | undefined)?.socket.remoteAddress,
    mountExtras: (app) => {
      mountPreviews(app, previews);
      return { previews };
    },
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
    ...(options.authCacheMs === undefined ? {} : { authCacheMs: options.authCacheMs }),
    ...(options.graphqlLimits === undefined ? {} : { graphqlLimits: options.graphqlLimits }),
  });
  let server: ServerType;
  try {
    server = await listen(app.fetch, host, port, 'server.port');
  } catch (error) {
    shutdown.abort();
    await closeServer(previewServer);
    throw error;
  }
  const url = shownUrl(server.address() as AddressInfo);
  const previewUrl = publicUrl ?? shownUrl(previewServer.address() as AddressInfo);
  let worker: Worker | undefined;
  if ((options.worker ?? config?.worker.inProcess ?? false) && platform.startWorker) worker = await platform.startWorker();
  logger.info('listening', { url, previews: previewUrl, worker: worker ? 'in-process' : 'separate' });
  if (!(await hasActiveApiKeys(platform.db))) {
    logger.warn('no API keys exist: only loopback clients are accepted until one is created (qlayer keys create --scope admin)', { url });
  }
  return {
    url,
    port: (server.address() as AddressInfo).port,
    previewUrl,
    previewPort,
    async close() {
      shutdown.abort();
      await worker?.stop(10_000);
      await Promise.all([closeServer(server), closeServer(previewServer)]);
    },
  };
}

/** `setting` names the config key that chose the port, for the error when it cannot be used. */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], host: string, port: number, setting: 'server.port' | 'preview.port'): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, hostname: host, port }, () => resolve(s));
    s.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'is in use' : error.code === 'EACCES' ? 'is not allowed for this user' : error.code === 'EADDRNOTAVAIL' ? 'names an address this machine does not have' : undefined;
      if (why === undefined) return reject(error);
      const message = `cannot listen on ${host}:${port}, which ${why} (${error.code}); choose another ${setting} (0 picks a free port)`;
      reject(new ConfigError(message, [{ path: setting, message: `${host}:${port} ${why}` }]));
    });
  });
}

function shownUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => ('closeAllConnections' in server ? server.closeAllConnections() : undefined), 2_000).unref();
  });
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  const logger = jsonLogger(loaded.config.logLevel);
  const { createPlatform } = await import('../core/platform.ts');
  const platform = await createPlatform(loaded, { logger });
  const server = await startServer(platform, { logger });
  const stop = async (signal: string) => {
    logger.info('shutting down', { signal });
    await server.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
