import { z } from 'zod';
import { ConfigError } from '../errors.ts';
import { formatIssues, zodIssues } from '../plugin/registry.ts';
import { SCHEMA_DIALECTS } from './dialect.ts';
import { inferKind, KIND_DEFAULTS, PROVIDER_KINDS, STRUCTURED_MODES } from './kinds.ts';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PROVIDER_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
// Credentials belong in the environment; a header like these in a config file is a key on disk.
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'api-key', 'x-api-key']);

/** US dollars per 1,000 tokens. */
export const priceSchema = z
  .object({
    prompt: z.number().nonnegative(),
    completion: z.number().nonnegative(),
  })
  .strict();

export type Price = z.output<typeof priceSchema>;

/**
 * One OpenAI-compatible endpoint. OpenAI, Azure OpenAI, Ollama, vLLM, LM Studio and
 * OpenRouter differ only in these values (examples in docs/llm.md).
 */
export const providerSchema = z
  .object({
    /**
     * Which server this is (`openai`, `azure`, `openrouter`, `ollama`, `vllm`, `lmstudio`, `gemini`,
     * `anthropic`, `generic`); it picks the defaults of `structuredOutput`, `schemaDialect` and
     * `strict`. Hosted services are recognised by their address; local servers say so here.
     */
    kind: z.enum(PROVIDER_KINDS).optional(),
    /** Up to and including the API version segment, e.g. `https://api.openai.com/v1`. */
    baseURL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
    /** Name of the environment variable holding the key; omit for servers without auth (Ollama). */
    apiKeyEnv: z.string().regex(ENV_NAME, 'must be the name of an environment variable, e.g. OPENAI_API_KEY').optional(),
    apiKey: z
      .never({ error: 'do not put an API key in the config; set apiKeyEnv to the name of an environment variable that holds it' })
      .optional(),
    /** Model used when a route names only this provider. */
    model: z.string().min(1),
    /** Set for Azure OpenAI's dated API (`api-version`, `api-key` header, deployment paths). */
    azureApiVersion: z.string().min(1).optional(),
    headers: z
      .record(z.string(), z.string())
      .default({})
      .refine((h) => Object.keys(h).every((name) => !SECRET_HEADERS.has(name.toLowerCase())), {
        error: 'credential headers are not allowed here; set apiKeyEnv instead',
      }),
    price: priceSchema.optional(),
    /** Prices of particular models on this provider, when routes use more than one. */
    modelPrices: z.record(z.string(), priceSchema).default({}),
    /** Per request: until the response starts, and between streamed chunks. */
    timeoutMs: z.number().int().positive().max(3_600_000).default(120_000),
    /**
     * How a schema reaches the model: `json_schema` (OpenAI structured outputs), `json_mode`
     * (`response_format: json_object` plus the schema in a system message) or `none` (the
     * system message only). Output is validated with zod in every mode. Default: by `kind`.
     */
    structuredOutput: z.enum(STRUCTURED_MODES).optional(),
    /** The JSON Schema subset the schema is written in (see core/llm/dialect.ts). Default: by `kind`. */
    schemaDialect: z.enum(SCHEMA_DIALECTS).optional(),
    /** Sent as `json_schema.strict`. Default: by `kind`. */
    strict: z.boolean().optional(),
    /** Ask streamed responses to end with token counts (`stream_options.include_usage`). */
    streamUsage: z.boolean().default(true),
    /** Newer OpenAI models want `max_completion_tokens`; many local servers know only `max_tokens`. */
    maxTokensParam: z.enum(['max_tokens', 'max_completion_tokens']).default('max_tokens'),
  })
  .strict()
  .transform((provider) => {
    const kind = provider.kind ?? inferKind(provider.baseURL, provider.azureApiVersion);
    const defaults = KIND_DEFAULTS[kind];
    return {
      ...provider,
      kind,
      structuredOutput: provider.structuredOutput ?? defaults.structuredOutput,
      schemaDialect: provider.schemaDialect ?? defaults.schemaDialect,
      strict: provider.strict ?? defaults.strict,
    };
  });

export type ProviderConfig = z.output<typeof providerSchema>;

/** A provider name, or a provider and one of its models. */
export const targetSchema = z.union([
  z.string().min(1),
  z.object({ provider: z.string().min(1), model: z.string().min(1).optional() }).strict(),
]);

export type TargetInput = z.output<typeof targetSchema>;

export const cacheSchema = z
  .object({
    /** Serve identical requests across runs from memory. Off by default: sampling is not deterministic. */
    enabled: z.boolean().default(false),
    maxEntries: z.number().int().positive().max(1_000_000).default(500),
  })
  .strict();

/** The `llm:` section of the platform config. */
export const llmConfigSchema = z
  .object({
    providers: z.record(z.string().regex(PROVIDER_NAME, 'provider names are letters, digits, _ and -'), providerSchema),
    /** Agent or step name → target; `default` serves every name without its own route. */
    routes: z.record(z.string().min(1), targetSchema).default({}),
    /** Provider name → targets tried in order when that provider fails with a retryable error. */
    fallbacks: z.record(z.string().min(1), z.array(targetSchema)).default({}),
    cache: cacheSchema.default({ enabled: false, maxEntries: 500 }),
    /** Extra turns that show the model its invalid JSON and the errors; each is a paid call. */
    maxRepairTurns: z.number().int().min(0).max(5).default(2),
  })
  .strict()
  .superRefine((config, ctx) => {
    const names = Object.keys(config.providers);
    if (names.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['providers'], message: 'configure at least one provider' });
      return;
    }
    const check = (target: TargetInput, path: (string | number)[]) => {
      const provider = typeof target === 'string' ? target : target.provider;
      if (!Object.hasOwn(config.providers, provider)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown provider '${provider}'; configured: ${names.join(', ')}` });
      }
    };
    for (const [agent, target] of Object.entries(config.routes)) check(target, ['routes', agent]);
    for (const [from, targets] of Object.entries(config.fallbacks)) {
      check(from, ['fallbacks', from]);
      targets.forEach((t, i) => check(t, ['fallbacks', from, i]));
    }
    if (config.routes.default === undefined && names.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['routes', 'default'],
        message: 'with more than one provider, add a default route for agents without their own',
      });
    }
  });

export type LlmConfig = z.output<typeof llmConfigSchema>;
export type LlmConfigInput = z.input<typeof llmConfigSchema>;

/** Validates the `llm:` section; throws ConfigError naming every wrong field. */
export function parseLlmConfig(raw: unknown): LlmConfig {
  const result = llmConfigSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = zodIssues(result.error).map((i) => ({ ...i, path: i.path === '(root)' ? 'llm' : `llm.${i.path}` }));
  throw new ConfigError(`llm config is invalid: ${formatIssues(result.error)}`, issues);
}
