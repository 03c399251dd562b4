import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '../../core/workflow/suggest.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['build', 'build', 0],
    ['build', 'buld', 1],
    ['depht', 'depth', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('closest', () => {
  it('suggests a near name', () => {
    expect(closest('buld', ['test', 'build', 'deploy'])).toBe('build');
    expect(closest('neds', ['id', 'uses', 'needs'])).toBe('needs');
    expect(closest('Build', ['build'])).toBe('build');
  });

  it('suggests nothing far away, nothing for very short names, and never the name itself', () => {
    expect(closest('zzz', ['build', 'test'])).toBeUndefined();
    expect(closest('c', ['a', 'b'])).toBeUndefined();
    expect(closest('build', ['build'])).toBeUndefined();
  });

  it('prefers the nearest, then the earlier candidate', () => {
    expect(closest('tests', ['test', 'tests2'])).toBe('test');
    expect(closest('abcd', ['abce', 'abcf'])).toBe('abce');
  });

  it('formats the hint', () => {
    expect(didYouMean('build')).toBe("; did you mean 'build'?");
    expect(didYouMean(undefined)).toBe('');
  });
});
