import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FatalStepError, ValidationError } from '../../core/errors.ts';
import { DEFAULT_RETRY } from '../../core/runner/types.ts';
import { compileWorkflow, ExpressionError, WorkflowValidationError } from '../../core/workflow/index.ts';
import { fakeContext, scopeOf } from './helpers/context.ts';
import { testRegistry } from './helpers/plugins.ts';

const registry = testRegistry();
const compile = (source: string) => compileWorkflow(source, { registry, file: 'test.yaml' });
const stepOf = async (source: string, key: string) => {
  const step = (await compile(source)).steps.find((s) => s.key === key);
  if (!step) throw new Error(`no step ${key}`);
  return step;
};

describe('compileWorkflow', () => {
  const source = `name: sums
version: '2'
inputs:
  a: { type: number }
steps:
  - id: first
    uses: test/add
    with: { a: '\${{ inputs.a }}', b: 1 }
  - id: second
    uses: test/add
    with: { a: '\${{ steps.first.output }}', b: 10 }
`;

  it('identifies the version by the SHA-256 of the source, so any change is a new version', async () => {
    const compiled = await compile(source);
    expect(compiled.id).toBe(createHash('sha256').update(source).digest('hex'));
    expect(compiled).toMatchObject({ name: 'sums', version: '2', source });
    const changed = await compile(`${source}# a comment\n`);
    expect(changed.id).not.toBe(compiled.id);
    expect((await compile(source)).id).toBe(compiled.id);
  });

  it('makes one step definition per YAML step, with inferred dependencies', async () => {
    const compiled = await compile(source);
    expect(compiled.steps.map((s) => [s.key, s.needs])).toEqual([
      ['first', []],
      ['second', ['first']],
    ]);
  });

  it('runs the plugin step with the evaluated input', async () => {
    const compiled = await compile(source);
    const ctx = fakeContext();
    expect(await compiled.steps[0]!.execute(ctx, scopeOf({ a: 5 }))).toEqual({ skip: false, output: 6 });
    expect(await compiled.steps[1]!.execute(ctx, scopeOf({ a: 5 }, { first: ['completed', 6] }))).toEqual({ skip: false, output: 16 });
  });

  it('validates the evaluated input against the plugin schema at run time', async () => {
    const compiled = await compile(source);
    await expect(compiled.steps[0]!.execute(fakeContext(), scopeOf({ a: 'x' }))).rejects.toThrow(FatalStepError);
  });

  it('throws WorkflowValidationError for an invalid source', async () => {
    await expect(compile('name: x\nsteps: []\n')).rejects.toThrow(WorkflowValidationError);
  });

  it('outputs come from the outputs map when declared, and are absent otherwise', async () => {
    expect((await compile(source)).outputs).toBeUndefined();
    const compiled = await compile(`${source}outputs:\n  total: \${{ steps.second.output }}\n  text: 'got \${{ steps.second.output }}'\n`);
    expect(compiled.outputs!(scopeOf({}, { first: ['completed', 6], second: ['completed', 16] }))).toEqual({ total: 16, text: 'got 16' });
  });
});

describe('retry and timeout', () => {
  it("take the plugin step's policy by default", async () => {
    const step = await stepOf('name: r\nsteps:\n  - { id: s, uses: test/add, with: { a: 1, b: 2 } }\n', 's');
    expect(step.retry).toEqual({ ...DEFAULT_RETRY, maxAttempts: 5, initialDelayMs: 10 });
    expect(step.timeoutMs).toBe(2000);
  });

  it('are overridden field by field from the YAML', async () => {
    const step = await stepOf(
      'name: r\nsteps:\n  - { id: s, uses: test/add, with: { a: 1, b: 2 }, retry: { max-attempts: 2, max-delay: 1.5s }, timeout: 250ms }\n',
      's',
    );
    expect(step.retry).toEqual({ maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 1500 });
    expect(step.timeoutMs).toBe(250);
  });

  it('accept a bare number of attempts and minutes or hours', async () => {
    const step = await stepOf('name: r\nsteps:\n  - { id: s, uses: test/echo, retry: 1, timeout: 2h }\n', 's');
    expect(step.retry.maxAttempts).toBe(1);
    expect(step.timeoutMs).toBe(7_200_000);
  });
});

