import { parse } from '../args.ts';
import { EXIT, type Io } from '../io.ts';
import { withPlatform } from '../platform.ts';

export const serveHelp = `Usage: qlayer serve [--host <host>] [--port <port>] [--no-worker] [--in-memory]

Serves the web UI, REST API (/api/v1, docs at /api/docs) and GraphQL (/graphql), with a
worker in the same process unless --no-worker, and live previews of generated apps on a
port of their own (preview.port in the config; a free one by default). Stops cleanly on
Ctrl-C or SIGTERM.`;

export const workerHelp = `Usage: qlayer worker [--concurrency <n>]

Runs a worker that executes steps from the configured database (set DATABASE_URL to share
one PostgreSQL among many workers). SIGTERM lets running steps finish, then exits.`;

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const done = (signal: string) => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve(signal);
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}

export async function serve(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    argv,
    { host: { type: 'string' }, port: { type: 'string' }, 'no-worker': { type: 'boolean', default: false }, 'in-memory': { type: 'boolean', default: false } },
    'serve',
  );
  if (values.help) {
    io.out(serveHelp);
    return EXIT.ok;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    io.err(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
    return EXIT.usage;
  }
  return withPlatform(io, { inMemory: values['in-memory'] }, async (platform) => {
    const { startServer } = await import('../../api/node.ts');
    const server = await startServer(platform, {
      ...(values.host ? { host: values.host } : {}),
      ...(port === undefined ? {} : { port }),
      ...(values['no-worker'] ? { worker: false } : {}),
    });
    io.err(`QuantumLayer is serving on ${server.url} (UI at /, API docs at /api/docs; previews on ${server.previewUrl})`);
    await untilSignal();
    io.err('stopping…');
    await server.close();
    return EXIT.ok;
  });
}

export async function worker(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, { concurrency: { type: 'string' } }, 'worker');
  if (values.help) {
    io.out(workerHelp);
    return EXIT.ok;
  }
  if (values.concurrency !== undefined) io.env = { ...io.env, QLAYER_WORKER_CONCURRENCY: values.concurrency };
  return withPlatform(io, {}, async (platform) => {
    const w = await platform.startWorker();
    io.err(`worker ${w.id} running with concurrency ${w.concurrency}`);
    const signal = await untilSignal();
    io.err(`${signal}: finishing running steps…`);
    await w.stop(30_000);
    return EXIT.ok;
  });
}
