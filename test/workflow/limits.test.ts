import { describe, expect, it } from 'vitest';
import { checkWorkflow, DEFAULT_MAX_BYTES, loadWorkflow, WorkflowValidationError } from '../../core/workflow/index.ts';
import { testRegistry } from './helpers/plugins.ts';

const small = 'name: small\nsteps:\n  - { id: a, uses: test/echo }\n';

describe('size limit', () => {
  it('refuses a file over maxBytes before parsing it, counting bytes not characters', () => {
    const padded = `${small}# ${'é'.repeat(200)}\n`;
    const bytes = new TextEncoder().encode(padded).byteLength;
    expect(checkWorkflow(padded, { maxBytes: bytes })).toEqual([]);
    const issues = checkWorkflow(padded, { maxBytes: bytes - 1, file: 'big.yaml' });
    expect(issues).toEqual([
      { path: 'big.yaml:1:1', file: 'big.yaml', line: 1, column: 1, message: `file is ${bytes} bytes; workflows are limited to ${bytes - 1} bytes (maxBytes)` },
    ]);
  });

  it('defaults to 256 KiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(262_144);
    const big = `${small}# ${'x'.repeat(DEFAULT_MAX_BYTES)}\n`;
    expect(checkWorkflow(big)[0]!.message).toContain('limited to 262144 bytes');
  });
});

describe('alias limit', () => {
  const aliases = (count: number) =>
    `name: aliases\nx: &x [1]\nsteps:\n  - id: a\n    uses: test/echo\n    with: [${Array.from({ length: count }, () => '*x').join(', ')}]\n`;

  it('expands a few aliases but refuses more than maxAliasCount', () => {
    expect(checkWorkflow(aliases(3)).map((i) => i.message)).toEqual(["x: unknown key 'x'; expected one of name, version, description, inputs, steps, outputs"]);
    const refused = checkWorkflow(aliases(3), { maxAliasCount: 2 });
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('aliases expand to more than 2 nodes');
    expect([refused[0]!.line, refused[0]!.column]).toEqual([6, 12]);
  });
});

describe('checkWorkflow', () => {
  it.each([
    ['a tab-indented file', 'name: x\nsteps:\n\t- id: a\n'],
    ['a scalar', '42'],
    ['null', 'null'],
    ['a bare string', 'just text'],
    ['binary noise', '\u0000\u0001\u0002: ['],
    ['a huge number of steps', `name: many\nsteps:\n${Array.from({ length: 3000 }, (_, i) => `  - { id: s${i}, uses: test/echo, needs: s${(i + 1) % 3000} }`).join('\n')}\n`],
    ['keys that are collections', 'name: x\n? [a, b]\n: 1\nsteps:\n  - { id: a, uses: test/echo }\n'],
    ['an expression in a key', 'name: x\nsteps:\n  - { id: a, uses: test/echo, with: { "${{ inputs.x }}": 1 } }\n'],
  ])('returns problems for %s instead of throwing', (_, source) => {
    expect(checkWorkflow(source, { registry: testRegistry() }).length).toBeGreaterThan(0);
  });

  it('checks the language without a registry, and plugins only with one', () => {
    const source = 'name: x\nsteps:\n  - { id: a, uses: nope/step }\n';
    expect(checkWorkflow(source)).toEqual([]);
    expect(checkWorkflow(source, { registry: testRegistry() }).map((i) => i.message)).toEqual(["steps.a.uses: no plugin named 'nope' is loaded"]);
  });

  it('names the source <workflow> when no file is given', () => {
    expect(checkWorkflow('name: x\n')[0]!.path).toBe('<workflow>:1:1');
    expect(() => loadWorkflow('name: x\n')).toThrow(WorkflowValidationError);
  });
});

describe('plugin schemas that cannot be checked statically', () => {
  it('leave a step to the run-time check instead of breaking the checker', async () => {
    const { z } = await import('zod');
    const { definePlugin, defineStep } = await import('../../core/plugin/define.ts');
    const registry = testRegistry();
    registry.register(
      definePlugin({
        name: 'picky',
        version: '1.0.0',
        steps: {
          throws: defineStep({
            input: z.object({ name: z.string().optional() }).refine((v) => (v.name as string).length > 0),
            output: z.unknown(),
            run: async () => null,
          }),
          async: defineStep({
            input: z.object({ name: z.string() }).refine(async () => true),
            output: z.unknown(),
            run: async () => null,
          }),
        },
      }),
    );
    const source = `name: picky
inputs:
  n: { type: string }
steps:
  - { id: a, uses: picky/throws, with: { name: '\${{ inputs.n }}' } }
  - { id: b, uses: picky/async, with: { name: x } }
`;
    expect(checkWorkflow(source, { registry })).toEqual([]);
  });
});
