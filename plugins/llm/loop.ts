import { z } from 'zod';
import { defineStep } from '../../core/plugin/define.ts';
import { fileSchema, type ProjectFile } from '../agents/schemas.ts';
import { AppSpecSchema } from '../parser/spec.ts';
import { validateOptionsSchema, validateProject, validationReportSchema, type ValidationReport } from '../validators/index.ts';
import { repairOutputSchema } from './repair.ts';

/**
 * `llm/repair-loop`: validate, and while the report fails and rounds remain, spawn one
 * `llm/repair` child and validate again. A spawn parks the step and runs it again from the top
 * once the child is done, so everything before a spawn must replay identically: each validation
 * is a memoized `ctx.step`, and each round's repair is a spawn group whose result the runner keeps.
 */
export const repairLoopStep = defineStep({
  description: 'Validate the project and let the coder repair it, for a bounded number of rounds',
  input: z.object({
    spec: AppSpecSchema,
    files: z.array(fileSchema).min(1),
    maxRounds: z.number().int().min(0).max(10).default(2),
    validateOptions: validateOptionsSchema.optional(),
  }),
  output: z.object({ files: z.array(fileSchema), rounds: z.number().int(), report: validationReportSchema }),
  timeout: 30 * 60_000,
  async run(ctx, input) {
    let files: ProjectFile[] = input.files;
    for (let round = 1; ; round++) {
      const current = files;
      const report: ValidationReport = await ctx.step(`validate-${round}`, () => validateProject(current, input.validateOptions ?? {}, ctx.signal));
      const rounds = round - 1;
      if (report.passed || rounds >= input.maxRounds) {
        ctx.log.info(`validation ${report.passed ? 'passed' : 'failed'} after ${rounds} repair round(s), score ${report.score}`);
        return { files, rounds, report };
      }
      const [repaired] = await ctx.spawn<unknown>(`round-${round}`, [{ uses: 'llm/repair', input: { spec: input.spec, files, report, round } }]);
      const result = repairOutputSchema.parse(repaired);
      // Another round with the same files would ask the same question and get the same answer.
      if (result.changed.length === 0) return { files, rounds: round, report };
      files = result.files;
    }
  },
});
