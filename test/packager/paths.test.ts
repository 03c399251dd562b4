import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeEntryPath, safeJoin, UnsafePathError } from '../../plugins/packager/index.ts';

function rejection(fn: () => unknown): UnsafePathError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UnsafePathError) return error;
    throw error;
  }
  throw new Error('expected UnsafePathError, nothing was thrown');
}

describe('normalizeEntryPath', () => {
  it('returns canonical relative paths', () => {
    expect(normalizeEntryPath('src/index.ts')).toBe('src/index.ts');
    expect(normalizeEntryPath('./src/./index.ts')).toBe('src/index.ts');
    expect(normalizeEntryPath('.gitignore')).toBe('.gitignore');
    expect(normalizeEntryPath('a..b/..c')).toBe('a..b/..c');
  });

  const unsafe: Array<[string, string]> = [
    ['', 'path is empty'],
    ['/etc/passwd', 'path is absolute'],
    ['//server/share/x', 'path is absolute'],
    ['../secret', "path contains a '..' segment"],
    ['src/../../secret', "path contains a '..' segment"],
    ['src/..', "path contains a '..' segment"],
    ['src\\..\\secret', 'path contains a backslash; use forward slashes'],
    ['C:/Windows/x', 'path starts with a drive letter'],
    ['c:x', 'path starts with a drive letter'],
    ['src/a\0.ts', 'path contains a NUL character'],
    ['src//a.ts', 'path contains an empty segment'],
    ['src/', 'path ends with a slash'],
    ['.', 'path names no file'],
    ['./', 'path ends with a slash'],
  ];
  it.each(unsafe)('rejects %j: %s', (path, reason) => {
    const error = rejection(() => normalizeEntryPath(path));
    expect(error.code).toBe('unsafe_path');
    expect(error.path).toBe(path);
    expect(error.message).toBe(`unsafe path ${JSON.stringify(path)}: ${reason}`);
  });
});

describe('safeJoin', () => {
  it('joins inside the root', () => {
    expect(safeJoin('/tmp/root', 'a/b.txt')).toBe(join(resolve('/tmp/root'), 'a', 'b.txt'));
  });

  it('refuses paths that leave the root', () => {
    expect(rejection(() => safeJoin('/tmp/root', '../root-sibling/x')).path).toBe('../root-sibling/x');
    expect(rejection(() => safeJoin('/tmp/root', '/tmp/root/x')).message).toContain('absolute');
  });
});
