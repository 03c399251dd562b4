import { APIError } from 'openai';
import { StepError } from '../errors.ts';
import { callProvider } from './call.ts';
import { parseLlmConfig } from './config.ts';
import { LLM_ERROR, toStepError } from './errors.ts';
import { createProviders, type Provider, type Providers } from './provider.ts';

export interface DoctorOptions {
  signal?: AbortSignal;
}

export interface ProviderCheck {
  provider: string;
  baseURL: string;
  model: string;
  ok: boolean;
  latencyMs: number;
  /** `models`: the model list answered; `completion`: a one-token completion did; `none`: nothing was sent. */
  check: 'models' | 'completion' | 'none';
  /** Whether the configured model is in the list (absent when no list was read). Azure lists base models, not deployments. */
  modelListed?: boolean;
  error?: { code: string; message: string };
}

/**
 * Asks every configured provider whether it answers, in parallel, with the cheapest request
 * there is: the model list, or a one-token completion where listing is not offered. Reports
 * never contain keys: errors pass through the same redaction as everything else.
 */
export async function doctor(
  /** The `llm:` section, raw (validated here) or already parsed. */
  rawConfig: unknown,
  env: Readonly<Record<string, string | undefined>>,
  options: DoctorOptions = {},
): Promise<ProviderCheck[]> {
  return checkProviders(createProviders(parseLlmConfig(rawConfig), env), options);
}

export async function checkProviders(providers: Providers, options: DoctorOptions = {}): Promise<ProviderCheck[]> {
  return Promise.all([...providers.byName.values()].map((p) => checkOne(p, providers, options)));
}

async function checkOne(provider: Provider, providers: Providers, options: DoctorOptions): Promise<ProviderCheck> {
  const { redactor } = providers;
  const base = { provider: provider.name, baseURL: redactor.text(provider.settings.baseURL), model: provider.settings.model };
  const site = { provider: provider.name, model: provider.settings.model, apiKeyEnv: provider.settings.apiKeyEnv };
  const client = provider.client;
  if (!client) {
    return {
      ...base,
      ok: false,
      latencyMs: 0,
      check: 'none',
      error: { code: LLM_ERROR.keyMissing, message: `environment variable ${provider.settings.apiKeyEnv} is not set` },
    };
  }
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const page = await client.models.list(options.signal === undefined ? {} : { signal: options.signal });
    const ids = page.data.map((m) => m.id);
    return { ...base, ok: true, latencyMs: elapsed(), check: 'models', modelListed: ids.includes(provider.settings.model) };
  } catch (error) {
    // Some servers (and Azure deployments) do not list models; a one-token answer proves as much.
    if (!(error instanceof APIError && (error.status === 404 || error.status === 405))) {
      return failed(base, elapsed(), 'models', toStepError(error, site, redactor));
    }
  }
  try {
    await callProvider(
      provider,
      { model: provider.settings.model, messages: [{ role: 'user', content: 'ping' }], responseFormat: undefined, temperature: 0, maxTokens: 1 },
      { stream: false, signal: options.signal, onText: () => {} },
      redactor,
    );
    return { ...base, ok: true, latencyMs: elapsed(), check: 'completion' };
  } catch (error) {
    return failed(base, elapsed(), 'completion', toStepError(error, site, redactor));
  }
}

function failed(base: Pick<ProviderCheck, 'provider' | 'baseURL' | 'model'>, latencyMs: number, check: ProviderCheck['check'], error: StepError): ProviderCheck {
  return { ...base, ok: false, latencyMs, check, error: { code: error.code, message: error.message } };
}
