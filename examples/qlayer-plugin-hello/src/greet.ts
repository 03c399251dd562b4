import { defineStep, z } from 'quantumlayer';

export const greet = defineStep({
  description: 'Greets someone by name',
  input: z.object({ name: z.string().min(1), excited: z.boolean().default(false) }),
  output: z.object({ message: z.string() }),
  // Pure and instant: nothing to retry, and a second of work would be a bug.
  retry: { maxAttempts: 1 },
  timeout: 1_000,
  async run(_ctx, input) {
    return { message: `Hello, ${input.name}${input.excited ? '!' : '.'}` };
  },
});
