import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLlmClient } from '../../core/llm/client.ts';
import { parseLlmConfig } from '../../core/llm/config.ts';
import { fakeContext } from './fakeContext.ts';
import { answer, rateLimited, startFakeOpenAi, stream, type FakeOpenAi } from './fakeOpenAi.ts';
import { SECRET, configFor, env, failure } from './setup.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi({ models: ['fake-model'] });
});
afterEach(async () => {
  await fake.close();
});

const ask = [{ role: 'user' as const, content: 'plan a site' }];
const plan = z.object({ title: z.string().min(1), subtitle: z.string().optional(), pages: z.array(z.string()).min(1) });

async function post(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }): Promise<{ status: number; body: { error: Record<string, unknown> } }> {
  const res = await fetch(`${fake.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { error: Record<string, unknown> } };
}

describe('the contract server refuses what the API refuses', () => {
  const strictFormat = (schema: unknown) => ({ type: 'json_schema', json_schema: { name: 'plan', strict: true, schema } });

  it('answers with the status and the four-field error body of the API', async () => {
    const cases: [unknown, number, RegExp, string | null][] = [
      [{ messages: ask }, 400, /you must provide a model parameter/, null],
      [{ model: 'fake-model', messages: [] }, 400, /empty array/, 'messages'],
      [{ model: 'fake-model', messages: ask, stream_options: { include_usage: true } }, 400, /only allowed when 'stream' is enabled/, 'stream_options'],
      [{ model: 'fake-model', messages: ask, response_format: { type: 'json_object' } }, 400, /must contain the word 'json'/, 'messages'],
      [{ model: 'fake-model', messages: ask, temprature: 1 }, 400, /Unrecognized request argument supplied: temprature/, null],
      [{ model: 'fake-model', messages: ask, response_format: strictFormat(z.toJSONSchema(z.object({ title: z.string(), subtitle: z.string().optional() }))) }, 400, /'required' is required to be supplied .* Missing 'subtitle'/, 'response_format'],
      [{ model: 'gpt-5-typo', messages: ask }, 404, /does not exist/, null],
    ];
    for (const [body, code, message, param] of cases) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(code);
      expect(Object.keys(res.body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.param).toBe(param);
      expect(res.body.error.type).toBe('invalid_request_error');
    }
    expect((await post({ model: 'fake-model', messages: ask }, {})).status).toBe(401);
    expect(fake.refused).toHaveLength(cases.length + 1);
  });

  it('sends 429 with retry-after and the rate-limit body, which the client turns into a retryable error', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(rateLimited(7));
    const error = await failure(llm.complete({ messages: ask }));
    expect(error).toMatchObject({ code: 'llm_rate_limited', retryable: true, details: { status: 429, retryAfterMs: 7000 } });
    expect((error as Error).message).toMatch(/Rate limit reached/);
  });

  it('turns a request the API refuses into a fatal error quoting the API, before any scripted answer is used', async () => {
    const llm = createLlmClient(configFor(fake, { schemaDialect: 'portable', kind: 'generic' }), env);
    fake.script(answer('{}'));
    const error = await failure(llm.complete({ messages: ask, temperature: 3 }));
    expect(error).toMatchObject({ code: 'llm_request_rejected', retryable: false, details: { status: 400 } });
    expect((error as Error).message).toMatch(/decimal above maximum value/);
  });
});

describe('answers only real providers give', () => {
  it('reads null for an optional field as absent, whatever the dialect', async () => {
    for (const kind of ['generic', 'ollama'] as const) {
      const llm = createLlmClient(configFor(fake, { kind }), env);
      fake.script(answer('{"title":"Bakery","subtitle":null,"pages":["home"]}'));
      const { value } = await llm.complete({ messages: ask, schema: plan, schemaName: 'plan' });
      expect(value).toEqual({ title: 'Bakery', pages: ['home'] });
    }
    expect(fake.refused).toEqual([]);
    const sent = fake.chats()[0]!.body!.response_format as { json_schema: { schema: { required: string[]; properties: Record<string, unknown> } } };
    expect(sent.json_schema.schema.required).toEqual(['title', 'subtitle', 'pages']);
    expect(sent.json_schema.schema.properties.subtitle).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it('reports a refusal, streamed or not, as llm_refused (fatal)', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script({ kind: 'answer', content: '', refusal: "I'm sorry, I can't help with that." }, { kind: 'stream', chunks: [], refusal: "I'm sorry, I can't help with that." });
    for (const streamed of [false, true]) {
      const error = await failure(llm.complete({ messages: ask, schema: plan, stream: streamed, salt: String(streamed) }));
      expect(error).toMatchObject({ code: 'llm_refused', retryable: false });
      expect((error as Error).message).toContain("can't help with that");
    }
  });

  it('stops a structured answer cut at the token limit with llm_output_truncated, without repair turns', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script({ kind: 'answer', content: '{"title":"Bak', finishReason: 'length' }, { kind: 'stream', chunks: ['{"title"', ':"Bak'], finishReason: 'length' });
    for (const streamed of [false, true]) {
      const error = await failure(llm.complete({ messages: ask, schema: plan, schemaName: 'plan', stream: streamed, maxTokens: 5, salt: String(streamed) }));
      expect(error).toMatchObject({ code: 'llm_output_truncated', retryable: false, details: { finishReason: 'length', schema: 'plan' } });
      expect((error as Error).message).toMatch(/token limit.*raise maxTokens/);
    }
    expect(fake.chats()).toHaveLength(2);
    // A text answer cut the same way is returned, and says so.
    fake.script({ kind: 'answer', content: 'Once upon a', finishReason: 'length' });
    expect(await llm.complete({ messages: ask, maxTokens: 3 })).toMatchObject({ text: 'Once upon a', finishReason: 'length' });
  });

  it('treats an empty choice list as a malformed, retryable answer', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script({ kind: 'raw', status: 200, body: JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: 'fake-model', choices: [] }) });
    const error = await failure(llm.complete({ messages: ask }));
    expect(error).toMatchObject({ code: 'llm_bad_response', retryable: true });
    expect((error as Error).message).toMatch(/empty choice list/);
  });

  it('accepts JSON wrapped in Markdown fences even in json_schema mode', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(stream(['```json\n{"title":"Bakery",', '"subtitle":null,"pages":["home","menu"]}\n```']));
    const result = await llm.complete({ messages: ask, schema: plan, stream: true });
    expect(result.value).toEqual({ title: 'Bakery', pages: ['home', 'menu'] });
    expect(result.turns).toBe(1);
  });

  it('estimates usage, marked as such, when a stream ends without it', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script({ kind: 'stream', chunks: ['{"title":"A","subtitle":null,"pages":["b"]}'] });
    const result = await llm.complete({ ctx, messages: ask, schema: plan, stream: true });
    expect(result.usage.calls).toBe(1);
    expect(result.usage.completionTokens).toBeGreaterThan(0);
    const usage = ctx.events.find((e) => (e.data as { message?: string }).message === 'llm.usage');
    expect(usage?.data).toMatchObject({ data: { estimated: true } });
    expect(fake.chats()[0]!.body!.stream_options).toEqual({ include_usage: true });
  });
});

describe('structured output per provider kind', () => {
  it('recognises hosted services by their address and picks their mode and dialect', () => {
    const config = parseLlmConfig({
      providers: {
        openai: { baseURL: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
        azure: { baseURL: 'https://r.openai.azure.com/openai/v1', model: 'd' },
        openrouter: { baseURL: 'https://openrouter.ai/api/v1', model: 'm' },
        gemini: { baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai', model: 'gemini-2.5-flash' },
        anthropic: { baseURL: 'https://api.anthropic.com/v1', model: 'claude-sonnet-4-5' },
        ollama: { baseURL: 'http://localhost:11434/v1', model: 'qwen', kind: 'ollama' },
        local: { baseURL: 'http://localhost:8080/v1', model: 'x' },
      },
      routes: { default: 'openai' },
    });
    const pick = (name: string) => {
      const p = config.providers[name]!;
      return [p.kind, p.structuredOutput, p.schemaDialect];
    };
    expect(pick('openai')).toEqual(['openai', 'json_schema', 'openai-strict']);
    expect(pick('azure')).toEqual(['azure', 'json_schema', 'openai-strict']);
    expect(pick('openrouter')).toEqual(['openrouter', 'json_schema', 'openai-strict']);
    expect(pick('gemini')).toEqual(['gemini', 'json_schema', 'portable']);
    expect(pick('anthropic')).toEqual(['anthropic', 'none', 'portable']);
    expect(pick('ollama')).toEqual(['ollama', 'json_schema', 'portable']);
    expect(pick('local')).toEqual(['generic', 'json_schema', 'openai-strict']);
    // What the config says wins over the kind.
    expect(parseLlmConfig({ providers: { a: { baseURL: 'https://api.anthropic.com/v1', model: 'c', structuredOutput: 'json_mode' } } }).providers.a!.structuredOutput).toBe('json_mode');
  });

  it('sends Anthropic-kind providers the schema in a system message, without response_format', async () => {
    const llm = createLlmClient(configFor(fake, { kind: 'anthropic' }), env);
    fake.script(answer('{"title":"A","subtitle":null,"pages":["b"]}'));
    expect((await llm.complete({ messages: ask, schema: plan })).value).toEqual({ title: 'A', pages: ['b'] });
    const body = fake.chats()[0]!.body!;
    expect(body).not.toHaveProperty('response_format');
    expect((body.messages as { content: string }[])[0]!.content).toContain('"subtitle":{"anyOf"');
  });

  it('refuses, before sending, a schema over OpenAI’s limits for OpenAI-kind providers, and sends it to a local server', async () => {
    let deep: z.ZodType = z.object({ leaf: z.string() });
    for (let i = 0; i < 10; i++) deep = z.object({ next: deep });
    const openai = createLlmClient(configFor(fake, { kind: 'openai' }), env);
    const error = await failure(openai.complete({ messages: ask, schema: deep, schemaName: 'deep' }));
    expect(error).toMatchObject({ code: 'llm_schema_too_large', retryable: false, details: { schema: 'deep', limit: 'nesting depth', actual: 11, max: 10 } });
    expect(fake.chats()).toHaveLength(0);

    // vLLM's guided decoding has no such limit; the contract server (OpenAI's rules) is told to look away.
    const lenient = await startFakeOpenAi({ lenient: true });
    try {
      const vllm = createLlmClient(configFor(lenient, { kind: 'vllm' }), env);
      let value: unknown = { leaf: 'x' };
      for (let i = 0; i < 10; i++) value = { next: value };
      lenient.script(answer(JSON.stringify(value)));
      expect((await vllm.complete({ messages: ask, schema: deep, schemaName: 'deep' })).value).toEqual(value);
    } finally {
      await lenient.close();
    }
  });
});
