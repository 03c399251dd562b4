import { strFromU8, unzipSync } from 'fflate';

export interface ZipEntry {
  path: string;
  size: number;
}

/** The files in a zip, by path, without inflating any of them. Undefined when it is not a readable zip. */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        if (!file.name.endsWith('/')) entries.push({ path: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}

/** One file's text; undefined when the zip has no such file or cannot be read. */
export function readZipText(bytes: Uint8Array, path: string): string | undefined {
  try {
    const found = unzipSync(bytes, { filter: (file) => file.name === path })[path];
    return found === undefined ? undefined : strFromU8(found);
  } catch {
    return undefined;
  }
}
