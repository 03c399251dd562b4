import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { QLayerError } from '../../core/errors.ts';
import { normalizeEntryPath, safeJoin } from '../../core/sandbox/paths.ts';
import { DestinationExistsError, InvalidZipError, ZipTooLargeError } from './errors.ts';
import { prepareEntries, type ProjectFile } from './entries.ts';

export interface UnzipOptions {
  /** Refuse archives whose entries add up to more than this many bytes; 100 MiB by default. */
  maxBytes?: number;
}

export const DEFAULT_MAX_UNZIP_BYTES = 100 * 1024 * 1024;

/**
 * Reads a zip into project files, checking every entry name as strictly as packaging does.
 * Folder entries are dropped; a symbolic link stored in the archive comes back as a plain
 * file holding its target, so no link is ever created.
 *
 * @throws UnsafePathError for an entry that would escape (zip-slip), before anything is read out.
 */
export function readZip(bytes: Uint8Array, options: UnzipOptions = {}): ProjectFile[] {
  const limit = options.maxBytes ?? DEFAULT_MAX_UNZIP_BYTES;
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        // Checked in the filter so an escaping name stops the run before its data is inflated.
        if (!file.name.endsWith('/')) normalizeEntryPath(file.name);
        total += file.originalSize;
        if (total > limit) throw new ZipTooLargeError(limit);
        return !file.name.endsWith('/');
      },
    });
  } catch (error) {
    if (error instanceof QLayerError) throw error;
    throw new InvalidZipError(error);
  }
  // The header sizes are the archive's claim; the inflated data is the truth.
  const actual = Object.values(entries).reduce((sum, data) => sum + data.length, 0);
  if (actual > limit) throw new ZipTooLargeError(limit);
  return prepareEntries(Object.entries(entries).map(([path, data]) => ({ path, content: strFromU8(data) })));
}

/**
 * Unpacks a zip into `destDir` and returns the relative paths written. Every entry is checked
 * before the first file is written, and existing files are never overwritten (nor followed if
 * they are links), so unpack into a new or empty folder.
 *
 * @throws UnsafePathError for an escaping entry, DestinationExistsError for an existing file.
 */
export async function unpackZip(bytes: Uint8Array, destDir: string, options: UnzipOptions = {}): Promise<string[]> {
  const files = readZip(bytes, options);
  const targets = files.map((file) => ({ file, full: safeJoin(destDir, file.path) }));
  for (const { file, full } of targets) {
    await mkdir(dirname(full), { recursive: true });
    try {
      await writeFile(full, file.content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new DestinationExistsError(file.path);
      throw error;
    }
  }
  return files.map((file) => file.path);
}
