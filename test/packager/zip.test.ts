import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GITIGNORE,
  DuplicateEntryError,
  packageProject,
  readZip,
  UnsafePathError,
} from '../../plugins/packager/index.ts';
import { centralDirectory } from './zip-inspect.ts';

const project = [
  { path: 'package.json', content: '{ "name": "todo", "version": "1.0.0" }\n' },
  { path: 'src/index.ts', content: 'export const answer = 42;\n' },
  { path: 'bin/cli.js', content: '#!/usr/bin/env node\nconsole.log("hi");\n' },
  { path: 'README.md', content: '# Todo — ünïcödé ✓\n' },
];

describe('packageProject', () => {
  it('round-trips every file under one top-level folder and adds a .gitignore', () => {
    const files = readZip(packageProject(project, { rootName: 'todo-app' }));
    const expected = [...project, { path: '.gitignore', content: DEFAULT_GITIGNORE }]
      .map((file) => ({ path: `todo-app/${file.path}`, content: file.content }))
      .sort((a, b) => (a.path < b.path ? -1 : 1));
    expect(files).toEqual(expected);
  });

  it('keeps the project .gitignore when there is one', () => {
    const files = readZip(packageProject([...project, { path: '.gitignore', content: 'out/\n' }], { rootName: 'app' }));
    expect(files.filter((file) => file.path.endsWith('.gitignore'))).toEqual([{ path: 'app/.gitignore', content: 'out/\n' }]);
  });

  it('gives equal bytes for equal input, whatever the input order', () => {
    const first = packageProject(project, { rootName: 'todo-app' });
    const second = packageProject([...project].reverse(), { rootName: 'todo-app' });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(packageProject(project, { rootName: 'other' })).equals(Buffer.from(first))).toBe(false);
  });

  it('writes a fixed time and sane unix modes', () => {
    const entries = centralDirectory(packageProject(project, { rootName: 'todo-app' }));
    expect(entries.map((entry) => entry.name)).toEqual([
      'todo-app/.gitignore',
      'todo-app/README.md',
      'todo-app/bin/cli.js',
      'todo-app/package.json',
      'todo-app/src/index.ts',
    ]);
    for (const entry of entries) {
      // DOS date 1980-01-01 is (0 << 9) | (1 << 5) | 1; time 00:00:00 is 0.
      expect(entry).toMatchObject({ madeBy: 3, dosDate: 0x21, dosTime: 0 });
      expect(entry.mode).toBe(entry.name.endsWith('cli.js') ? 0o100755 : 0o100644);
    }
  });

  it.each(['../escape.ts', '/abs.ts', 'src\\win.ts', 'C:/x.ts', 'a\0b', 'src//a.ts', ''])(
    'refuses the escaping path %j, naming it',
    (path) => {
      const call = () => packageProject([...project, { path, content: '' }], { rootName: 'app' });
      expect(call).toThrow(UnsafePathError);
      expect(call).toThrow(`unsafe path ${JSON.stringify(path)}`);
    },
  );

  it.each(['a/b', '..', '.hidden', '/root', ''])('refuses the root name %j', (rootName) => {
    expect(() => packageProject(project, { rootName })).toThrow(UnsafePathError);
  });

  it('refuses entries that would land on the same file', () => {
    expect(() => packageProject([...project, { path: './src/index.ts', content: '' }], { rootName: 'a' })).toThrow(
      new DuplicateEntryError('./src/index.ts', 'src/index.ts', 'same path'),
    );
    expect(() => packageProject([...project, { path: 'readme.md', content: '' }], { rootName: 'a' })).toThrow(
      /paths differ only in letter case/,
    );
    expect(() => packageProject([...project, { path: 'src', content: '' }], { rootName: 'a' })).toThrow(
      new DuplicateEntryError('src/index.ts', 'src', 'a file is also used as a folder'),
    );
  });
});