describe('if', () => {
  const source = `name: cond
inputs:
  go: { type: boolean }
steps:
  - id: a
    uses: test/echo
  - id: plain
    uses: test/echo
    with: { v: 1 }
  - id: bare
    uses: test/echo
    if: inputs.go
    with: { v: 2 }
  - id: wrapped
    uses: test/echo
    if: \${{ steps.a.status == 'skipped' }}
  - id: never
    uses: test/echo
    if: false
`;

  it('only steps with an if decide for themselves when a dependency was skipped', async () => {
    const compiled = await compile(source);
    expect(Object.fromEntries(compiled.steps.map((s) => [s.key, s.runsWhenDependencySkipped]))).toEqual({
      a: false,
      plain: false,
      bare: true,
      wrapped: true,
      never: true,
    });
  });

  it('skips with the condition as the reason when false, and runs when true', async () => {
    const bare = await stepOf(source, 'bare');
    expect(await bare.execute(fakeContext(), scopeOf({ go: false }))).toEqual({ skip: true, reason: 'if is false: inputs.go' });
    expect(await bare.execute(fakeContext(), scopeOf({ go: true }))).toEqual({ skip: false, output: { v: 2 } });
    const wrapped = await stepOf(source, 'wrapped');
    expect(wrapped.needs).toEqual(['a']);
    expect((await wrapped.execute(fakeContext(), scopeOf({}, { a: ['skipped', null] }))).skip).toBe(false);
    expect((await wrapped.execute(fakeContext(), scopeOf({}, { a: ['completed', 1] }))).skip).toBe(true);
    expect((await (await stepOf(source, 'never')).execute(fakeContext(), scopeOf({}))).skip).toBe(true);
  });
});

describe('foreach', () => {
  const source = `name: fan
inputs:
  files: { type: array }
steps:
  - id: each
    uses: test/add
    foreach: { items: '\${{ inputs.files }}', concurrency: 3 }
    with: { a: '\${{ item }}', b: '\${{ index }}' }
    retry: { max-attempts: 4 }
    timeout: 1s
    continue-on-error: true
  - id: literal
    uses: test/echo
    foreach: [x, y]
    with: 'item \${{ item }} at \${{ index }}'
  - id: bare
    uses: test/echo
    foreach: inputs.files
    with: \${{ item }}
`;

  it('spawns one child per item, with item and index bound and the step policy passed on', async () => {
    const step = await stepOf(source, 'each');
    const ctx = fakeContext((children) => children.map((c) => (c.input as { a: number; b: number }).a * 100));
    expect(await step.execute(ctx, scopeOf({ files: [1, 2, 3] }))).toEqual({ skip: false, output: [100, 200, 300] });
    expect(ctx.spawns).toHaveLength(1);
    const call = ctx.spawns[0]!;
    expect(call.group).toBe('each');
    expect(call.options).toEqual({ concurrency: 3 });
    expect(call.children).toEqual([1, 2, 3].map((a, b) => ({
      uses: 'test/add',
      input: { a, b },
      retry: { ...DEFAULT_RETRY, maxAttempts: 4, initialDelayMs: 10 },
      timeoutMs: 1000,
      continueOnError: true,
    })));
  });

  it('accepts a literal list and a bare expression', async () => {
    const literal = fakeContext();
    await (await stepOf(source, 'literal')).execute(literal, scopeOf({ files: [] }));
    expect(literal.spawns[0]!.children.map((c) => c.input)).toEqual(['item x at 0', 'item y at 1']);
    expect(literal.spawns[0]!.options).toBeUndefined();
    const bare = fakeContext();
    await (await stepOf(source, 'bare')).execute(bare, scopeOf({ files: ['p', 'q'] }));
    expect(bare.spawns[0]!.children.map((c) => c.input)).toEqual(['p', 'q']);
  });

  it('gives an empty list for no items without spawning', async () => {
    const ctx = fakeContext();
    expect(await (await stepOf(source, 'each')).execute(ctx, scopeOf({ files: [] }))).toEqual({ skip: false, output: [] });
    expect(ctx.spawns).toHaveLength(0);
  });

  it('fails clearly when the items are not a list', async () => {
    const step = await stepOf(source, 'bare');
    const failure = step.execute(fakeContext(), scopeOf({ files: 'not a list' }));
    await expect(failure).rejects.toThrow(ExpressionError);
    await expect(step.execute(fakeContext(), scopeOf({ files: 'x' }))).rejects.toThrow("foreach of step 'bare' must give a list, got string");
  });
});

