import { z } from 'zod';
import { llmConfigSchema } from '../llm/config.ts';
import { sandboxConfigSchema } from '../sandbox/config.ts';

const port = z.coerce.number().int().min(0).max(65_535);
const positiveInt = z.coerce.number().int().positive();
/** Apps are built for `/preview/<id>/` at the root of their origin, so a path here could not work. */
const previewOrigin = z
  .url({ protocol: /^https?$/ })
  .refine((value) => {
    const url = new URL(value);
    return url.pathname === '/' && url.search === '' && url.hash === '' && url.username === '' && url.password === '';
  }, 'must be an origin only (scheme, host and optional port), with no path: previews are served at /preview/<id>/ on it')
  .transform((value) => new URL(value).origin);

/**
 * The whole configuration, from `qlayer.config.yaml` and environment variables, validated
 * once at start-up and passed down; nothing deeper reads the environment.
 */
export const configSchema = z
  .object({
    database: z
      .object({
        /** postgres:// URL; without it the embedded PGlite stores data in `dataDir`. */
        url: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
        dataDir: z.string().min(1).default('.qlayer/pgdata'),
        maxConnections: positiveInt.max(200).default(10),
      })
      .strict()
      .default({ dataDir: '.qlayer/pgdata', maxConnections: 10 }),
    server: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        port: port.default(3000),
        /** Origins allowed by CORS; empty means same-origin only. */
        corsOrigins: z.array(z.string().min(1)).default([]),
        bodyLimitBytes: positiveInt.max(64 * 1024 * 1024).default(1024 * 1024),
        /** Requests per minute per API key (or per client address without keys). */
        rateLimitPerMinute: positiveInt.default(600),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 3000, corsOrigins: [], bodyLimitBytes: 1024 * 1024, rateLimitPerMinute: 600 }),
    worker: z
      .object({
        /** Run a worker inside `serve` (the default); `qlayer worker` runs one on its own. */
        inProcess: z.coerce.boolean().default(true),
        concurrency: positiveInt.max(10_000).default(8),
        leaseMs: positiveInt.min(1_000).default(30_000),
      })
      .strict()
      .default({ inProcess: true, concurrency: 8, leaseMs: 30_000 }),
    /** Third-party plugins: npm package names or paths relative to the config file. */
    plugins: z.array(z.string().min(1)).default([]),
    /** Extra folders of workflow YAML files registered at start-up, besides the built-in ones. */
    workflowDirs: z.array(z.string().min(1)).default([]),
    /** LLM providers and routes; see docs/llm.md. Without it generation uses offline templates. */
    llm: llmConfigSchema.optional(),
    /** Live previews of generated apps; see docs/preview.md. */
    preview: z
      .object({
        /** Previews running at once; starting one more stops the oldest. */
        maxRunning: positiveInt.max(100).default(2),
        idleTimeoutMs: positiveInt.default(10 * 60_000),
        /** Install, build and start together must finish within this. */
        startTimeoutMs: positiveInt.default(5 * 60_000),
        /** Heap limit of the preview's node processes, in MiB. */
        memoryMb: positiveInt.min(64).optional(),
        /**
         * The port previews are served on, beside the API on `server.host`: another port is
         * another origin, so a previewed app's scripts cannot act as the platform. 0 picks a free
         * port at start-up.
         */
        port: port.default(0),
        /**
         * Where browsers reach that port when a reverse proxy stands in front (e.g.
         * `https://preview.example.com`). Without it, preview URLs are the host the client used
         * for the API, with `port`.
         */
        publicUrl: previewOrigin.optional(),
      })
      .strict()
      .default({ maxRunning: 2, idleTimeoutMs: 10 * 60_000, startTimeoutMs: 5 * 60_000, port: 0 }),
    /** How generated code (runtime checks, previews) is confined, and its limits; see docs/deployment.md#the-sandbox. */
    sandbox: sandboxConfigSchema.prefault({}),
    logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .strict();

export type Config = z.output<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
