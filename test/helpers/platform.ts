import { mkdtempSync } from 'node:fs';
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

/** The whole platform (built-in plugins and workflows) on a fresh test database. */
export async function platformFixture(options: { worker?: boolean; config?: string } = {}): Promise<PlatformFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'qlayer-platform-'));
  const loaded = loadConfig({ cwd: dir, env: {} });
  const db = await freshDb();
  const platform = await createPlatform(loaded, { database: db });
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
