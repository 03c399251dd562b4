/**
 * Serves the API on Deno: `deno run -A api/deno.ts`. npm packages resolve from node_modules
 * through package.json, as under Node; the configuration comes from the same file and
 * environment variables (HOST, PORT, DATABASE_URL, QLAYER_DATA_DIR…).
 */
import { hasActiveApiKeys } from '../core/auth/index.ts';
import { loadConfig } from '../core/config/load.ts';
import { pendingMigrations } from '../core/db/migrate.ts';
import { createPlatform } from '../core/platform.ts';
import { createApp } from './app.ts';
import { jsonLogger } from './logger.ts';

// The few Deno APIs used here, so that tsc (which has Node's types, not Deno's) checks this file.
interface DenoNetAddr {
  transport: string;
  hostname: string;
  port: number;
}
interface DenoServer {
  finished: Promise<void>;
  shutdown(): Promise<void>;
}
declare const Deno: {
  env: { toObject(): Record<string, string> };
  cwd(): string;
  addSignalListener(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): never;
  serve(
    options: { hostname: string; port: number; onListen?: (addr: DenoNetAddr) => void },
    handler: (request: Request, info: { remoteAddr: DenoNetAddr }) => Response | Promise<Response>,
  ): DenoServer;
};

const loaded = loadConfig({ env: Deno.env.toObject(), cwd: Deno.cwd() });
const logger = jsonLogger(loaded.config.logLevel, { runtime: 'deno' });
const platform = await createPlatform(loaded, { logger });
const worker = loaded.config.worker.inProcess ? await platform.startWorker() : undefined;
const shutdown = new AbortController();
const app = createApp(platform, {
  server: loaded.config.server,
  logger,
  shutdown: shutdown.signal,
  pendingMigrations: () => pendingMigrations(platform.db),
  getClientAddress: (c) => (c.env.remoteAddr as DenoNetAddr | undefined)?.hostname,
});

if (!(await hasActiveApiKeys(platform.db))) {
  logger.warn('no API keys exist: only loopback clients are accepted until one is created (qlayer keys create --scope admin)');
}
const server = Deno.serve(
  {
    hostname: loaded.config.server.host,
    port: loaded.config.server.port,
    onListen: (addr) => {
      const host = addr.hostname.includes(':') ? `[${addr.hostname}]` : addr.hostname;
      logger.info('listening', { url: `http://${host}:${addr.port}`, worker: worker ? 'in-process' : 'separate' });
    },
  },
  (request, info) => app.fetch(request, { remoteAddr: info.remoteAddr }),
);

const stop = async (signal: string) => {
  logger.info('shutting down', { signal });
  shutdown.abort();
  await server.shutdown();
  await platform.close();
  Deno.exit(0);
};
Deno.addSignalListener('SIGINT', () => void stop('SIGINT'));
Deno.addSignalListener('SIGTERM', () => void stop('SIGTERM'));
