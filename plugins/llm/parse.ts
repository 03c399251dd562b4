import { z } from 'zod';
import { FatalStepError, QLayerError } from '../../core/errors.ts';
import { llmFrom } from '../../core/llm/index.ts';
import { defineStep } from '../../core/plugin/define.ts';
import { parsePrompt } from '../parser/parse.ts';
import { parseOutputSchema as parseOutput, structured } from './outputs.ts';
import { parseMessages } from './prompts.ts';

/** `llm/parse`: the parser agent; offline (no `llm:` config) the rule-based parser answers. */
export const parseStep = defineStep({
  description: 'Parse a prompt into an AppSpec with the LLM (the rule-based parser without one)',
  input: z.object({ prompt: z.string().min(1).max(4000) }),
  output: parseOutput,
  retry: { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 30_000 },
  async run(ctx, input) {
    const llm = llmFrom(ctx);
    if (!llm) {
      ctx.log.info('no LLM configured; parsing by rules');
      return parseByRules(input.prompt);
    }
    const { value } = await llm.complete({ ctx, agent: 'parser', messages: parseMessages(input.prompt), ...structured('app_spec') });
    ctx.log.info(`parsed a ${value.spec.kind} named ${value.spec.name.package}`, { entities: value.spec.entities.map((e) => e.name) });
    return value;
  },
});

/** The same prompt fails the same way on every attempt, so the parser's refusals are fatal. */
function parseByRules(prompt: string): z.input<typeof parseOutput> {
  try {
    return parsePrompt(prompt);
  } catch (error) {
    if (!(error instanceof QLayerError)) throw error;
    throw new FatalStepError(error.message, { code: error.code, ...(error.details === undefined ? {} : { details: error.details }) });
  }
}
