import { readFile, rename, writeFile } from 'node:fs/promises';
import { DataError } from './io.ts';
import type { StoredRecord } from './records.ts';

export type Data = Record<string, StoredRecord[]>;

/** Reads the data file; a missing file is an empty store. */
export async function load(path: string): Promise<Data> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DataError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('not an object');
    return data as Data;
  } catch (error) {
    throw new DataError(`${path} is not a data file of this tool (${(error as Error).message})`);
  }
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
export async function save(path: string, data: Data): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`);
  await rename(temporary, path);
}
