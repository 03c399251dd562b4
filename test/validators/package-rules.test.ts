import { describe, expect, it } from 'vitest';
import { KnownPackages } from '../../plugins/validators/checks/security/known-packages.ts';
import { isNodeBuiltin, npmNameProblem } from '../../plugins/validators/checks/security/package-names.ts';
import { classifyVersionSpec } from '../../plugins/validators/checks/security/version-specs.ts';

describe('npmNameProblem', () => {
  it.each(['react', '@types/node', 'lodash.merge', 'socket.io', 'a', '@scope/name-with-dash_1'])('accepts %j', (name) => {
    expect(npmNameProblem(name)).toBeUndefined();
  });

  it.each([
    ['', 'the name is empty'],
    ['x'.repeat(215), 'the name is longer than 214 characters'],
    [' react', 'the name has leading or trailing spaces'],
    ['React', 'the name has capital letters'],
    ['re(act)', "the name has one of the characters ~'!()*"],
    ['node_modules', 'the name is reserved'],
    ['@scope', 'a scoped name must look like @scope/name'],
    ['@scope/_private', 'the name starts with . or _'],
    ['my package', 'the name has characters that are not URL-safe'],
    ['a/b', 'the name has characters that are not URL-safe'],
  ])('rejects %j: %s', (name, problem) => {
    expect(npmNameProblem(name)).toBe(problem);
  });
});

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

describe('package allow-list', () => {
  it('knows listed packages and whole scopes, and takes extras', () => {
    const known = new KnownPackages(['my-lib']);
    expect(known.has('react')).toBe(true);
    expect(known.has('@types/whatever')).toBe(true);
    expect(known.has('my-lib')).toBe(true);
    expect(known.has('reakt')).toBe(false);
    expect(known.has('@types')).toBe(false);
  });

  it('recognises Node built-ins', () => {
    expect(isNodeBuiltin('child_process')).toBe(true);
    expect(isNodeBuiltin('node:fs')).toBe(true);
    expect(isNodeBuiltin('express')).toBe(false);
  });
});
