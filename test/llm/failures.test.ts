import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FatalStepError, StepError, toErrorInfo } from '../../core/errors.ts';
import { createLlmClient } from '../../core/llm/client.ts';
import { fakeContext } from './fakeContext.ts';
import { answer, startFakeOpenAi, status, stream, type FakeOpenAi } from './fakeOpenAi.ts';
import { SECRET, configFor, env, failure, providerFor } from './setup.ts';

let fake: FakeOpenAi;
let backup: FakeOpenAi;
beforeEach(async () => {
  [fake, backup] = await Promise.all([startFakeOpenAi(), startFakeOpenAi()]);
});
afterEach(async () => {
  await Promise.all([fake.close(), backup.close()]);
});

const ask = [{ role: 'user' as const, content: 'hello' }];

describe('provider failures', () => {
  it('turns a 429 into a retryable error carrying Retry-After, without retrying inside the client', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(status(429, 'Rate limit reached', { 'retry-after': '2' }));
    const error = await failure(llm.complete({ messages: ask }));
    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({ retryable: true, code: 'llm_rate_limited', details: { provider: 'local', status: 429, retryAfterMs: 2000 } });
    expect(fake.chats()).toHaveLength(1);
  });

  it('prefers retry-after-ms, and reads HTTP dates', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(status(429, 'slow down', { 'retry-after-ms': '1500', 'retry-after': '9' }));
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ details: { retryAfterMs: 1500 } });
    fake.script(status(429, 'slow down', { 'retry-after': new Date(Date.now() + 60_000).toUTCString() }));
    const wait = ((await failure(llm.complete({ messages: ask }))) as StepError).details!.retryAfterMs as number;
    expect(wait).toBeGreaterThan(55_000);
    expect(wait).toBeLessThanOrEqual(60_000);
  });

  it('treats 5xx as retryable and makes exactly one request', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(status(503, 'overloaded'));
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ retryable: true, code: 'llm_unavailable', details: { status: 503 } });
    expect(fake.chats()).toHaveLength(1);
  });

  it('treats a rejected key as fatal, names the variable, and never shows the key even when the server echoes it', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(status(401, `Incorrect API key provided: ${SECRET}.`));
    const error = await failure(llm.complete({ messages: ask }));
    expect(error).toBeInstanceOf(FatalStepError);
    expect(error).toMatchObject({ code: 'llm_auth_failed', retryable: false });
    const message = (error as Error).message;
    expect(message).toContain('$FAKE_KEY');
    expect(message).toContain('[redacted]');
    expect(JSON.stringify(toErrorInfo(error))).not.toContain(SECRET);
    expect(String((error as Error).stack)).not.toContain(SECRET);
  });

  it('treats other 4xx answers as fatal', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(status(400, 'bad request'), status(404, 'The model does not exist'));
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_request_rejected', retryable: false });
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_not_found', retryable: false });
  });

  it('times out a server that never answers, as a retryable error', async () => {
    const llm = createLlmClient(configFor(fake, { timeoutMs: 300 }), env);
    fake.script({ kind: 'hang' });
    const started = Date.now();
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(fake.chats()).toHaveLength(1);
  });

  it('times out a stream that stalls half-way', async () => {
    const llm = createLlmClient(configFor(fake, { timeoutMs: 300 }), env);
    const ctx = fakeContext();
    fake.script({ kind: 'stream', chunks: ['a', 'b', 'c'], stallAfter: 2 });
    expect(await failure(llm.complete({ ctx, messages: ask, stream: true }))).toMatchObject({ code: 'llm_timeout', retryable: true });
    expect(ctx.events.filter((e) => e.type === 'progress').map((e) => (e.data as { text: string }).text)).toEqual(['a', 'b']);
  });

  it('does not take a cut-off stream for an answer', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script({ kind: 'stream', chunks: ['{"title":', '"x"}'], cutAfter: 1 });
    expect(await failure(llm.complete({ messages: ask, stream: true }))).toMatchObject({ code: 'llm_bad_response', retryable: true });
  });

  it('reports a stream aborted by the step as aborted, not as a short answer', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script({ kind: 'stream', chunks: ['a', 'b', 'c'], stallAfter: 1 });
    setTimeout(() => ctx.abort(), 150);
    expect(await failure(llm.complete({ ctx, messages: ask, stream: true }))).toMatchObject({ code: 'llm_aborted' });
  });

  it('reports malformed responses as retryable and refusals as fatal', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script({ kind: 'raw', status: 200, body: '{"choices": []}' }, { kind: 'answer', content: '', refusal: 'I cannot help with that' });
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_bad_response', retryable: true });
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_refused', retryable: false });
  });

  it('fails fast, before any request, when the key variable is not set', async () => {
    const llm = createLlmClient(configFor(fake), {});
    const error = await failure(llm.complete({ messages: ask }));
    expect(error).toMatchObject({ code: 'llm_key_missing', retryable: false });
    expect((error as Error).message).toContain('FAKE_KEY');
    expect(fake.requests).toHaveLength(0);
  });

  it('reports an aborted call as aborted and does not fall back', async () => {
    const llm = createLlmClient(
      { providers: { a: providerFor(fake), b: providerFor(backup) }, routes: { default: 'a' }, fallbacks: { a: ['b'] } },
      env,
    );
    const controller = new AbortController();
    fake.script({ kind: 'hang' });
    setTimeout(() => controller.abort(), 100);
    expect(await failure(llm.complete({ messages: ask, signal: controller.signal }))).toMatchObject({ code: 'llm_aborted' });
    expect(backup.requests).toHaveLength(0);
  });
});

