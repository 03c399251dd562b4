import { Runner, type RunnerOptions } from '../../core/runner/runner.ts';
import type { Worker, WorkerOptions } from '../../core/runner/worker.ts';
import { freshDb, type TestDb } from './db.ts';

export interface RunnerFixture {
  db: TestDb;
  runner: Runner;
  worker: Worker | undefined;
  close(): Promise<void>;
}

/** A fresh database, a runner on it and (unless `worker: false`) one in-process worker. */
export async function runnerFixture(
  options: Omit<RunnerOptions, 'db'> & { worker?: WorkerOptions | false } = {},
): Promise<RunnerFixture> {
  const db = await freshDb();
  const runner = new Runner({ ...options, db });
  await runner.connect();
  const worker = options.worker === false ? undefined : await runner.worker({ pollMs: 200, ...options.worker });
  return {
    db,
    runner,
    worker,
    async close() {
      await runner.close(1_000);
      await db.close();
    },
  };
}
