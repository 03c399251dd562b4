import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FatalStepError } from '../../core/errors.ts';
import { createLlmClient } from '../../core/llm/client.ts';
import { summarizeUsage } from '../../core/llm/usage.ts';
import { fakeContext } from './fakeContext.ts';
import { answer, startFakeOpenAi, stream, type FakeOpenAi } from './fakeOpenAi.ts';
import { SECRET, configFor, env, failure } from './setup.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const plan = z.object({ title: z.string(), pages: z.array(z.string()).min(1) });

describe('complete() against an OpenAI-compatible server', () => {
  it('sends the messages to the routed model with the key from the environment and records usage', async () => {
    const llm = createLlmClient(configFor(fake, { price: { prompt: 0.5, completion: 1.5 } }), env);
    const ctx = fakeContext();
    fake.script(answer('Hello there', { prompt: 1000, completion: 2000 }));
    const result = await llm.complete({ ctx, agent: 'writer', messages: [{ role: 'user', content: 'Say hello' }], temperature: 0.2, maxTokens: 50 });

    expect(result.value).toBe('Hello there');
    expect(result).toMatchObject({ provider: 'local', model: 'fake-model', turns: 1 });
    const [request] = fake.chats();
    expect(request!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(request!.body).toEqual({ model: 'fake-model', messages: [{ role: 'user', content: 'Say hello' }], temperature: 0.2, max_tokens: 50 });

    const usage = summarizeUsage(ctx.events);
    expect(usage).toMatchObject({ calls: 1, promptTokens: 1000, completionTokens: 2000, totalTokens: 3000, costUsd: 3.5, unpricedCalls: 0 });
    expect(usage.byModel['local/fake-model']?.calls).toBe(1);
    const logged = ctx.events.find((e) => (e.data as { message?: string }).message === 'llm.usage');
    expect(logged?.data).toMatchObject({ level: 'info', data: { agent: 'writer', cached: false, estimated: false, costUsd: 3.5 } });
    expect(result.usage.costUsd).toBe(3.5);
  });

  it('uses max_completion_tokens where the provider asks for it, and a route that names a model', async () => {
    const llm = createLlmClient(
      { ...configFor(fake, { maxTokensParam: 'max_completion_tokens' }), routes: { coder: { provider: 'local', model: 'big-model' } } },
      env,
    );
    fake.script(answer('ok'), answer('ok'));
    await llm.complete({ agent: 'coder', messages: [{ role: 'user', content: 'x' }], maxTokens: 9 });
    await llm.complete({ agent: 'parser', messages: [{ role: 'user', content: 'x' }] });
    const [first, second] = fake.chats();
    expect(first!.body).toMatchObject({ model: 'big-model', max_completion_tokens: 9 });
    expect(first!.body).not.toHaveProperty('max_tokens');
    expect(second!.body?.model).toBe('fake-model');
  });

  it('streams tokens as progress events, in order, and takes usage from the last chunk', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    const seen: string[] = [];
    fake.script(stream(['Once ', 'upon ', 'a ', 'time'], { prompt: 9, completion: 4 }));
    const result = await llm.complete({ ctx, messages: [{ role: 'user', content: 'story' }], stream: true, onText: (d) => seen.push(d) });

    expect(result.text).toBe('Once upon a time');
    const progress = ctx.events.filter((e) => e.type === 'progress').map((e) => e.data as { text: string; llmCall: string });
    expect(progress.map((p) => p.text)).toEqual(['Once ', 'upon ', 'a ', 'time']);
    expect(new Set(progress.map((p) => p.llmCall)).size).toBe(1);
    expect(seen).toEqual(['Once ', 'upon ', 'a ', 'time']);
    expect(fake.chats()[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(summarizeUsage(ctx.events)).toMatchObject({ promptTokens: 9, completionTokens: 4 });
  });

  it('estimates tokens, and says so, when a stream reports no usage', async () => {
    const llm = createLlmClient(configFor(fake, { streamUsage: false }), env);
    const ctx = fakeContext();
    fake.script(stream(['abcd', 'efgh'], { prompt: 1, completion: 1 }));
    await llm.complete({ ctx, messages: [{ role: 'user', content: '12345678' }], stream: true });
    expect(fake.chats()[0]!.body).not.toHaveProperty('stream_options');
    const usage = ctx.events.find((e) => (e.data as { message?: string }).message === 'llm.usage')!.data as { data: Record<string, unknown> };
    expect(usage.data).toMatchObject({ estimated: true, promptTokens: 2, completionTokens: 2, costUsd: null });
    expect(summarizeUsage(ctx.events).unpricedCalls).toBe(1);
  });

  it('asks for structured output with the zod schema as JSON Schema and returns the parsed value', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(answer(JSON.stringify({ title: 'Todo', pages: ['Home'] })));
    const result = await llm.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan, schemaName: 'plan' });

    expect(result.value).toEqual({ title: 'Todo', pages: ['Home'] });
    const { $schema: _, ...schema } = z.toJSONSchema(plan) as Record<string, unknown>;
    expect(fake.chats()[0]!.body?.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'plan', schema, strict: true } });
  });

  it('feeds invalid JSON back to the model and accepts the corrected answer', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script(answer('{"title": "Todo", "pages": ['), answer('{"title":"Todo","pages":["Home"]}'));
    const result = await llm.complete({ ctx, messages: [{ role: 'user', content: 'plan' }], schema: plan });

    expect(result.value).toEqual({ title: 'Todo', pages: ['Home'] });
    expect(result.turns).toBe(2);
    const messages = fake.chats()[1]!.body?.messages as { role: string; content: string }[];
    expect(messages).toHaveLength(3);
    expect(messages[1]).toEqual({ role: 'assistant', content: '{"title": "Todo", "pages": [' });
    expect(messages[2]!.role).toBe('user');
    expect(messages[2]!.content).toMatch(/not valid JSON/);
    expect(summarizeUsage(ctx.events).calls).toBe(2);
    expect(result.usage.calls).toBe(2);
  });

  it('feeds schema violations back with the failing fields', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(answer('{"title": 42, "pages": []}'), answer('{"title":"Todo","pages":["Home"]}'));
    const result = await llm.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan });
    expect(result.value.pages).toEqual(['Home']);
    const feedback = (fake.chats()[1]!.body?.messages as { content: string }[])[2]!.content;
    expect(feedback).toMatch(/does not match the required schema/);
    expect(feedback).toMatch(/title:/);
    expect(feedback).toMatch(/pages:/);
  });

  it('gives up after the configured repair turns with a fatal, typed error', async () => {
    const llm = createLlmClient(configFor(fake), env);
    // A fourth call would get the fake's 500 and fail differently.
    fake.script(answer('no'), answer('still no'), answer('{"title": 1}'));
    const error = await failure(llm.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan }));
    expect(error).toBeInstanceOf(FatalStepError);
    expect(error).toMatchObject({ code: 'llm_output_invalid', details: { turns: 3, problem: 'schema_mismatch' } });
    expect(fake.chats()).toHaveLength(3);

    const strictOnce = createLlmClient(configFor(fake, {}, { maxRepairTurns: 0 }), env);
    fake.script(answer('nope'));
    expect(await failure(strictOnce.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan }))).toMatchObject({
      code: 'llm_output_invalid',
      details: { turns: 1, problem: 'invalid_json' },
    });
    expect(fake.chats()).toHaveLength(4);
  });

  it('uses JSON mode plus the schema in a system message where json_schema is not offered', async () => {
    const llm = createLlmClient(configFor(fake, { structuredOutput: 'json_mode' }), env);
    fake.script(answer('{"title":"A","pages":["B"]}'));
    await llm.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan });
    const body = fake.chats()[0]!.body!;
    expect(body.response_format).toEqual({ type: 'json_object' });
    const [system, user] = body.messages as { role: string; content: string }[];
    expect(system!.role).toBe('system');
    expect(system!.content).toMatch(/JSON/);
    expect(system!.content).toContain('"pages"');
    expect(user).toEqual({ role: 'user', content: 'plan' });
  });

  it('without any structured output support, still gets validated JSON out of a fenced reply', async () => {
    const llm = createLlmClient(configFor(fake, { structuredOutput: 'none' }), env);
    fake.script(answer('Sure! Here it is:\n```json\n{"title":"A","pages":["B"]}\n```\nAnything else?'));
    const result = await llm.complete({ messages: [{ role: 'user', content: 'plan' }], schema: plan });
    expect(result.value).toEqual({ title: 'A', pages: ['B'] });
    expect(fake.chats()[0]!.body).not.toHaveProperty('response_format');
  });

  it('sends configured extra headers (OpenRouter attribution) and no others of its own', async () => {
    const llm = createLlmClient(configFor(fake, { headers: { 'HTTP-Referer': 'https://qlayer.dev', 'X-Title': 'QuantumLayer' } }), env);
    fake.script(answer('ok'));
    await llm.complete({ messages: [{ role: 'user', content: 'x' }] });
    const headers = fake.chats()[0]!.headers;
    expect(headers['http-referer']).toBe('https://qlayer.dev');
    expect(headers['x-title']).toBe('QuantumLayer');
    expect(headers['openai-organization']).toBeUndefined();
  });

  it('talks to Azure OpenAI deployments with api-version and the api-key header', async () => {
    const llm = createLlmClient(
      { providers: { azure: { baseURL: `${fake.origin}/openai`, apiKeyEnv: 'FAKE_KEY', model: 'gpt4o-deploy', azureApiVersion: '2024-10-21' } } },
      env,
    );
    fake.script(answer('from azure'));
    const result = await llm.complete({ messages: [{ role: 'user', content: 'x' }] });
    expect(result.value).toBe('from azure');
    const request = fake.chats()[0]!;
    expect(request.url).toBe('/openai/deployments/gpt4o-deploy/chat/completions?api-version=2024-10-21');
    expect(request.headers['api-key']).toBe(SECRET);
    expect(request.headers.authorization).toBeUndefined();
  });

  it('works for servers without auth (Ollama) by sending a placeholder key', async () => {
    const llm = createLlmClient({ providers: { ollama: { baseURL: fake.baseURL, model: 'llama3.1:8b' } } }, {});
    fake.script(answer('local'));
    expect((await llm.complete({ messages: [{ role: 'user', content: 'x' }] })).value).toBe('local');
    expect(fake.chats()[0]!.headers.authorization).toBe('Bearer no-key');
  });
});
