import { z } from 'zod';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { parsePrompt } from './parse.ts';
import { AppSpecSchema } from './spec.ts';

/** `parser/parse`: a plain-language prompt to an AppSpec, by rules (no model, no network). */
export default definePlugin({
  name: 'parser',
  version: '0.1.0',
  description: 'Turns a plain-language request into a typed application spec',
  steps: {
    parse: defineStep({
      description: 'Parse a prompt into an AppSpec; prompts that map to no supported kind fail with prompt_unsupported',
      input: z.object({ prompt: z.string() }),
      output: z.object({ spec: AppSpecSchema, notes: z.array(z.string()) }),
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        const result = parsePrompt(input.prompt);
        ctx.log.info(`parsed a ${result.spec.kind} named ${result.spec.name.package}`, {
          entities: result.spec.entities.map((e) => e.name),
          unresolved: result.spec.unresolved,
        });
        return result;
      },
    }),
  },
});
