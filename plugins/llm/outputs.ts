import { z } from 'zod';
import { AppSpecSchema } from '../parser/spec.ts';
import { filesAnswerSchema } from './files.ts';

/** The parser's answer: the spec and one note per decision. */
export const parseOutputSchema = z.object({ spec: AppSpecSchema, notes: z.array(z.string()) });

/**
 * Every structured answer the llm plugin asks a model for, by the name sent with its schema.
 * Steps take their schema from here (`structured(name, …)`), so a test can hold each one to
 * the providers' rules, and a new request is covered by adding its entry (test/llm/outputs.test.ts
 * refuses a `schemaName` written anywhere else).
 */
export const LLM_OUTPUTS = {
  app_spec: () => parseOutputSchema,
  module_files: (paths: readonly string[]) => filesAnswerSchema(paths, 'exactly'),
  repaired_files: (paths: readonly string[]) => filesAnswerSchema(paths, 'subset'),
} as const;

export type LlmOutputName = keyof typeof LLM_OUTPUTS;

/** `{ schema, schemaName }` for `llm.complete()`. */
export function structured<N extends LlmOutputName>(name: N, ...args: Parameters<(typeof LLM_OUTPUTS)[N]>): { schema: ReturnType<(typeof LLM_OUTPUTS)[N]>; schemaName: N } {
  const build = LLM_OUTPUTS[name] as (...a: Parameters<(typeof LLM_OUTPUTS)[N]>) => ReturnType<(typeof LLM_OUTPUTS)[N]>;
  return { schema: build(...args), schemaName: name };
}
