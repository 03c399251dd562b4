import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { FatalStepError, StepError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { openTestkit, runStep, type Testkit } from '../../core/plugin/testkit.ts';
import { WorkflowValidationError } from '../../core/workflow/index.ts';

const attempts = new Map<string, number>();

const words = definePlugin({
  name: 'words',
  version: '1.0.0',
  steps: {
    shout: defineStep({
      input: z.object({ text: z.string().min(1) }),
      output: z.object({ text: z.string() }),
      async run(_ctx, input) {
        return { text: `${input.text.toUpperCase()}!` };
      },
    }),
    // Spawns one `shout` per word and joins the results.
    sentence: defineStep({
      input: z.object({ words: z.array(z.string()) }),
      output: z.string(),
      async run(ctx, input) {
        const outputs = await ctx.spawn<{ text: string }>('each', input.words.map((text) => ({ uses: 'words/shout', input: { text } })));
        return outputs.map((o) => o.text).join(' ');
      },
    }),
    flaky: defineStep({
      input: z.object({ id: z.string() }),
      output: z.number(),
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 20 },
      async run(ctx, input) {
        attempts.set(input.id, (attempts.get(input.id) ?? 0) + 1);
        if (ctx.attempt === 1) throw new StepError('busy, try again', { code: 'busy' });
        return ctx.attempt;
      },
    }),
    refuse: defineStep({
      input: z.unknown(),
      output: z.unknown(),
      async run() {
        throw new FatalStepError('will never work', { code: 'refused', details: { why: 'policy' } });
      },
    }),
  },
});

let kit: Testkit;
beforeAll(async () => {
  kit = await openTestkit();
});
afterAll(async () => {
  await kit.close();
});

describe('testkit.runStep', () => {
  it('runs a step on the runner and returns its typed output', async () => {
    const output = await kit.runStep(words, 'shout', { text: 'hi' });
    expectTypeOf(output).toEqualTypeOf<{ text: string }>();
    expect(output).toEqual({ text: 'HI!' });
  });

  it('rejects invalid input with a FatalStepError naming plugin, step and field', async () => {
    const error = await kit.runStep(words, 'shout', { text: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalStepError);
    expect(error).toMatchObject({ code: 'step_input_invalid', retryable: false, details: { plugin: 'words', step: 'shout' } });
    expect((error as Error).message).toMatch(/^invalid input for words\/shout: text: /);
  });

  it('retries under the step\'s policy, and the policy can be overridden', async () => {
    await expect(kit.runStep(words, 'flaky', { id: 'a' })).resolves.toBe(2);
    expect(attempts.get('a')).toBe(2);
    const error = await kit.runStep(words, 'flaky', { id: 'b' }, { retry: { maxAttempts: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepError);
    expect(error).not.toBeInstanceOf(FatalStepError);
    expect(error).toMatchObject({ code: 'busy', message: 'busy, try again', retryable: true });
    expect(attempts.get('b')).toBe(1);
  });

  it('gives a fatal error back with its code and details, after one attempt', async () => {
    const error = await kit.runStep(words, 'refuse', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalStepError);
    expect(error).toMatchObject({ code: 'refused', message: 'will never work', details: { why: 'policy' } });
  });

  it('runs children that a step spawns', async () => {
    await expect(kit.runStep(words, 'sentence', { words: ['plugins', 'work'] })).resolves.toBe('PLUGINS! WORK!');
  });

  it('refuses a different plugin under a name the kit already has', async () => {
    const impostor = definePlugin({ name: 'words', version: '2.0.0', steps: {} });
    await expect(kit.runStep(impostor, 'shout' as never, {})).rejects.toMatchObject({ code: 'plugin_name_collision' });
  });
});

describe('testkit.runWorkflow', () => {
  const source = `name: greeting
inputs:
  who: { type: string }
steps:
  - id: loud
    uses: words/shout
    with: { text: 'hello \${{ inputs.who }}' }
  - id: all
    uses: words/sentence
    with: { words: ['a', 'b'] }
outputs:
  loud: \${{ steps.loud.output.text }}
  all: \${{ steps.all.output }}
`;

  it('returns the finished run with its steps', async () => {
    const run = await kit.runWorkflow(source, { input: { who: 'ada' } });
    expect(run.status).toBe('completed');
    expect(run.output).toEqual({ loud: 'HELLO ADA!', all: 'A! B!' });
    expect(Object.fromEntries(run.steps.filter((s) => s.kind === 'step').map((s) => [s.key, s.status]))).toEqual({ loud: 'completed', all: 'completed' });
    expect(run.steps.filter((s) => s.kind === 'child')).toHaveLength(2);
  });

  it('returns a failed run rather than throwing', async () => {
    const run = await kit.runWorkflow(`name: refusing\nsteps:\n  - id: no\n    uses: words/refuse\n`);
    expect(run.status).toBe('failed');
    expect(run.steps.find((s) => s.key === 'no')).toMatchObject({ status: 'failed', error: { code: 'refused' } });
  });

  it('throws the workflow\'s problems when it does not compile', async () => {
    await expect(kit.runWorkflow(`name: broken\nsteps:\n  - id: x\n    uses: words/whisper\n`)).rejects.toBeInstanceOf(WorkflowValidationError);
  });
});

describe('standalone helpers', () => {
  it('runStep opens its own database and closes it afterwards', async () => {
    const other = definePlugin({ name: 'other', version: '1.0.0', steps: { one: defineStep({ input: z.null(), output: z.literal(1), run: async () => 1 as const }) } });
    await expect(runStep(other, 'one', null, { plugins: [words] })).resolves.toBe(1);
  });
});
