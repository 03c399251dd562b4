import { z } from 'zod';
import { FatalStepError } from '../../core/errors.ts';
import { requireLlm } from '../../core/llm/index.ts';
import { defineStep } from '../../core/plugin/define.ts';
import { fileSchema } from '../agents/schemas.ts';
import { AppSpecSchema } from '../parser/spec.ts';
import { validationReportSchema } from '../validators/index.ts';
import { applyReplacements, pathProblems } from './files.ts';
import { structured } from './outputs.ts';
import { repairMessages } from './prompts.ts';

export const repairInputSchema = z.object({
  spec: AppSpecSchema,
  files: z.array(fileSchema).min(1),
  report: validationReportSchema,
  round: z.number().int().min(1),
});
export const repairOutputSchema = z.object({ files: z.array(fileSchema), changed: z.array(z.string()) });

/**
 * `llm/repair`: one repair round. The coder sees the findings and the files they point at, and
 * may rewrite only those files; a finding without a file (a failed install) gives it nothing to
 * change, and the round reports no change.
 */
export const repairStep = defineStep({
  description: 'Fix the files a validation report found problems in, with the coder agent',
  input: repairInputSchema,
  output: repairOutputSchema,
  retry: { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 60_000 },
  timeout: 10 * 60_000,
  async run(ctx, input) {
    const llm = requireLlm(ctx);
    const findings = input.report.checks.flatMap((check) => check.findings);
    const flagged = new Set(findings.flatMap((f) => (f.file === undefined ? [] : [f.file])));
    const failing = input.files.filter((file) => flagged.has(file.path));
    if (failing.length === 0) {
      ctx.log.warn('no finding names a file of the project; nothing to repair');
      return { files: input.files, changed: [] };
    }
    const allowed = failing.map((file) => file.path);
    const { value } = await llm.complete({
      ctx,
      agent: 'coder',
      messages: repairMessages(input.spec, findings, failing),
      ...structured('repaired_files', allowed),
      stream: true,
    });
    const problems = pathProblems(value.files, allowed, 'subset');
    if (problems.length > 0) {
      throw new FatalStepError(`the repair changed files without findings: ${problems.join('; ')}`, { code: 'llm_files_mismatch' });
    }
    const result = applyReplacements(input.files, value.files);
    ctx.log.info(`repair round ${input.round} changed ${result.changed.length} file(s)`, { changed: result.changed });
    return result;
  },
});
