import OpenAI, { AzureOpenAI } from 'openai';
import type { LlmConfig, Price, ProviderConfig } from './config.ts';
import { Redactor } from './redact.ts';

export type { StructuredMode } from './kinds.ts';

/** A configured provider with its client; `client` is undefined while its key is missing. */
export interface Provider {
  name: string;
  settings: ProviderConfig;
  client: OpenAI | undefined;
  priceOf(model: string): Price | undefined;
}

export interface Providers {
  byName: Map<string, Provider>;
  /** Masks every key that was read, in anything about to be logged, stored or thrown. */
  redactor: Redactor;
}

// The openai client insists on a key; servers without auth ignore whatever is sent.
const NO_KEY = 'no-key';

/**
 * Builds one openai client per provider. Keys are read from `env` here, once, and live only
 * inside the clients. `maxRetries: 0` because the runner owns retries: its policy is durable
 * (it survives a worker crash), visible in the run's history, honours Retry-After across
 * attempts, and lets `complete()` try the next provider first; retries inside the client would
 * multiply with it and hide failures.
 */
export function createProviders(config: LlmConfig, env: Readonly<Record<string, string | undefined>>): Providers {
  const secrets: string[] = [];
  const byName = new Map<string, Provider>();
  for (const [name, settings] of Object.entries(config.providers)) {
    const key = settings.apiKeyEnv === undefined ? NO_KEY : env[settings.apiKeyEnv]?.trim() || undefined;
    if (key !== undefined && key !== NO_KEY) secrets.push(key);
    byName.set(name, {
      name,
      settings,
      client: key === undefined ? undefined : makeClient(settings, key),
      priceOf: (model) => settings.modelPrices[model] ?? settings.price,
    });
  }
  return { byName, redactor: new Redactor(secrets) };
}

function makeClient(settings: ProviderConfig, apiKey: string): OpenAI {
  const common = {
    apiKey,
    baseURL: settings.baseURL,
    defaultHeaders: settings.headers,
    timeout: settings.timeoutMs,
    maxRetries: 0,
    // The client's own debug log prints request details; ours records what matters, redacted.
    logLevel: 'off' as const,
    // Given explicitly so that the client reads nothing from the environment behind the config's back.
    organization: null,
    project: null,
    webhookSecret: null,
  };
  if (settings.azureApiVersion !== undefined) return new AzureOpenAI({ ...common, apiVersion: settings.azureApiVersion });
  return new OpenAI(common);
}
