import { resolve, sep } from 'node:path';
import { UnsafePathError } from './errors.ts';

const DRIVE_LETTER = /^[a-zA-Z]:/;

/**
 * Checks a generated file's path and returns it in canonical form (`a/b.ts`, no `./`).
 * Generated paths come from a model, so anything a zip tool or file system could
 * interpret as "elsewhere" is refused outright rather than repaired: a repaired path
 * would hide a generator bug and might still collide with another entry.
 *
 * @throws UnsafePathError naming the path and the reason.
 */
export function normalizeEntryPath(path: string): string {
  if (path.length === 0) throw new UnsafePathError(path, 'path is empty');
  if (path.includes('\0')) throw new UnsafePathError(path, 'path contains a NUL character');
  if (path.includes('\\')) throw new UnsafePathError(path, 'path contains a backslash; use forward slashes');
  if (path.startsWith('/')) throw new UnsafePathError(path, 'path is absolute');
  if (DRIVE_LETTER.test(path)) throw new UnsafePathError(path, 'path starts with a drive letter');
  const segments = path.split('/');
  const kept: string[] = [];
  for (const [index, segment] of segments.entries()) {
    if (segment === '..') throw new UnsafePathError(path, "path contains a '..' segment");
    if (segment === '.') continue;
    if (segment === '') {
      // A trailing slash names a directory, which is not a file entry either.
      throw new UnsafePathError(path, index === segments.length - 1 ? 'path ends with a slash' : 'path contains an empty segment');
    }
    kept.push(segment);
  }
  if (kept.length === 0) throw new UnsafePathError(path, 'path names no file');
  // `./c:/x` would otherwise come out as `c:/x`, a drive-letter path.
  if (DRIVE_LETTER.test(kept[0]!)) throw new UnsafePathError(path, 'path starts with a drive letter');
  return kept.join('/');
}

/**
 * Joins a root directory and a generated relative path, refusing any result outside the root.
 * The second check after normalizing guards against platform path rules we did not foresee.
 */
export function safeJoin(root: string, relativePath: string): string {
  const normalized = normalizeEntryPath(relativePath);
  const base = resolve(root);
  const full = resolve(base, ...normalized.split('/'));
  if (!full.startsWith(base + sep)) throw new UnsafePathError(relativePath, 'path resolves outside the root');
  return full;
}
