import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { hashContent } from '../../plugins/reviser/manifest.ts';
import { mergeProject, mergeText } from '../../plugins/reviser/merge.ts';
import { diffVersions } from '../../plugins/reviser/version-diff.ts';

const map = (entries: Record<string, string>) => new Map(Object.entries(entries));
const hashes = (entries: Record<string, string>) => Object.fromEntries(Object.entries(entries).map(([p, c]) => [p, hashContent(c)]));

describe('mergeProject', () => {
  const base = { 'a.ts': 'one\ntwo\nthree\n', 'gone.ts': 'old\n', 'edited-gone.ts': 'old\n', 'same.ts': 'x\n' };

  it('decides every case of base, yours and the new version', () => {
    const ours = { 'a.ts': 'one\ntwo\nthree\nfour\n', 'gone.ts': 'old\n', 'edited-gone.ts': 'mine\n', 'same.ts': 'x\n', 'new.ts': 'my own\n' };
    const theirs = { 'a.ts': 'ONE\ntwo\nthree\n', 'same.ts': 'x\n', 'new.ts': 'generated\n', 'fresh.ts': 'fresh\n' };
    const result = mergeProject({ base: map(base), baseHashes: hashes(base), ours: map(ours), theirs: map(theirs) });
    expect(result.entries).toEqual([
      { path: 'a.ts', status: 'merged' },
      { path: 'edited-gone.ts', status: 'kept-yours', note: expect.stringContaining('no longer generates') },
      { path: 'fresh.ts', status: 'added' },
      { path: 'gone.ts', status: 'removed' },
      { path: 'new.ts', status: 'kept-yours', note: expect.stringContaining('you added this file') },
    ]);
    expect(result.write.get('a.ts')).toBe('ONE\ntwo\nthree\nfour\n');
    expect(result.remove).toEqual(['gone.ts']);
    expect(result.write.has('new.ts')).toBe(false);
    expect(result.conflicts).toEqual([]);
  });

  it('compares whole files when the base cannot be rebuilt exactly', () => {
    const result = mergeProject({ base: map({ 'a.ts': 'changed template\n' }), baseHashes: hashes({ 'a.ts': 'one\n' }), ours: map({ 'a.ts': 'mine\n' }), theirs: map({ 'a.ts': 'theirs\n' }) });
    expect(result.conflicts).toEqual(['a.ts']);
    expect(result.entries[0]!.note).toContain('could not be rebuilt');
  });

  it('writes git-style conflict markers around overlapping edits', () => {
    const merged = mergeText('a\nmine\nc\n', 'a\nb\nc\n', 'a\ntheirs\nc\n');
    expect(merged).toEqual({ conflict: true, text: 'a\n<<<<<<< yours\nmine\n=======\ntheirs\n>>>>>>> new version\nc\n' });
  });
});

describe('diffVersions', () => {
  it('lists added, removed and changed files, each change a unified diff that applies', () => {
    const parent = [{ path: 'a.ts', content: 'one\ntwo\n' }, { path: 'old.ts', content: 'x\n' }];
    const child = [{ path: 'a.ts', content: 'one\n2\n' }, { path: 'new.ts', content: 'y\n' }];
    const diff = diffVersions(parent, child);
    expect(diff.added).toEqual(['new.ts']);
    expect(diff.removed).toEqual(['old.ts']);
    expect(diff.changed.map((c) => c.path)).toEqual(['a.ts']);
    expect(diff.changed[0]!.patch).toContain('--- a/a.ts\n+++ b/a.ts\n@@ -1,2 +1,2 @@\n one\n-two\n+2\n');
    expect(applyPatch('one\ntwo\n', diff.changed[0]!.patch)).toBe('one\n2\n');
  });
});
