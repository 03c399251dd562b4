import { FatalStepError, StepError } from '../errors.ts';
import { completionRecordSchema, memoryLlmCache, MemoryLru, type CompletionRecord, type LlmCache } from './cache.ts';
import { callProvider, type ChatRequest } from './call.ts';
import { parseLlmConfig, type LlmConfig } from './config.ts';
import { checkProviders, type DoctorOptions, type ProviderCheck } from './doctor.ts';
import { allowsFallback, LLM_ERROR } from './errors.ts';
import { sha256Hex, stableStringify } from './hash.ts';
import { createProviders, type Provider } from './provider.ts';
import type { Redactor } from './redact.ts';
import { resolveChain, type Target } from './routes.ts';
import { parseStructured, prepareSchema, repairMessages, responseFormat, schemaInstruction, type PreparedSchema, type ResponseFormat } from './structured.ts';
import type { CompleteRequest, LlmCompleter, LlmMessage, LlmResult } from './types.ts';
import { costOf, logUsageRecorder, sumUsage, type LlmUsage, type UsageRecorder } from './usage.ts';

export interface LlmClientOptions {
  /** Cross-run cache; by default an in-memory LRU when `cache.enabled`, else none. */
  cache?: LlmCache;
  usageRecorder?: UsageRecorder;
}

/** What plugin steps reach as `ctx.services.llm`. */
export interface LlmClient extends LlmCompleter {
  /** The validated config; it holds names of key variables, never keys. */
  readonly config: LlmConfig;
  /** The provider chain an agent's requests go to. */
  route(agent?: string): Target[];
  /** Checks that every provider answers; see `doctor`. */
  doctor(options?: DoctorOptions): Promise<ProviderCheck[]>;
}

// Bumped when the memo key's meaning changes, so old memos and cache entries stop matching.
const KEY_VERSION = 1;
// Identical calls from different steps of a run, served once per process.
const RUN_SHARED_ENTRIES = 256;

/**
 * Builds the LLM client from the `llm:` config and the environment that holds the keys (pass
 * `process.env` or `Deno.env.toObject()`; nothing here reads the environment itself).
 */
export function createLlmClient(
  /** The `llm:` section, raw (validated here, ConfigError when wrong) or already parsed. */
  rawConfig: unknown,
  env: Readonly<Record<string, string | undefined>>,
  options: LlmClientOptions = {},
): LlmClient {
  const config = parseLlmConfig(rawConfig);
  const providers = createProviders(config, env);
  const { redactor } = providers;
  const cache = options.cache ?? (config.cache.enabled ? memoryLlmCache(config.cache.maxEntries) : undefined);
  const recorder = options.usageRecorder ?? logUsageRecorder;
  const inStep = new WeakMap<object, Map<string, Promise<CompletionRecord>>>();
  const inRun = new MemoryLru<Promise<CompletionRecord>>(RUN_SHARED_ENTRIES);

  async function complete(request: CompleteRequest): Promise<LlmResult<unknown>> {
    const chain = resolveChain(config, request.agent);
    const failures: { target: Target; error: StepError }[] = [];
    for (const [i, target] of chain.entries()) {
      try {
        return await completeWith(target, request);
      } catch (error) {
        const aborted = (request.ctx?.signal ?? request.signal)?.aborted ?? false;
        if (!allowsFallback(error) || aborted) throw error;
        failures.push({ target, error: error as StepError });
        const next = chain[i + 1];
        if (next) {
          request.ctx?.log.warn('llm.fallback', {
            from: target.provider,
            to: next.provider,
            code: (error as StepError).code,
            message: (error as StepError).message,
          });
        }
      }
    }
    throw chainFailed(failures);
  }

  async function completeWith(target: Target, request: CompleteRequest): Promise<LlmResult<unknown>> {
    const provider = providers.byName.get(target.provider);
    if (!provider) throw new FatalStepError(`unknown llm provider '${target.provider}'`, { code: LLM_ERROR.notConfigured });
    const schema = request.schema;
    let messages: LlmMessage[] = [...request.messages];
    let format: ResponseFormat | undefined;
    let prepared: PreparedSchema | undefined;
    if (schema) {
      // Converted per provider: a fallback of another kind gets its own dialect.
      prepared = prepareSchema(schema, request.schemaName, provider.settings.schemaDialect);
      const mode = provider.settings.structuredOutput;
      format = responseFormat(mode, prepared.name, prepared.wire, provider.settings.strict);
      if (mode !== 'json_schema') messages = [schemaInstruction(prepared.wire), ...messages];
    }
    const turns = schema ? 1 + config.maxRepairTurns : 1;
    const records: CompletionRecord[] = [];
    const result = (value: unknown, last: CompletionRecord): LlmResult<unknown> => ({
      value,
      text: last.text,
      provider: provider.name,
      model: target.model,
      finishReason: last.finishReason,
      turns: records.length,
      usage: sumUsage(records.map((r) => usageOf(provider, target, request.agent, r, false))),
    });
    for (let turn = 1; ; turn++) {
      const chat: ChatRequest = { model: target.model, messages, responseFormat: format, temperature: request.temperature, maxTokens: request.maxTokens };
      const record = await once(provider, target, chat, request);
      records.push(record);
      if (!schema) return result(record.text, record);
      stopOnUnfinished(record, provider.name, target.model, request.schemaName, redactor);
      const parsed = parseStructured(record.text, schema, prepared?.source);
      if (parsed.ok) return result(parsed.value, record);
      if (turn >= turns) {
        throw new FatalStepError(
          `${provider.name} (${target.model}) gave no valid answer in ${turn} turn(s): ` +
            `${parsed.problem === 'invalid_json' ? 'invalid JSON' : 'schema mismatch'}: ${parsed.message}`,
          {
            code: LLM_ERROR.outputInvalid,
            details: redactor.value({
              provider: provider.name,
              model: target.model,
              turns: turn,
              problem: parsed.problem,
              issues: parsed.issues,
              excerpt: record.text.slice(0, 1000),
            }),
          },
        );
      }
      request.ctx?.log.warn('llm.repair', { provider: provider.name, model: target.model, turn, problem: parsed.problem, message: redactor.text(parsed.message) });
      messages = [...messages, ...repairMessages(record.text, parsed)];
    }
  }

  /**
   * One call, paid at most once per run: the same request again in the same step attempt
   * shares the first promise; in a later attempt of the step, `ctx.step` returns the stored
   * answer; in another step of the run on this process, the run-wide map does.
   */
  async function once(provider: Provider, target: Target, chat: ChatRequest, request: CompleteRequest): Promise<CompletionRecord> {
    const key = await sha256Hex(stableStringify({ v: KEY_VERSION, provider: provider.name, baseURL: provider.settings.baseURL, chat, salt: request.salt }));
    const fetch = () => fetchRecord(provider, target, chat, request, key);
    const ctx = request.ctx;
    if (!ctx) return fetch();
    let calls = inStep.get(ctx);
    if (!calls) inStep.set(ctx, (calls = new Map()));
    const known = calls.get(key);
    if (known) return known;
    const runKey = `${ctx.runId}:${key}`;
    const promise = ctx.step(`llm:${key}`, () => {
      const shared = inRun.get(runKey);
      if (shared) return shared;
      const fresh = fetch();
      inRun.set(runKey, fresh);
      fresh.catch(() => inRun.delete(runKey));
      return fresh;
    });
    calls.set(key, promise);
    promise.catch(() => calls.delete(key));
    return promise;
  }

  async function fetchRecord(provider: Provider, target: Target, chat: ChatRequest, request: CompleteRequest, key: string): Promise<CompletionRecord> {
    const ctx = request.ctx;
    const emit = (delta: string) => {
      // Tagged with the call, so a reader can tell a repair turn's text from the first answer's.
      ctx?.progress({ text: delta, llmCall: key.slice(0, 12) });
      request.onText?.(delta);
    };
    if (cache) {
      const hit = completionRecordSchema.safeParse(await cache.get(key).catch(() => undefined));
      if (hit.success) {
        recorder.record(ctx, usageOf(provider, target, request.agent, hit.data, true));
        if (request.stream) emit(hit.data.text);
        return hit.data;
      }
    }
    const signal = ctx?.signal ?? request.signal;
    const record = await callProvider(provider, chat, { stream: request.stream ?? false, signal, onText: emit }, redactor);
    recorder.record(ctx, usageOf(provider, target, request.agent, record, false));
    if (cache) {
      await cache.set(key, record).catch((error: unknown) => {
        ctx?.log.warn('llm.cache_write_failed', { message: redactor.text(error instanceof Error ? error.message : String(error)) });
      });
    }
    return record;
  }

  return {
    config,
    complete: complete as LlmCompleter['complete'],
    route: (agent) => resolveChain(config, agent),
    doctor: (doctorOptions) => checkProviders(providers, doctorOptions),
  };
}

