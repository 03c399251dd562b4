import { z } from 'zod';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { SANDBOX_SERVICE, type SandboxConfig } from '../../core/sandbox/index.ts';
import { validateOptionsSchema } from './options.ts';
import { generatedFileSchema } from './project.ts';
import { validationReportSchema } from './report.ts';
import { validateProject } from './validate.ts';

/**
 * `validators/validate`: checks a generated project and returns the scored report. Problems in
 * the project are findings in the report, never a failed step, so a workflow can decide what a
 * failing report means (regenerate, warn, stop).
 */
export default definePlugin({
  name: 'validators',
  version: '0.1.0',
  description: 'Syntax, types, lint, security, and (in a sandbox) install, build and test of generated projects',
  steps: {
    validate: defineStep({
      description: 'Validate a generated project and score it from 0 to 100',
      input: z.object({ files: z.array(generatedFileSchema), options: validateOptionsSchema.optional() }),
      output: validationReportSchema,
      // Install, tsc, build and test each have their own limit (defaults add up to 14 minutes).
      timeout: 20 * 60_000,
      run(ctx, input) {
        return validateProject(input.files, input.options ?? {}, ctx.signal, ctx.services[SANDBOX_SERVICE] as SandboxConfig | undefined);
      },
    }),
  },
});
