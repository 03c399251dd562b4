import { z } from 'zod';
import { FatalStepError } from '../../../core/errors.ts';
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

/** Coordination for run tests: barriers that prove steps overlap, gates a test opens, and a concurrency gauge. */
export const coordination = {
  arrivals: new Map<string, number>(),
  gates: new Map<string, { opened: Promise<void>; open(): void }>(),
  active: 0,
  maxActive: 0,
  reset() {
    this.arrivals.clear();
    this.gates.clear();
    this.active = 0;
    this.maxActive = 0;
  },
  gate(name: string) {
    let found = this.gates.get(name);
    if (!found) {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      found = { opened, open };
      this.gates.set(name, found);
    }
    return found;
  },
};

const waitUntil = async (done: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline || signal.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
};

export const runPlugin = definePlugin({
  name: 'run',
  version: '1.0.0',
  steps: {
    // Returns only once `size` steps of the same group are inside it at the same time.
    meet: defineStep({
      input: z.object({ group: z.string(), size: z.number().int(), value: z.unknown().optional() }),
      output: z.unknown(),
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        coordination.arrivals.set(input.group, (coordination.arrivals.get(input.group) ?? 0) + 1);
        const met = await waitUntil(() => (coordination.arrivals.get(input.group) ?? 0) >= input.size, 5_000, ctx.signal);
        if (!met) throw new FatalStepError(`only ${coordination.arrivals.get(input.group)} of ${input.size} steps of '${input.group}' ran at the same time`);
        return input.value ?? null;
      },
    }),
    gate: defineStep({
      input: z.object({ name: z.string(), value: z.unknown().optional() }),
      output: z.unknown(),
      retry: { maxAttempts: 1 },
      async run(_ctx, input) {
        await coordination.gate(input.name).opened;
        return input.value ?? null;
      },
    }),
    // Records how many run at once.
    gauge: defineStep({
      input: z.object({ value: z.unknown() }),
      output: z.unknown(),
      retry: { maxAttempts: 1 },
      async run(_ctx, input) {
        coordination.active++;
        coordination.maxActive = Math.max(coordination.maxActive, coordination.active);
        await new Promise((resolve) => setTimeout(resolve, 60));
        coordination.active--;
        return input.value;
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
  registry.register(runPlugin);
  return registry;
}
