import { ArtifactStore } from '../../core/runner/artifacts.ts';
import { Runner } from '../../core/runner/runner.ts';
import type { Worker } from '../../core/runner/worker.ts';
import type { Logger } from '../../core/runner/types.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { startServer, type RunningServer, type StartServerOptions } from '../../api/node.ts';
import type { ServerPlatform } from '../../api/node.ts';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { testRegistry } from '../helpers/testPlugin.ts';

/** A workflow of the test plugin: doubles `n`, then sleeps `ms` passing the result on. */
export const DOUBLE_WORKFLOW = `name: double-then-wait
inputs:
  n: { type: number }
  ms: { type: integer, default: 0 }
steps:
  - id: double
    uses: test/double
    with: { n: '\${{ inputs.n }}' }
  - id: wait
    uses: test/slow
    with: { ms: '\${{ inputs.ms }}', value: '\${{ steps.double.output }}' }
`;

/** Fails at once, so retry and failure paths have something to work on. */
export const FAILING_WORKFLOW = `name: always-fails
steps:
  - id: boom
    uses: test/flaky
    with: { id: boom, failTimes: 100 }
    retry: 1
`;

export interface ApiFixture {
  db: TestDb;
  platform: ServerPlatform & { runner: Runner; logger: Logger };
  worker: Worker;
  server: RunningServer;
  url: string;
  logs: { level: string; msg: string; data: Record<string, unknown> | undefined }[];
  close(): Promise<void>;
}

/** A fresh database, the test plugin, two workflows, a worker, and the API on 127.0.0.1. */
export async function apiFixture(options: StartServerOptions = {}): Promise<ApiFixture> {
  const db = await freshDb();
  const registry = testRegistry();
  const artifacts = new ArtifactStore(db);
  const runner = new Runner({
    db,
    resolver: registry,
    services: { artifacts },
    loadWorkflow: (stored) => compileWorkflow(stored.source, { registry, file: stored.name }),
  });
  await runner.connect();
  for (const source of [DOUBLE_WORKFLOW, FAILING_WORKFLOW]) await runner.register(await compileWorkflow(source, { registry }));
  const worker = await runner.worker({ pollMs: 200 });
  const logs: ApiFixture['logs'] = [];
  const at = (level: string) => (msg: string, data?: Record<string, unknown>) => void logs.push({ level, msg, data });
  const logger: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  const platform = { db, registry, runner, artifacts, logger };
  const server = await startServer(platform, { host: '127.0.0.1', port: 0, worker: false, logger, heartbeatMs: 1_000, ...options });
  return {
    db,
    platform,
    worker,
    server,
    url: server.url,
    logs,
    async close() {
      await server.close();
      await runner.close(1_000);
      await db.close();
    },
  };
}
