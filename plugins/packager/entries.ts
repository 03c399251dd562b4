import { normalizeEntryPath } from '../../core/sandbox/paths.ts';
import { UnsafePathError } from '../../core/sandbox/errors.ts';
import { DuplicateEntryError } from './errors.ts';

export interface ProjectFile {
  path: string;
  content: string;
}

/**
 * Normalizes every path and refuses collisions, including ones that only appear on
 * case-insensitive file systems (macOS, Windows) where the user is likely to unzip.
 * Returns the files sorted by path so archive bytes do not depend on input order.
 */
export function prepareEntries(files: readonly ProjectFile[]): ProjectFile[] {
  const byFolded = new Map<string, string>();
  const entries: ProjectFile[] = [];
  for (const file of files) {
    const path = normalizeEntryPath(file.path);
    const folded = path.toLowerCase();
    const previous = byFolded.get(folded);
    if (previous !== undefined) {
      const reason = previous === path ? 'same path' : 'paths differ only in letter case';
      throw new DuplicateEntryError(file.path, previous, reason);
    }
    byFolded.set(folded, path);
    entries.push({ path, content: file.content });
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const folders = new Map<string, string>();
  for (const entry of entries) {
    const segments = entry.path.split('/');
    for (let end = 1; end < segments.length; end++) folders.set(segments.slice(0, end).join('/').toLowerCase(), entry.path);
  }
  for (const entry of entries) {
    const child = folders.get(entry.path.toLowerCase());
    if (child !== undefined) throw new DuplicateEntryError(child, entry.path, 'a file is also used as a folder');
  }
  return entries;
}

/** The single top-level folder name of a package: one safe path segment. */
export function checkRootName(rootName: string): string {
  const normalized = normalizeEntryPath(rootName);
  if (normalized.includes('/')) throw new UnsafePathError(rootName, 'root name must be a single folder name');
  if (normalized.startsWith('.')) throw new UnsafePathError(rootName, 'root name must not start with a dot');
  return normalized;
}