/**
 * A structured answer cut at the token limit is half a JSON value, and one stopped by a content
 * filter is none: no repair turn fixes either, and asking again gets the same answer.
 */
function stopOnUnfinished(record: CompletionRecord, provider: string, model: string, schema: string | undefined, redactor: Redactor): void {
  const details = redactor.value({ provider, model, finishReason: record.finishReason, schema: schema ?? 'response', excerpt: record.text.slice(-300) });
  if (record.finishReason === 'length') {
    throw new FatalStepError(
      `${provider} (${model}) stopped at the token limit before finishing the JSON answer (finish_reason: length); ` + 'raise maxTokens or ask for less in one call',
      { code: LLM_ERROR.outputTruncated, details },
    );
  }
  if (record.finishReason === 'content_filter') {
    throw new FatalStepError(`${provider} (${model}) withheld the answer (finish_reason: content_filter)`, { code: LLM_ERROR.refused, details });
  }
}

function usageOf(provider: Provider, target: Target, agent: string | undefined, record: CompletionRecord, cached: boolean): LlmUsage {
  const usage: LlmUsage = {
    provider: provider.name,
    model: target.model,
    promptTokens: record.promptTokens,
    completionTokens: record.completionTokens,
    totalTokens: record.promptTokens + record.completionTokens,
    latencyMs: cached ? 0 : record.latencyMs,
    costUsd: cached ? 0 : costOf(provider.priceOf(target.model), record.promptTokens, record.completionTokens),
    cached,
    estimated: record.estimated,
  };
  if (agent !== undefined) usage.agent = agent;
  return usage;
}

/**
 * Every provider failed retryably. The primary's error leads, because the runner's next attempt
 * starts with the primary again and its Retry-After is the one that matters.
 */
function chainFailed(failures: readonly { target: Target; error: StepError }[]): StepError {
  const [first, ...rest] = failures;
  if (!first) return new StepError('no llm provider was tried', { code: LLM_ERROR.notConfigured, retryable: false });
  if (rest.length === 0) return first.error;
  const summary = rest.map((f) => `${f.target.provider}: ${f.error.code}`).join(', ');
  return new StepError(`${first.error.message}; fallbacks failed too (${summary})`, {
    code: first.error.code,
    retryable: true,
    details: {
      ...first.error.details,
      fallbacks: rest.map((f) => ({ provider: f.target.provider, model: f.target.model, code: f.error.code, message: f.error.message })),
    },
  });
}
