import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../core/config/load.ts';
import { createPlatform, type Platform } from '../../core/platform.ts';
import { freshDb, type TestDb } from './db.ts';

export interface PlatformFixture {
  db: TestDb;
  platform: Platform;
  close(): Promise<void>;
}

export interface PlatformFixtureOptions {
  worker?: boolean;
  /** The text of `qlayer.config.yaml` (an `llm:` section, for instance). */
  config?: string;
  /** The environment the platform reads provider keys from (by default, the process's). */
  env?: Record<string, string>;
}

/** The whole platform (built-in plugins and workflows) on a fresh test database. */
export async function platformFixture(options: PlatformFixtureOptions = {}): Promise<PlatformFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'qlayer-platform-'));
  if (options.config !== undefined) writeFileSync(join(dir, 'qlayer.config.yaml'), options.config);
  const loaded = loadConfig({ cwd: dir, env: {} });
  const db = await freshDb();
  const platform = await createPlatform(loaded, { database: db, ...(options.env === undefined ? {} : { env: options.env }) });
  if (options.worker !== false) await platform.startWorker();
  return {
    db,
    platform,
    async close() {
      await platform.close();
      await db.close();
    },
  };
}
