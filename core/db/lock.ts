import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { QLayerError } from '../errors.ts';

/**
 * The embedded database belongs to one process at a time: two PGlite instances on one data
 * directory would corrupt it. A lock file holding the owner's pid guards it; a lock left by a
 * process that no longer exists is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new QLayerError(
          'database_locked',
          `the embedded database in ${dataDir} is in use by process ${owner} (a running 'qlayer serve' or 'qlayer worker'?). ` +
            'Stop it, or set DATABASE_URL to a PostgreSQL server so that several processes can share one database.',
          { details: { dataDir, pid: owner } },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new QLayerError('database_locked', `could not lock the embedded database in ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
