import { FatalStepError } from '../errors.ts';
import type { StepContext } from '../runner/types.ts';
import type { LlmClient } from './client.ts';
import { LLM_ERROR } from './errors.ts';

/** The key under which the platform installs the client in `ctx.services`. */
export const LLM_SERVICE = 'llm';

/**
 * The LLM client installed for this run, or undefined in offline mode; steps that can fall
 * back to templates branch on this.
 */
export function llmFrom(ctx: Pick<StepContext, 'services'>): LlmClient | undefined {
  const candidate = ctx.services[LLM_SERVICE] as Partial<LlmClient> | undefined;
  return typeof candidate?.complete === 'function' ? (candidate as LlmClient) : undefined;
}

/** The LLM client, or a fatal error that says how to configure one. */
export function requireLlm(ctx: Pick<StepContext, 'services'>): LlmClient {
  const client = llmFrom(ctx);
  if (client) return client;
  throw new FatalStepError('this step needs an LLM, but none is configured; add an llm: section to the config (see docs/llm.md)', {
    code: LLM_ERROR.notConfigured,
  });
}
