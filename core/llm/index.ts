/**
 * LLM access for plugin steps: named OpenAI-compatible providers, routes per agent with
 * fallbacks, structured output validated with zod, streamed tokens as run progress, usage
 * records, and memoization so that a run never pays twice for the same call. See docs/llm.md.
 */
export { createLlmClient, type LlmClient, type LlmClientOptions } from './client.ts';
export {
  llmConfigSchema,
  parseLlmConfig,
  providerSchema,
  priceSchema,
  type LlmConfig,
  type LlmConfigInput,
  type Price,
  type ProviderConfig,
} from './config.ts';
export { doctor, type DoctorOptions, type ProviderCheck } from './doctor.ts';
export { LLM_ERROR, type LlmErrorCode } from './errors.ts';
export { resolveChain, type Target } from './routes.ts';
export { llmFrom, requireLlm, LLM_SERVICE } from './service.ts';
export { memoryLlmCache, MemoryLru, completionRecordSchema, type CompletionRecord, type LlmCache } from './cache.ts';
export {
  recordUsage,
  summarizeUsage,
  sumUsage,
  costOf,
  logUsageRecorder,
  llmUsageSchema,
  USAGE_MESSAGE,
  type LlmUsage,
  type UsageRecorder,
  type UsageSummary,
  type UsageTotals,
} from './usage.ts';
export type { CompleteRequest, LlmCompleter, LlmContext, LlmMessage, LlmResult } from './types.ts';
