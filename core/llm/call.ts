import { APIUserAbortError, type OpenAI } from 'openai';
import { z } from 'zod';
import { FatalStepError, StepError } from '../errors.ts';
import type { CompletionRecord } from './cache.ts';
import { LLM_ERROR, toStepError, type CallSite } from './errors.ts';
import type { Provider } from './provider.ts';
import type { Redactor } from './redact.ts';
import type { ResponseFormat } from './structured.ts';
import type { LlmMessage } from './types.ts';

/** Exactly what is sent, and therefore what identifies a call for memoization. */
export interface ChatRequest {
  model: string;
  messages: readonly LlmMessage[];
  responseFormat: ResponseFormat | undefined;
  temperature: number | undefined;
  maxTokens: number | undefined;
}

export interface CallOptions {
  stream: boolean;
  signal: AbortSignal | undefined;
  onText: (delta: string) => void;
}

// Only what we read is checked: OpenAI-compatible servers add and omit fields freely.
const usageSchema = z.object({ prompt_tokens: z.number().int().nonnegative(), completion_tokens: z.number().int().nonnegative() }).nullish();

const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    ),
  usage: usageSchema,
});

const chunkSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(z.object({ delta: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }).nullish(), finish_reason: z.string().nullish() }))
    .default([]),
  usage: usageSchema,
});

/** One chat completion against one provider, streamed or not; failures become StepErrors. */
export async function callProvider(provider: Provider, request: ChatRequest, options: CallOptions, redactor: Redactor): Promise<CompletionRecord> {
  const site: CallSite = { provider: provider.name, model: request.model, apiKeyEnv: provider.settings.apiKeyEnv };
  const client = provider.client;
  if (!client) {
    throw new FatalStepError(`provider '${provider.name}' has no API key: environment variable ${provider.settings.apiKeyEnv} is not set`, {
      code: LLM_ERROR.keyMissing,
      details: { provider: provider.name, apiKeyEnv: provider.settings.apiKeyEnv },
    });
  }
  const body = {
    model: request.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    ...(request.responseFormat === undefined ? {} : { response_format: request.responseFormat }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    ...(request.maxTokens === undefined ? {} : { [provider.settings.maxTokensParam]: request.maxTokens }),
  };
  const started = performance.now();
  try {
    const partial = options.stream
      ? await streamed(client, body, provider, options, site)
      : await whole(client, body, options.signal, site);
    const latencyMs = Math.round(performance.now() - started);
    return finish(partial, request, latencyMs);
  } catch (error) {
    throw toStepError(error, site, redactor);
  }
}

interface Reply {
  text: string;
  finishReason: string | null;
  model: string | undefined;
  usage: { prompt_tokens: number; completion_tokens: number } | null | undefined;
}

async function whole(client: OpenAI, body: object, signal: AbortSignal | undefined, site: CallSite): Promise<Reply> {
  const raw: unknown = await client.chat.completions.create(
    body as OpenAI.ChatCompletionCreateParamsNonStreaming,
    signal === undefined ? {} : { signal },
  );
  const parsed = completionSchema.safeParse(raw);
  if (!parsed.success) throw badResponse(site, 'the response has an unexpected shape');
  const choice = parsed.data.choices[0];
  // Some gateways answer 200 with no choice when the upstream model failed; asking again may work.
  if (!choice) throw badResponse(site, 'the response has an empty choice list');
  if (choice.message.refusal) throw refused(site, choice.message.refusal);
  return { text: choice.message.content ?? '', finishReason: choice.finish_reason ?? null, model: parsed.data.model, usage: parsed.data.usage };
}

/**
 * The client's timeout covers only the wait for response headers, so a stream that stalls
 * half-way is cut here when no chunk arrives within the provider's timeout.
 */
async function streamed(client: OpenAI, body: object, provider: Provider, options: CallOptions, site: CallSite): Promise<Reply> {
  const idle = new AbortController();
  const signal = options.signal === undefined ? idle.signal : AbortSignal.any([options.signal, idle.signal]);
  const timeoutMs = provider.settings.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => idle.abort(), timeoutMs);
  };
  const out: Reply = { text: '', finishReason: null, model: undefined, usage: undefined };
  try {
    const stream = await client.chat.completions.create(
      {
        ...(body as OpenAI.ChatCompletionCreateParamsStreaming),
        stream: true,
        ...(provider.settings.streamUsage ? { stream_options: { include_usage: true } } : {}),
      },
      { signal },
    );
    arm();
    let refusal = '';
    for await (const raw of stream) {
      arm();
      const chunk = chunkSchema.safeParse(raw);
      if (!chunk.success) throw badResponse(site, 'a streamed chunk has an unexpected shape');
      out.model ??= chunk.data.model;
      if (chunk.data.usage) out.usage = chunk.data.usage;
      const choice = chunk.data.choices[0];
      if (!choice) continue;
      if (choice.finish_reason) out.finishReason = choice.finish_reason;
      if (choice.delta?.refusal) refusal += choice.delta.refusal;
      const delta = choice.delta?.content;
      if (delta) {
        out.text += delta;
        options.onText(delta);
      }
    }
    // The client ends iteration quietly on abort, so partial text would pass as an answer.
    if (options.signal?.aborted) throw new APIUserAbortError();
    if (idle.signal.aborted) throw stalled(site, timeoutMs);
    if (refusal) throw refused(site, refusal);
    if (out.finishReason === null) throw badResponse(site, 'the stream ended before the answer was finished');
    return out;
  } catch (error) {
    if (idle.signal.aborted && !options.signal?.aborted) throw stalled(site, timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function finish(partial: Reply, request: ChatRequest, latencyMs: number): CompletionRecord {
  const usage = partial.usage;
  // Roughly four characters per token for English and code; marked as estimated.
  const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
  return {
    text: partial.text,
    finishReason: partial.finishReason,
    model: partial.model ?? request.model,
    promptTokens: usage ? usage.prompt_tokens : Math.ceil(promptChars / 4),
    completionTokens: usage ? usage.completion_tokens : Math.ceil(partial.text.length / 4),
    estimated: !usage,
    latencyMs,
  };
}

function stalled(site: CallSite, timeoutMs: number): StepError {
  return new StepError(`${site.provider} (${site.model}) stopped streaming for ${timeoutMs} ms`, {
    code: LLM_ERROR.timeout,
    details: { provider: site.provider, model: site.model },
  });
}

function badResponse(site: CallSite, what: string): StepError {
  return new StepError(`${site.provider} (${site.model}) sent a malformed response: ${what}`, {
    code: LLM_ERROR.badResponse,
    details: { provider: site.provider, model: site.model },
  });
}

function refused(site: CallSite, refusal: string): FatalStepError {
  return new FatalStepError(`${site.provider} (${site.model}) refused: ${refusal.slice(0, 500)}`, {
    code: LLM_ERROR.refused,
    details: { provider: site.provider, model: site.model },
  });
}
