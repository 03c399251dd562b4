import { describe, expect, it } from 'vitest';
import { isNodeBuiltin } from '../../plugins/validators/checks/security/package-names.ts';
import { editDistance, lookalikeOf } from '../../plugins/validators/checks/security/typosquat.ts';
import { classifyVersionSpec } from '../../plugins/validators/checks/security/version-specs.ts';

describe('classifyVersionSpec', () => {
  it.each([
    ['1.2.3', { kind: 'exact' }],
    ['1.0.0-beta.1', { kind: 'exact' }],
    ['^1.2.3', { kind: 'bounded-range' }],
    ['~0.4', { kind: 'bounded-range' }],
    ['*', { kind: 'open', tag: false }],
    ['', { kind: 'open', tag: false }],
    ['x', { kind: 'open', tag: false }],
    ['latest', { kind: 'open', tag: true }],
    ['next', { kind: 'open', tag: true }],
    ['>=1 <2', { kind: 'open', tag: false }],
    ['1.2.3 || 2.0.0', { kind: 'open', tag: false }],
    ['github:user/repo', { kind: 'non-registry' }],
    ['user/repo#main', { kind: 'non-registry' }],
    ['https://example.com/x.tgz', { kind: 'non-registry' }],
    ['git+ssh://git@host/x.git', { kind: 'non-registry' }],
    ['link:../x', { kind: 'non-registry' }],
    ['workspace:*', { kind: 'workspace' }],
    ['npm:@scope/pkg@1.0.0', { kind: 'alias', name: '@scope/pkg', spec: '1.0.0' }],
  ])('classifies %j', (spec, expected) => {
    expect(classifyVersionSpec(spec)).toEqual(expected);
  });
});

describe('look-alikes of popular packages', () => {
  it('names the popular package a name is one or two edits away from', () => {
    expect(lookalikeOf('recat')).toBe('react');
    expect(lookalikeOf('expresss')).toBe('express');
    expect(lookalikeOf('lodahs')).toBe('lodash');
  });

  it('leaves popular names, short names and the extras alone', () => {
    expect(lookalikeOf('react')).toBeUndefined();
    expect(lookalikeOf('reac')).toBeUndefined();
    expect(lookalikeOf('my-react-lib')).toBeUndefined();
    expect(lookalikeOf('recat', new Set(['recat']))).toBeUndefined();
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('recat', 'react')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('recognises Node built-ins', () => {
    expect(isNodeBuiltin('child_process')).toBe(true);
    expect(isNodeBuiltin('node:fs')).toBe(true);
    expect(isNodeBuiltin('express')).toBe(false);
  });
});
