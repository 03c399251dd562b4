import { z } from 'zod';
import { FatalStepError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { AppSpecSchema } from '../parser/spec.ts';
import { RevisionError } from './errors.ts';
import { MAX_REQUEST_LENGTH, reviseSpec } from './revise.ts';

/** `reviser/revise`: a spec and a change request to the revised spec, by rules (no model, no network). */
export default definePlugin({
  name: 'reviser',
  version: '0.1.0',
  description: 'Turns a follow-up request ("add a due date to todos") into edits of an app spec',
  steps: {
    revise: defineStep({
      description: 'Apply a change request to a spec; an ambiguous or impossible request fails with the reason and the choices',
      // The spec is checked by reviseSpec itself, so keys a newer spec schema added pass through.
      input: z.object({ spec: z.record(z.string(), z.unknown()), prompt: z.string().max(MAX_REQUEST_LENGTH) }),
      output: z.object({ spec: AppSpecSchema.loose(), changes: z.array(z.string()) }),
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        const parsed = AppSpecSchema.safeParse(input.spec);
        if (!parsed.success) {
          throw new FatalStepError('the parent spec is invalid', { code: 'spec_invalid', details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } });
        }
        try {
          const result = reviseSpec({ ...input.spec, ...parsed.data }, input.prompt);
          ctx.log.info(result.changes.join('; '), { changes: result.changes });
          return result;
        } catch (error) {
          if (!(error instanceof RevisionError)) throw error;
          throw new FatalStepError(error.message, { code: error.code, cause: error, details: error.details ?? {} });
        }
      },
    }),
  },
});
