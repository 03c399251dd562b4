import type { SchemaDialect } from './dialect.ts';

/**
 * Which OpenAI-compatible server a provider is, and what each kind gets by default for
 * structured output. The table is data on purpose: a new server is a new row, and docs/llm.md
 * shows the same table.
 */
export const PROVIDER_KINDS = ['openai', 'azure', 'openrouter', 'ollama', 'vllm', 'lmstudio', 'gemini', 'anthropic', 'generic'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const STRUCTURED_MODES = ['json_schema', 'json_mode', 'none'] as const;
export type StructuredMode = (typeof STRUCTURED_MODES)[number];

export interface KindDefaults {
  /** How the schema reaches the model. */
  structuredOutput: StructuredMode;
  /** Which JSON Schema subset it is written in. */
  schemaDialect: SchemaDialect;
  /** Sent as `json_schema.strict`. */
  strict: boolean;
  /** Why, in one line (shown in docs/llm.md). */
  why: string;
}

export const KIND_DEFAULTS: Record<ProviderKind, KindDefaults> = {
  openai: { structuredOutput: 'json_schema', schemaDialect: 'openai-strict', strict: true, why: 'strict structured outputs; refuses schemas outside the subset or over the limits' },
  azure: { structuredOutput: 'json_schema', schemaDialect: 'openai-strict', strict: true, why: 'the same validation as OpenAI (API version 2024-08-01-preview and later)' },
  openrouter: { structuredOutput: 'json_schema', schemaDialect: 'openai-strict', strict: true, why: 'passes the schema to the model’s provider; OpenAI models there apply OpenAI’s rules' },
  ollama: { structuredOutput: 'json_schema', schemaDialect: 'portable', strict: true, why: 'Ollama 0.5+ turns the schema into a grammar; `strict` is ignored' },
  vllm: { structuredOutput: 'json_schema', schemaDialect: 'portable', strict: true, why: 'guided decoding (xgrammar, outlines) from the schema' },
  lmstudio: { structuredOutput: 'json_schema', schemaDialect: 'portable', strict: true, why: 'grammar from the schema; LM Studio has no json_object mode' },
  gemini: { structuredOutput: 'json_schema', schemaDialect: 'portable', strict: true, why: 'Gemini’s OpenAI-compatible endpoint takes json_schema and ignores keywords it lacks' },
  anthropic: { structuredOutput: 'none', schemaDialect: 'portable', strict: true, why: 'Anthropic’s OpenAI-compatible endpoint ignores response_format; the schema goes in a system message' },
  generic: { structuredOutput: 'json_schema', schemaDialect: 'openai-strict', strict: true, why: 'unknown servers get what OpenAI accepts, which servers that copy it accept too' },
};

/** The kind a base URL belongs to, for hosted services whose address says so; `generic` otherwise. */
export function inferKind(baseURL: string, azureApiVersion: string | undefined): ProviderKind {
  if (azureApiVersion !== undefined) return 'azure';
  let host: string;
  try {
    host = new URL(baseURL).hostname.toLowerCase();
  } catch {
    return 'generic';
  }
  if (host === 'api.openai.com') return 'openai';
  if (host.endsWith('.openai.azure.com') || host.endsWith('.services.ai.azure.com') || host.endsWith('.cognitiveservices.azure.com')) return 'azure';
  if (host === 'openrouter.ai') return 'openrouter';
  if (host === 'generativelanguage.googleapis.com') return 'gemini';
  if (host === 'api.anthropic.com') return 'anthropic';
  return 'generic';
}
