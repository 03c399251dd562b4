import { FatalStepError } from '../../core/errors.ts';
import { requireLlm } from '../../core/llm/index.ts';
import { defineStep } from '../../core/plugin/define.ts';
import { generatorInputSchema, generatorOutputSchema, type Module } from '../agents/schemas.ts';
import { generateApp } from '../generator-templates/generate.ts';
import { pathProblems } from './files.ts';
import { structured } from './outputs.ts';
import { generateMessages } from './prompts.ts';

/**
 * `llm/generate`: a generator plugin step (spec and module in, files out) whose files the coder
 * agent writes. The module's planned paths are the contract: an answer with other paths, or
 * without some, is refused.
 */
export const generateStep = defineStep({
  description: "Write a module's files with the coder agent (needs an llm: config)",
  input: generatorInputSchema,
  output: generatorOutputSchema,
  retry: { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 60_000 },
  timeout: 10 * 60_000,
  async run(ctx, input) {
    const llm = requireLlm(ctx);
    // Without a module the whole project is one module, with the paths the templates would write.
    const module: Module = input.module ?? { name: 'project', description: 'the whole project', paths: generateApp(input.spec).map((f) => f.path) };
    const { value } = await llm.complete({
      ctx,
      agent: 'coder',
      messages: generateMessages(input.spec, module),
      ...structured('module_files', module.paths),
      stream: true,
    });
    // The schema already refused such answers; this guards a memo written before a prompt change.
    const problems = pathProblems(value.files, module.paths, 'exactly');
    if (problems.length > 0) {
      throw new FatalStepError(`the coder answered other files than module ${module.name} plans: ${problems.join('; ')}`, { code: 'llm_files_mismatch' });
    }
    return { files: value.files };
  },
});
