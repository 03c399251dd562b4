import { parseArgs } from 'node:util';

export interface ChaosOptions {
  runs: number;
  workers: number;
  /** Hard bound on the whole script, set-up and checks included. */
  seconds: number;
  /** Steps each worker process runs at once. */
  concurrency: number;
  leaseMs: number;
  /** Mean pause between SIGKILLs; each pause is drawn from 0.5x to 1.5x of it. */
  killEveryMs: number;
  /** No more SIGKILLs than this. */
  maxKills: number;
  /** Mean pause between rounds of pg_terminate_backend on the workers' sessions. */
  terminateEveryMs: number;
  /** Faults stop after this share of `seconds`, leaving the rest for the runs to finish. */
  faultWindow: number;
  /** Restart the PostgreSQL cluster once. Kills every session on the server, other users' too. */
  restartPostgres: boolean;
  pgCluster: string;
  dbUrl: string;
  seed: number;
  /** Keep the schema and the effect logs for inspection. */
  keep: boolean;
}

export const DEFAULTS: ChaosOptions = {
  runs: 3000,
  workers: 3,
  seconds: 120,
  concurrency: 24,
  leaseMs: 3_000,
  killEveryMs: 4_000,
  maxKills: 1_000_000,
  terminateEveryMs: 3_000,
  faultWindow: 0.6,
  restartPostgres: false,
  pgCluster: '15/main',
  dbUrl: process.env.QLAYER_CHAOS_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test',
  seed: 1,
  keep: false,
};

const USAGE = `usage: tsx bench/chaos.ts [--runs N] [--workers N] [--seconds S] [--concurrency N] [--lease-ms MS]
  [--kill-every MS] [--max-kills N] [--terminate-every MS] [--fault-window 0..1] [--seed N] [--db-url URL]
  [--restart-postgres [--pg-cluster 15/main]] [--keep]`;

export function parseOptions(argv: readonly string[]): ChaosOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        runs: { type: 'string' },
        workers: { type: 'string' },
        seconds: { type: 'string' },
        concurrency: { type: 'string' },
        'lease-ms': { type: 'string' },
        'kill-every': { type: 'string' },
      'max-kills': { type: 'string' },
        'terminate-every': { type: 'string' },
        'fault-window': { type: 'string' },
        'restart-postgres': { type: 'boolean' },
        'pg-cluster': { type: 'string' },
        'db-url': { type: 'string' },
        seed: { type: 'string' },
        keep: { type: 'boolean' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values } = parsed;
  if (values.help) throw new UsageError(USAGE);
  const num = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}\n${USAGE}`);
    return n;
  };
  const d = DEFAULTS;
  return {
    runs: Math.floor(num('runs', values.runs, d.runs, 1, 1_000_000)),
    workers: Math.floor(num('workers', values.workers, d.workers, 1, 64)),
    seconds: num('seconds', values.seconds, d.seconds, 5, 86_400),
    concurrency: Math.floor(num('concurrency', values.concurrency, d.concurrency, 1, 1000)),
    leaseMs: num('lease-ms', values['lease-ms'], d.leaseMs, 300, 600_000),
    killEveryMs: num('kill-every', values['kill-every'], d.killEveryMs, 100, 3_600_000),
    maxKills: Math.floor(num('max-kills', values['max-kills'], d.maxKills, 1, 1_000_000)),
    terminateEveryMs: num('terminate-every', values['terminate-every'], d.terminateEveryMs, 100, 3_600_000),
    faultWindow: num('fault-window', values['fault-window'], d.faultWindow, 0, 1),
    restartPostgres: values['restart-postgres'] ?? false,
    pgCluster: values['pg-cluster'] ?? d.pgCluster,
    dbUrl: values['db-url'] ?? d.dbUrl,
    seed: Math.floor(num('seed', values.seed, d.seed, 0, 2 ** 32 - 1)),
    keep: values.keep ?? false,
  };
}

export class UsageError extends Error {}
