import { z } from 'zod';
import { FatalStepError } from '../../core/errors.ts';
import { definePlugin, defineStep } from '../../core/plugin/define.ts';
import { generateApp } from '../generator-templates/generate.ts';
import { AppSpecSchema } from '../parser/spec.ts';
import { planModules } from './architect.ts';
import { knowledge } from '../parser/registry.ts';
import { checkCoverage, requestScore } from './coverage.ts';
import { reviewProject } from './review.ts';
import { fileSchema, findingSchema, generatorOutputSchema, planSchema, type ProjectFile } from './schemas.ts';

const DEFAULT_GENERATOR = 'templates/generate';
const generatorRef = z.string().regex(/^[a-z][a-z0-9-]*\/[a-z][a-zA-Z0-9-]*(@[0-9A-Za-z.^~<>=*+-]+)?$/, 'must name a plugin step, like templates/generate');

/** Merges the files children returned, refusing two children writing the same path. */
function merge(results: readonly { files: ProjectFile[] }[]): ProjectFile[] {
  const seen = new Map<string, ProjectFile>();
  for (const result of results) {
    for (const file of generatorOutputSchema.parse(result).files) {
      if (seen.has(file.path)) throw new FatalStepError(`two coders wrote ${file.path}`, { code: 'duplicate_file' });
      seen.set(file.path, file);
    }
  }
  return [...seen.values()];
}

/**
 * The agents of generation. Offline they are template-backed: the architect plans modules
 * from the template's file set, coders are generator steps spawned one per module, the tester
 * writes the test module the same way, and the reviewer checks the result against the spec.
 */
export default definePlugin({
  name: 'agents',
  version: '0.1.0',
  description: 'Architect, coders, tester and reviewer that turn a spec into a project',
  steps: {
    architect: defineStep({
      description: 'Plan the project: modules for coders and the test module for the tester',
      input: z.object({ spec: AppSpecSchema }),
      output: planSchema,
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        const plan = planModules(input.spec, generateApp(input.spec).map((f) => f.path));
        ctx.log.info(`planned ${plan.modules.length} modules`, { modules: plan.modules.map((m) => m.name) });
        return plan;
      },
    }),
    coder: defineStep({
      description: 'Write every module, one generator child step per module, in parallel',
      input: z.object({ spec: AppSpecSchema, plan: planSchema, generator: generatorRef.default(DEFAULT_GENERATOR), concurrency: z.number().int().min(1).max(32).default(4) }),
      output: z.object({ files: z.array(fileSchema), modules: z.number().int() }),
      async run(ctx, input) {
        const results = await ctx.spawn<{ files: ProjectFile[] }>(
          'module',
          input.plan.modules.map((module) => ({ uses: input.generator, input: { spec: input.spec, module } })),
          { concurrency: input.concurrency },
        );
        return { files: merge(results), modules: input.plan.modules.length };
      },
    }),
    tester: defineStep({
      description: "Write the project's tests",
      input: z.object({ spec: AppSpecSchema, plan: planSchema, files: z.array(fileSchema), generator: generatorRef.default(DEFAULT_GENERATOR) }),
      output: z.object({ files: z.array(fileSchema), tests: z.number().int() }),
      async run(ctx, input) {
        if (!input.plan.tests) return { files: input.files, tests: 0 };
        const [tests] = await ctx.spawn<{ files: ProjectFile[] }>('tests', [{ uses: input.generator, input: { spec: input.spec, module: input.plan.tests } }]);
        const testFiles = merge([tests!]);
        return { files: merge([{ files: input.files }, { files: testFiles }]), tests: testFiles.length };
      },
    }),
    reviewer: defineStep({
      description: 'Check the files against the request, the spec and the plan; score what was built of what was asked',
      input: z.object({
        spec: AppSpecSchema,
        plan: planSchema,
        files: z.array(fileSchema),
        /** The validators' score, when they ran first: the review's score scales it. */
        validationScore: z.number().int().min(0).max(100).optional(),
      }),
      output: z.object({
        passed: z.boolean(),
        findings: z.array(findingSchema),
        /** 0–100: the validation score times the share of the request that was built. */
        score: z.number().int().min(0).max(100),
        /** Sentences naming what was asked for and not built. */
        notBuilt: z.array(z.string()),
      }),
      retry: { maxAttempts: 1 },
      async run(ctx, input) {
        const findings = reviewProject(input.spec, input.plan, input.files);
        const coverage = checkCoverage(input.spec, input.files, knowledge);
        for (const f of findings) ctx.log.warn(`${f.file ? `${f.file}: ` : ''}${f.message}`, { severity: f.severity });
        const score = requestScore(coverage, input.validationScore);
        return { passed: !findings.some((f) => f.severity === 'error'), findings, score, notBuilt: coverage.notBuilt };
      },
    }),
  },
});
