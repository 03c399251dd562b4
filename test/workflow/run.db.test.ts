import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Runner } from '../../core/runner/runner.ts';
import { compileWorkflow } from '../../core/workflow/index.ts';
import { backend } from '../helpers/db.ts';
import { runnerFixture, type RunnerFixture } from '../helpers/runner.ts';
import { coordination, testRegistry } from './helpers/plugins.ts';

const registry = testRegistry();
let fx: RunnerFixture | undefined;

beforeEach(() => coordination.reset());
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

async function runYaml(source: string, input: unknown = {}) {
  fx ??= await runnerFixture({ resolver: registry });
  const compiled = await fx.runner.register(await compileWorkflow(source, { registry }));
  const { run } = await fx.runner.start(compiled.compiled.id, input);
  const done = await fx.runner.waitForRun(run.id, { timeoutMs: 20_000 });
  const steps = await fx.runner.getSteps(run.id);
  return { run: done, status: Object.fromEntries(steps.filter((s) => s.kind === 'step').map((s) => [s.key, s.status])), steps };
}

describe(`YAML workflows on the runner (${backend})`, () => {
  it('runs independent branches at the same time and joins them', async () => {
    // Each `run/meet` returns only when both are inside it together, so a serial runner would fail the run.
    const { run, status } = await runYaml(`name: branches
inputs:
  n: { type: number }
steps:
  - id: left
    uses: run/meet
    with: { group: branches, size: 2, value: '\${{ inputs.n }}' }
  - id: right
    uses: run/meet
    with: { group: branches, size: 2, value: 10 }
  - id: join
    uses: test/add
    with:
      a: \${{ steps.left.output }}
      b: \${{ steps.right.output }}
outputs:
  total: \${{ steps.join.output }}
  message: 'total is \${{ steps.join.output }}'
`, { n: 5 });
    expect(run.error).toBeNull();
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ total: 15, message: 'total is 15' });
    expect(status).toEqual({ left: 'completed', right: 'completed', join: 'completed' });
  });

  it('skips a step whose if is false, and its dependants unless they have an if of their own', async () => {
    const source = `name: skips
inputs:
  go: { type: boolean, default: false }
steps:
  - id: gated
    uses: test/echo
    if: inputs.go
    with: { v: 1 }
  - id: after
    uses: test/echo
    with: \${{ steps.gated.output }}
  - id: after-after
    uses: test/echo
    needs: after
  - id: decides
    uses: test/echo
    if: steps.gated.status == 'skipped'
    with: { saw: '\${{ steps.gated.status }}', output: '\${{ steps.gated.output }}' }
  - id: independent
    uses: test/echo
    with: { v: 2 }
outputs:
  after: \${{ steps.after.status }}
  decides: \${{ steps.decides.output }}
`;
    const skipped = await runYaml(source);
    expect(skipped.run.status).toBe('completed');
    expect(skipped.status).toEqual({ gated: 'skipped', after: 'skipped', 'after-after': 'skipped', decides: 'completed', independent: 'completed' });
    expect(skipped.run.output).toEqual({ after: 'skipped', decides: { saw: 'skipped', output: null } });

    const ran = await runYaml(source, { go: true });
    expect(ran.status).toEqual({ gated: 'completed', after: 'completed', 'after-after': 'completed', decides: 'skipped', independent: 'completed' });
    expect(ran.run.output).toEqual({ after: 'completed', decides: null });
  });

  it('fans out foreach items as child steps within the concurrency bound, in order', async () => {
    const { run, steps } = await runYaml(`name: fan-out
inputs:
  items: { type: array, items: { type: number } }
steps:
  - id: each
    uses: run/gauge
    foreach: { items: '\${{ inputs.items }}', concurrency: 2 }
    with: { value: '\${{ format(''{0}:{1}'', index, item) }}' }
outputs:
  results: \${{ steps.each.output }}
  count: \${{ length(steps.each.output) }}
`, { items: [5, 6, 7, 8, 9, 10] });
    expect(run.error).toBeNull();
    expect(run.output).toEqual({ results: ['0:5', '1:6', '2:7', '3:8', '4:9', '5:10'], count: 6 });
    expect(coordination.maxActive).toBe(2);
    expect(steps.filter((s) => s.kind === 'child')).toHaveLength(6);
  });

  it('gives null for a failed foreach child under continue-on-error, and fails the run without it', async () => {
    const lenient = await runYaml(`name: lenient
steps:
  - id: each
    uses: test/add
    foreach: [1, 'x', 3]
    with: { a: '\${{ item }}', b: 1 }
    continue-on-error: true
outputs:
  sums: \${{ steps.each.output }}
`);
    expect(lenient.run.status).toBe('completed');
    expect(lenient.run.output).toEqual({ sums: [2, null, 4] });

    const strict = await runYaml(`name: strict
steps:
  - id: each
    uses: test/add
    foreach: [1, 'x']
    with: { a: '\${{ item }}', b: 1 }
`);
    expect(strict.run.status).toBe('failed');
    expect(strict.run.error?.message).toContain('invalid input for test/add');
  });

  it('fails the run with a clear error when foreach is not a list', async () => {
    const { run } = await runYaml(`name: not-a-list
inputs:
  items: { type: string }
steps:
  - id: each
    uses: test/echo
    foreach: inputs.items
`, { items: 'abc' });
    expect(run.status).toBe('failed');
    expect(run.error?.message).toContain("foreach of step 'each' must give a list, got string");
  });

  it('keeps a started run on its version when the workflow changes mid-run', async () => {
    fx = await runnerFixture({ resolver: registry });
    const v1 = `name: versioned
steps:
  - id: wait
    uses: run/gate
    with: { name: v1, value: first }
  - id: finish
    uses: test/echo
    with: 'v1 saw \${{ steps.wait.output }}'
`;
    const v2 = v1.replace("'v1 saw", "'v2 saw").replace('name: v1', 'name: v2');
    const first = await fx.runner.register(await compileWorkflow(v1, { registry }));
    const { run: oldRun } = await fx.runner.start('versioned', {});
    await expect.poll(() => coordination.gates.has('v1')).toBe(true);

    const second = await fx.runner.register(await compileWorkflow(v2, { registry }));
    expect(second.compiled.id).not.toBe(first.compiled.id);
    const { run: newRun } = await fx.runner.start('versioned', {});
    expect([oldRun.workflowId, newRun.workflowId]).toEqual([first.compiled.id, second.compiled.id]);

    coordination.gate('v1').open();
    coordination.gate('v2').open();
    expect((await fx.runner.waitForRun(oldRun.id)).output).toBe('v1 saw first');
    expect((await fx.runner.waitForRun(newRun.id)).output).toBe('v2 saw first');
  });

  it('lets a process that never registered the version compile it from the stored source', async () => {
    fx = await runnerFixture({ resolver: registry, worker: false });
    const source = `name: stored
inputs:
  who: { type: string, default: world }
steps:
  - id: greet
    uses: test/echo
    with: 'hello \${{ inputs.who }}'
`;
    await fx.runner.register(await compileWorkflow(source, { registry }));
    const { run } = await fx.runner.start('stored', {});
    const other = new Runner({ db: fx.db, resolver: registry, loadWorkflow: (stored) => compileWorkflow(stored.source, { registry, file: stored.name }) });
    try {
      await other.worker({ pollMs: 100 });
      expect((await other.waitForRun(run.id)).output).toBe('hello world');
    } finally {
      await other.close(1_000);
    }
  });
});