describe('fallback chain', () => {
  const chained = () =>
    createLlmClient(
      {
        providers: { primary: providerFor(fake), backup: providerFor(backup, { apiKeyEnv: 'OTHER_KEY', model: 'backup-model' }) },
        routes: { default: 'primary' },
        fallbacks: { primary: ['backup'] },
      },
      env,
    );

  it('moves to the next provider on a retryable failure and says so in the log', async () => {
    const llm = chained();
    const ctx = fakeContext();
    fake.script(status(500, 'boom'));
    backup.script(answer('from backup'));
    const result = await llm.complete({ ctx, messages: ask });
    expect(result).toMatchObject({ value: 'from backup', provider: 'backup', model: 'backup-model' });
    expect(backup.chats()[0]!.headers.authorization).toBe(`Bearer ${env.OTHER_KEY}`);
    const warning = ctx.events.find((e) => (e.data as { message?: string }).message === 'llm.fallback');
    expect(warning?.data).toMatchObject({ level: 'warn', data: { from: 'primary', to: 'backup', code: 'llm_unavailable' } });
  });

  it('does not fall back on fatal errors', async () => {
    const llm = chained();
    fake.script(status(401, 'bad key'));
    expect(await failure(llm.complete({ messages: ask }))).toMatchObject({ code: 'llm_auth_failed' });
    expect(backup.requests).toHaveLength(0);
  });

  it("when every provider fails, throws the primary's retryable error with the others in details", async () => {
    const llm = chained();
    fake.script(status(429, 'limit', { 'retry-after': '3' }));
    backup.script({ kind: 'status', status: 502, message: 'bad gateway' });
    const error = (await failure(llm.complete({ messages: ask }))) as StepError;
    expect(error).toMatchObject({ code: 'llm_rate_limited', retryable: true, details: { retryAfterMs: 3000 } });
    expect(error.details!.fallbacks).toEqual([expect.objectContaining({ provider: 'backup', code: 'llm_unavailable' })]);
  });

  it('keeps every key out of everything it emits, across all failure kinds', async () => {
    const llm = chained();
    const ctx = fakeContext();
    const errors: unknown[] = [];
    const echo = (code: number) => status(code, `rejected key ${SECRET} / ${env.OTHER_KEY}`, { 'retry-after': '1' });
    fake.script(echo(429), echo(500), echo(401), stream(['fine']));
    backup.script(echo(503), echo(500));
    for (let i = 0; i < 3; i++) errors.push(await failure(llm.complete({ ctx, messages: ask })));
    await llm.complete({ ctx, messages: [{ role: 'user', content: 'stream please' }], stream: true });
    const emitted = JSON.stringify({ events: ctx.events, errors: errors.map(toErrorInfo), messages: errors.map((e) => String(e)) });
    expect(emitted).toContain('[redacted]');
    expect(emitted).not.toContain(SECRET);
    expect(emitted).not.toContain('5EcReT');
  });
});
