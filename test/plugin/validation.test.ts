import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FatalStepError, StepError } from '../../core/errors.ts';
import { definePlugin, defineStep, type StepSpec } from '../../core/plugin/define.ts';
import { PluginError, PluginRegistry } from '../../core/plugin/registry.ts';
import { fakeContext } from './helpers/context.ts';

const files = definePlugin({
  name: 'files',
  version: '1.0.0',
  steps: {
    write: defineStep({
      input: z.object({ files: z.array(z.object({ path: z.string().min(1), content: z.string() })), mode: z.enum(['create', 'overwrite']) }),
      output: z.object({ written: z.number().int() }),
      async run(_ctx, input) {
        // Returns a string where a number belongs when asked to, to exercise output validation.
        return { written: input.mode === 'overwrite' ? (String(input.files.length) as unknown as number) : input.files.length };
      },
    }),
  },
});

function resolved(uses: string) {
  const registry = new PluginRegistry();
  registry.register(files);
  const step = registry.resolve(uses);
  if (!step) throw new Error(`${uses} does not resolve`);
  return step;
}

describe('step input and output validation', () => {
  it('accepts valid input and returns the parsed output', async () => {
    await expect(resolved('files/write').run(fakeContext(), { files: [{ path: 'a', content: '' }], mode: 'create' })).resolves.toEqual({ written: 1 });
  });

  it('rejects invalid input with a fatal error naming plugin, step and each field', async () => {
    const error = await resolved('files/write')
      .run(fakeContext(), { files: [{ path: '', content: 1 }], mode: 'append' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FatalStepError);
    const fatal = error as FatalStepError;
    expect(fatal.code).toBe('step_input_invalid');
    expect(fatal.retryable).toBe(false);
    expect(fatal.message).toMatch(/^invalid input for files\/write: /);
    expect(fatal.message).toContain('files.0.path: ');
    expect(fatal.message).toContain('files.0.content: ');
    expect(fatal.message).toContain('mode: ');
    expect(fatal.details).toMatchObject({ plugin: 'files', step: 'write' });
    expect((fatal.details!.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['files.0.content', 'files.0.path', 'mode']);
  });

  it('names the root when the input is not an object at all', async () => {
    const error = (await resolved('files/write').run(fakeContext(), 'hello').catch((e: unknown) => e)) as FatalStepError;
    expect(error.message).toMatch(/^invalid input for files\/write: \(root\): /);
  });

  it('rejects output that breaks the step\'s own schema, naming plugin, step and field', async () => {
    const error = (await resolved('files/write')
      .run(fakeContext(), { files: [{ path: 'a', content: '' }], mode: 'overwrite' })
      .catch((e: unknown) => e)) as FatalStepError;
    expect(error).toBeInstanceOf(FatalStepError);
    expect(error.code).toBe('step_output_invalid');
    expect(error.message).toMatch(/^plugin files\/write returned invalid output: written: /);
    expect(error.details).toMatchObject({ plugin: 'files', step: 'write', issues: [{ path: 'written' }] });
  });

  it('resolves a version pin only when the plugin version satisfies it, and explains why not', () => {
    const registry = new PluginRegistry();
    registry.register(files);
    expect(registry.resolve('files/write@^1.0.0')).toBeDefined();
    expect(registry.resolve('files/write@^2')).toBeUndefined();
    expect(registry.explain('files/write@^2')).toBe("plugin 'files' is version 1.0.0, which does not satisfy '^2'");
    expect(registry.explain('files/read')).toBe("plugin 'files' has no step 'read'");
  });
});

describe('registering a plugin', () => {
  const step = defineStep({ input: z.unknown(), output: z.unknown(), run: async () => null });

  const noop = async (): Promise<null> => null;
  it.each<[string, Record<string, unknown>, string]>([
    ['a step without run', { input: z.unknown(), output: z.unknown() }, 'has no run function'],
    ['a step without an input schema', { output: z.unknown(), run: noop }, 'has no zod schema for its input'],
    ['a step whose output is a JSON Schema, not zod', { input: z.unknown(), output: { type: 'string' }, run: noop }, 'has no zod schema for its output'],
  ])('rejects %s, naming plugin and step', (_what, broken, problem) => {
    const registry = new PluginRegistry();
    const plugin = definePlugin({ name: 'js-plugin', version: '1.0.0', steps: { ok: step, broken: broken as unknown as StepSpec } });
    expect(() => registry.register(plugin, './js-plugin.js')).toThrow(`step 'js-plugin/broken' (./js-plugin.js) ${problem}`);
    expect(registry.has('js-plugin')).toBe(false);
  });

  it('rejects bad plugin and step names and a missing version with PluginError codes', () => {
    const registry = new PluginRegistry();
    const attempt = (spec: Parameters<typeof definePlugin>[0]) => {
      try {
        registry.register(definePlugin(spec), 'here');
        return 'registered';
      } catch (error) {
        return error instanceof PluginError ? `${error.code}: ${error.message}` : String(error);
      }
    };
    expect(attempt({ name: 'Bad_Name', version: '1.0.0', steps: {} })).toContain("plugin_invalid: plugin name 'Bad_Name'");
    expect(attempt({ name: 'ok', version: '1.0.0', steps: { 'no/slash': step } })).toContain("plugin_invalid: step name 'no/slash'");
    expect(attempt({ name: 'ok', version: '', steps: {} })).toBe("plugin_invalid: plugin 'ok' (here) has no version");
    expect(attempt({ name: 'ok', version: '1.0.0', steps: { fine: step } })).toBe('registered');
  });

  it('keeps StepError retryability of errors thrown by a step', async () => {
    const registry = new PluginRegistry();
    registry.register(
      definePlugin({
        name: 'errs',
        version: '1.0.0',
        steps: {
          retry: defineStep({ input: z.unknown(), output: z.unknown(), run: async () => Promise.reject(new StepError('rate limited', { code: 'rate_limited' })) }),
        },
      }),
    );
    const error = (await registry.resolve('errs/retry')!.run(fakeContext(), null).catch((e: unknown) => e)) as StepError;
    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true, message: 'rate limited' });
  });
});
