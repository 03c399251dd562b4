import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ValidationError } from '../../core/errors.ts';
import type { CompiledWorkflow, StepScope } from '../../core/runner/types.ts';
import { ExpressionError, WorkflowValidationError } from '../../core/workflow/errors.ts';
import { checkWorkflow, compileWorkflow, loadWorkflow } from '../../core/workflow/index.ts';
import { testRegistry } from '../workflow/helpers/plugins.ts';
import { assertNoCode, assertPrototypesUntouched, DANGEROUS_KEYS, hostileJson, prototypeSnapshot } from './hostile.ts';

const registry = testRegistry();
const FIXTURES = new URL('../workflow/fixtures/valid/', import.meta.url);
const valid = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'));

const KEYS = ['name', 'version', 'description', 'inputs', 'steps', 'outputs', 'id', 'uses', 'with', 'needs', 'if', 'foreach', 'items', 'concurrency', 'retry', 'timeout', 'continue-on-error', 'type', 'default', 'enum', 'pattern', 'min', 'max', 'required', ...DANGEROUS_KEYS];
const USES = ['test/echo', 'test/add', 'test/clone@^1.0.0', 'test/fail', 'nope/none', 'test', '../x', '__proto__/constructor'];
const EXPRESSIONS = ['${{ inputs.n }}', '${{ steps.a.output }}', '${{ inputs.__proto__ }}', "${{ steps['constructor'] }}", '${{ item }}', '${{ toJSON(run) }}', '${{', '}}', '${{ ) }}'];

const scalar = fc.oneof(
  fc.constantFrom(...USES, ...EXPRESSIONS, ...KEYS, '1s', '5m', '-1', 'true', 'null', '~', '*a', '&a x', '!!js/function x'),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** YAML-shaped values with workflow keys in them, some of them in the right places. */
const node: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), tie('node')), { maxLength: 5 }).map((pairs) => {
      // defineProperty, so `__proto__` becomes a key of the document rather than its prototype.
      const out: Record<string, unknown> = {};
      for (const [k, v] of pairs) Object.defineProperty(out, k, { value: v, enumerable: true, configurable: true, writable: true });
      return out;
    }),
  ),
})).node;

const workflowish = fc
  .record({
    name: fc.oneof(fc.constantFrom('ok', '', '__proto__', 'a b'), fc.string({ maxLength: 8 })),
    steps: fc.array(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', '__proto__', 'constructor', '$output', 'a/b'), uses: fc.constantFrom(...USES), with: node, needs: fc.constantFrom(undefined, 'a', ['a', 'b'], ['c'], 'constructor') }, { requiredKeys: ['id', 'uses'] }),
      { maxLength: 4 },
    ),
    inputs: node,
    outputs: node,
  }, { requiredKeys: ['name', 'steps'] })
  .map((doc) => doc as unknown);

const yamlText = fc.oneof(
  fc.oneof(node, workflowish).map((doc) => {
    try {
      return stringify(doc);
    } catch {
      return 'name: [unserializable';
    }
  }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 })).map(([text, edits]) => {
    // Splices that break indentation, quotes and expressions of real workflows.
    let out = text;
    for (const [at, cut, insert] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + insert + out.slice(i + cut);
    }
    return out;
  }),
);

function outcome<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

describe('workflow loader on bad input in bulk', () => {
  it('checkWorkflow never throws; loadWorkflow throws only WorkflowValidationError, with the same issues', () => {
    const before = prototypeSnapshot();
    let loaded = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        const issues = checkWorkflow(text, { registry });
        for (const issue of issues) {
          expect(issue.line).toBeGreaterThanOrEqual(1);
          expect(issue.column).toBeGreaterThanOrEqual(1);
          expect(typeof issue.message).toBe('string');
        }
        const result = outcome(() => loadWorkflow(text, { registry }));
        assertPrototypesUntouched(before);
        if (result.ok) {
          loaded++;
          expect(issues).toEqual([]);
        } else {
          expect(result.error).toBeInstanceOf(WorkflowValidationError);
          expect((result.error as WorkflowValidationError).issues).toEqual(issues);
        }
      }),
      { numRuns: 1_500 },
    );
    // Mutated fixtures that still load keep the later properties from being vacuous.
    expect(loaded).toBeGreaterThan(0);
  });

  it('compiled workflows refuse bad run input with ValidationError and evaluate outputs on hostile data safely', async () => {
    const before = prototypeSnapshot();
    const compiled: CompiledWorkflow[] = [];
    for (const source of valid) compiled.push(await compileWorkflow(source, { registry }));
    await fc.assert(
      fc.asyncProperty(yamlText, async (text) => {
        const result = await compileWorkflow(text, { registry }).then(
          (value) => ({ ok: true as const, value }),
          (error: unknown) => ({ ok: false as const, error }),
        );
        if (!result.ok) expect(result.error).toBeInstanceOf(WorkflowValidationError);
        else compiled.push(result.value);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...compiled), fc.oneof(hostileJson, fc.anything()), hostileJson, (workflow, input, data) => {
        const parsed = outcome(() => workflow.parseInput(input));
        if (!parsed.ok) expect(parsed.error).toBeInstanceOf(ValidationError);
        const scope: StepScope = {
          run: { id: 'run-1', workflow: workflow.name, attempt: 1 },
          input: parsed.ok ? parsed.value : data,
          steps: Object.fromEntries(workflow.steps.map((s) => [s.key, { status: 'completed' as const, output: data }])),
        };
        const output = outcome(() => workflow.outputs?.(scope));
        assertPrototypesUntouched(before);
        if (!output.ok) expect(output.error).toBeInstanceOf(ExpressionError);
        else assertNoCode(output.value);
      }),
      { numRuns: 1_500 },
    );
  });
});
