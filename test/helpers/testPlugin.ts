import { z } from 'zod';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { PluginRegistry } from '../../core/plugin/registry.ts';

/** Counts every execution of a keyed step, so tests can assert exactly-once and retries. */
export const executions = new Map<string, number>();

export const testPlugin = definePlugin({
  name: 'test',
  version: '1.0.0',
  steps: {
    double: defineStep({
      input: z.object({ n: z.number() }),
      output: z.number(),
      retry: { maxAttempts: 1 },
      async run(_ctx, input) {
        return input.n * 2;
      },
    }),
    slow: defineStep({
      input: z.object({ ms: z.number(), value: z.unknown().optional() }),
      output: z.unknown(),
      async run(ctx, input) {
        await new Promise((resolve, reject) => {
          const t = setTimeout(resolve, input.ms);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(t);
            reject(new Error('aborted'));
          });
        });
        return input.value ?? null;
      },
    }),
    flaky: defineStep({
      input: z.object({ id: z.string(), failTimes: z.number() }),
      output: z.number(),
      retry: { maxAttempts: 5, initialDelayMs: 10, maxDelayMs: 50 },
      async run(ctx, input) {
        const n = (executions.get(input.id) ?? 0) + 1;
        executions.set(input.id, n);
        if (ctx.attempt <= input.failTimes) throw new Error(`flaky failure ${ctx.attempt}`);
        return ctx.attempt;
      },
    }),
  },
});

export function testRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  registry.register(testPlugin);
  return registry;
}
