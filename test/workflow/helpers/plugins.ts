import { z } from 'zod';
import { definePlugin, defineStep } from '../../../core/plugin/define.ts';
import { PluginRegistry } from '../../../core/plugin/registry.ts';

/**
 * A small plugin whose steps record what they were given, for checking `with` statically and
 * for running workflows: `test/echo` returns its input, `test/add` sums, `test/clone` has a
 * strict input with required and optional fields.
 */
export const testPlugin = definePlugin({
  name: 'test',
  version: '1.2.0',
  steps: {
    echo: defineStep({
      description: 'Returns its input',
      input: z.unknown(),
      output: z.unknown(),
      async run(_ctx, input) {
        return input;
      },
    }),
    add: defineStep({
      input: z.strictObject({ a: z.number(), b: z.number() }),
      output: z.number(),
      retry: { maxAttempts: 5, initialDelayMs: 10 },
      timeout: 2000,
      async run(_ctx, input) {
        return input.a + input.b;
      },
    }),
    clone: defineStep({
      input: z.strictObject({
        repo: z.string().min(1),
        branch: z.string().optional(),
        depth: z.number().int().min(1).optional(),
        files: z.array(z.string()).max(3).optional(),
        mode: z.union([z.literal('shallow'), z.strictObject({ depth: z.number() })]).optional(),
      }),
      output: z.object({ path: z.string() }),
      async run(_ctx, input) {
        return { path: `/tmp/${input.repo}` };
      },
    }),
    fail: defineStep({
      input: z.object({ message: z.string().optional() }),
      output: z.unknown(),
      async run(_ctx, input) {
        throw new Error(input.message ?? 'failed on purpose');
      },
    }),
  },
});

export const otherPlugin = definePlugin({
  name: 'github',
  version: '2.0.0',
  steps: {
    clone: defineStep({ input: z.object({ repo: z.string() }), output: z.unknown(), run: async () => null }),
    'open-pr': defineStep({ input: z.object({ title: z.string() }), output: z.unknown(), run: async () => null }),
  },
});

export function testRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  registry.register(testPlugin);
  registry.register(otherPlugin);
  return registry;
}
