import { describe, expect, it } from 'vitest';
import { findCycles } from '../../core/workflow/graph.ts';
import { checkWorkflow, loadWorkflow } from '../../core/workflow/index.ts';
import { testRegistry } from './helpers/plugins.ts';

const needsOf = (source: string) => Object.fromEntries(loadWorkflow(source, { registry: testRegistry() }).steps.map((s) => [s.id, s.needs]));

describe('dependency inference', () => {
  it('takes explicit needs and every step read in with, if and foreach, once each', () => {
    expect(
      needsOf(`name: deps
steps:
  - { id: a, uses: test/echo }
  - { id: b, uses: test/echo }
  - { id: c, uses: test/echo }
  - { id: d, uses: test/echo }
  - id: e
    uses: test/echo
    needs: [d, a]
    if: steps.b.status == 'completed'
    foreach: \${{ steps.c.output }}
    with: { x: '\${{ steps.a.output }} \${{ steps.a.status }}', y: ['\${{ steps.b.output }}'] }
`).e,
    ).toEqual(['d', 'a', 'b', 'c']);
  });

  it('leaves independent steps without needs so they run in parallel', () => {
    expect(
      needsOf(`name: parallel
steps:
  - { id: one, uses: test/echo }
  - { id: two, uses: test/echo }
  - { id: three, uses: test/echo, with: '\${{ inputs }}' }
`),
    ).toEqual({ one: [], two: [], three: [] });
  });

  it('does not count outputs, which are read after every step', () => {
    expect(needsOf('name: o\nsteps:\n  - { id: a, uses: test/echo }\noutputs:\n  r: ${{ steps.a.output }}\n')).toEqual({ a: [] });
  });

  it('accepts needs on a step written later in the file', () => {
    expect(needsOf('name: later\nsteps:\n  - { id: a, uses: test/echo, needs: b }\n  - { id: b, uses: test/echo }\n')).toEqual({ a: ['b'], b: [] });
  });

  it('reads step ids with dashes and through literal indexes', () => {
    expect(
      needsOf(`name: dashed
steps:
  - { id: build-app, uses: test/echo }
  - { id: use, uses: test/echo, with: "\${{ steps['build-app'].output }} \${{ steps.build-app.status }}" }
`).use,
    ).toEqual(['build-app']);
  });
});

describe('cycles', () => {
  it('are reported once per loop, naming the loop in order', () => {
    const issues = checkWorkflow(`name: loops
steps:
  - { id: a, uses: test/echo, needs: b }
  - { id: b, uses: test/echo, with: '\${{ steps.c.output }}' }
  - { id: c, uses: test/echo, if: steps.a.status == 'completed' }
  - { id: ok, uses: test/echo, needs: a }
`);
    expect(issues.map((i) => i.message)).toEqual(['steps form a cycle: a → b → c → a; each needs the next, so none can start']);
    expect([issues[0]!.line, issues[0]!.column]).toEqual([3, 38]);
  });
});

describe('findCycles', () => {
  const graph = (edges: Record<string, string[]>) => findCycles(Object.keys(edges), new Map(Object.entries(edges)));

  it('finds none in a DAG', () => {
    expect(graph({ a: [], b: ['a'], c: ['a', 'b'], d: ['c'] })).toEqual([]);
  });

  it('finds each strongly connected group once, starting at its first step', () => {
    expect(graph({ a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'], f: ['a'] })).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('names the shortest loop through the first step', () => {
    expect(graph({ a: ['b', 'c'], b: ['c'], c: ['a'] })).toEqual([['a', 'c']]);
  });

  it('handles a chain of thousands of steps without overflowing the stack', () => {
    const n = 20_000;
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < n; i++) edges[`s${i}`] = i === 0 ? [`s${n - 1}`] : [`s${i - 1}`];
    const cycles = graph(edges);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });

  it('ignores edges to unknown steps, which are reported separately', () => {
    expect(graph({ a: ['missing'] })).toEqual([]);
  });
});
