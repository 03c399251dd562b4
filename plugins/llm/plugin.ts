import { definePlugin } from '../../core/plugin/define.ts';
import { generateStep } from './generate.ts';
import { repairLoopStep } from './loop.ts';
import { parseStep } from './parse.ts';
import { repairStep } from './repair.ts';

/**
 * LLM-backed agents (see docs/llm.md): the parser, a generator plugin step for coders, and the
 * validate-and-repair loop. `llm/parse` falls back to the rule-based parser offline; the others
 * need an `llm:` config.
 */
export default definePlugin({
  name: 'llm',
  version: '0.1.0',
  description: 'Parser, coder and repair loop backed by a language model',
  steps: { parse: parseStep, generate: generateStep, repair: repairStep, 'repair-loop': repairLoopStep },
});