describe('parseInput', () => {
  const source = `name: inputs
inputs:
  repo: { type: string, minLength: 3, pattern: '[a-z]+/[a-z]+' }
  count: { type: integer, default: 2, min: 1, max: 5 }
  mode: { type: string, enum: [fast, slow], default: fast }
  ratio: { type: number, required: false }
  tags: { type: array, items: { type: string }, maxItems: 2, required: false }
  flag: { type: boolean, default: false }
  meta: { type: object, required: false }
steps:
  - { id: a, uses: test/echo }
`;
  const issuesOf = async (input: unknown) => {
    const compiled = await compile(source);
    try {
      compiled.parseInput(input);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues;
    }
    throw new Error('expected a ValidationError');
  };

  it('applies defaults and keeps given values', async () => {
    const compiled = await compile(source);
    expect(compiled.parseInput({ repo: 'acme/app' })).toEqual({ repo: 'acme/app', count: 2, mode: 'fast', flag: false });
    expect(compiled.parseInput({ repo: 'acme/app', count: 5, ratio: 0.5, tags: ['x'], meta: { a: 1 }, flag: true })).toMatchObject({ count: 5, ratio: 0.5 });
  });

  it('treats null as not given', async () => {
    const compiled = await compile(source);
    expect(compiled.parseInput({ repo: 'acme/app', count: null })).toMatchObject({ count: 2 });
  });

  it('hands each run its own copy of a default', async () => {
    const compiled = await compile('name: d\ninputs:\n  list: { type: array, default: [1] }\nsteps:\n  - { id: a, uses: test/echo }\n');
    const first = compiled.parseInput({}) as { list: number[] };
    first.list.push(2);
    expect(compiled.parseInput({})).toEqual({ list: [1] });
  });

  it('names each bad input', async () => {
    expect(await issuesOf({})).toEqual([{ path: 'repo', message: 'is required' }]);
    const issues = await issuesOf({ repo: 'ab', count: 9, mode: 'medium', ratio: 'x', tags: ['a', 2], flag: 'yes' });
    expect(issues.map((i) => i.path).sort()).toEqual(['count', 'flag', 'mode', 'ratio', 'repo', 'repo', 'tags.1'].sort());
    expect(issues).toContainEqual({ path: 'count', message: 'must be at most 5' });
    expect(issues).toContainEqual({ path: 'mode', message: 'must be one of "fast", "slow"' });
    expect(issues).toContainEqual({ path: 'ratio', message: 'must be a number, not a string' });
    expect(issues).toContainEqual({ path: 'tags.1', message: 'must be a string, not a number' });
    expect(issues).toContainEqual({ path: 'repo', message: 'must match the pattern [a-z]+/[a-z]+' });
    expect(issues).toContainEqual({ path: 'flag', message: 'must be true or false, not a string' });
    expect(await issuesOf({ repo: 'acme/app', tags: ['a', 'b', 'c'] })).toEqual([{ path: 'tags', message: 'must have at most 2 items' }]);
  });

  it('rejects whole numbers that are not, and patterns that match only part', async () => {
    expect(await issuesOf({ repo: 'acme/app', count: 1.5 })).toEqual([{ path: 'count', message: 'must be a whole number' }]);
    expect((await issuesOf({ repo: 'x acme/app y' })).map((i) => i.path)).toEqual(['repo']);
  });

  it('rejects unknown inputs, suggesting the closest', async () => {
    expect(await issuesOf({ repo: 'acme/app', cuont: 1 })).toEqual([
      { path: 'cuont', message: "unknown input; did you mean 'count'?; inputs are repo, count, mode, ratio, tags, flag, meta" },
    ]);
  });

  it('rejects input that is not an object', async () => {
    expect(await issuesOf(['x'])).toEqual([{ path: '(root)', message: 'must be an object of named inputs, not an array' }]);
  });

  it('accepts no input for a workflow without inputs, and nothing else', async () => {
    const compiled = await compile('name: none\nsteps:\n  - { id: a, uses: test/echo }\n');
    expect(compiled.parseInput(undefined)).toEqual({});
    expect(() => compiled.parseInput({ x: 1 })).toThrow('unknown input: the workflow declares no inputs');
  });
});
