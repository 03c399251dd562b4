import { QLayerError } from '../../core/errors.ts';

/** One file of a generated project; `path` is POSIX and relative to the project folder. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export class GenerateError extends QLayerError {
  constructor(code: 'generate_unsafe_path' | 'generate_duplicate_path' | 'generate_invalid_spec', message: string, details?: Record<string, unknown>) {
    super(code, message, details === undefined ? undefined : { details });
  }
}

/**
 * A path stays inside the project folder: relative, POSIX, no `..` or `.` segment, no empty
 * segment, no drive letter or backslash, nothing a shell or an unzip could read differently.
 */
export function assertSafePath(path: string): void {
  const unsafe =
    path === '' ||
    path.length > 200 ||
    path.startsWith('/') ||
    path.includes('\\') ||
    path.includes('\0') ||
    /^[a-zA-Z]:/.test(path) ||
    path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ||
    !/^[A-Za-z0-9._@/-]+$/.test(path);
  if (unsafe) throw new GenerateError('generate_unsafe_path', `generated path ${JSON.stringify(path)} would leave the project folder or is not portable`, { path });
}

/** Checks every path and that none repeats; returns the files sorted by path. */
export function checkFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  const seen = new Set<string>();
  for (const file of files) {
    assertSafePath(file.path);
    if (seen.has(file.path)) throw new GenerateError('generate_duplicate_path', `two generated files share the path ${file.path}`, { path: file.path });
    seen.add(file.path);
  }
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
