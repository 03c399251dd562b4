import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CompletionRecord, LlmCache } from '../../core/llm/cache.ts';
import { createLlmClient } from '../../core/llm/client.ts';
import { summarizeUsage } from '../../core/llm/usage.ts';
import { fakeContext } from './fakeContext.ts';
import { answer, startFakeOpenAi, status, stream, type FakeOpenAi } from './fakeOpenAi.ts';
import { configFor, env, failure } from './setup.ts';

let fake: FakeOpenAi;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  await fake.close();
});

const ask = [{ role: 'user' as const, content: 'hello' }];

describe('paying once per run', () => {
  it('answers an identical call in the same step from the first one', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script(answer('one'), answer('two'));
    const [a, b] = await Promise.all([llm.complete({ ctx, messages: ask }), llm.complete({ ctx, messages: ask })]);
    const c = await llm.complete({ ctx, messages: ask });
    expect([a.value, b.value, c.value]).toEqual(['one', 'one', 'one']);
    expect(fake.chats()).toHaveLength(1);
    expect(summarizeUsage(ctx.events).calls).toBe(1);
  });

  it('replays stored answers in a later attempt of the step instead of calling again', async () => {
    const first = createLlmClient(configFor(fake), env);
    const attempt1 = fakeContext();
    fake.script(answer('stored'));
    await first.complete({ ctx: attempt1, messages: ask });
    // A new client stands for another worker process: nothing in memory is shared.
    const other = createLlmClient(configFor(fake), env);
    const attempt2 = fakeContext({ memos: attempt1.memos });
    const again = await other.complete({ ctx: attempt2, messages: ask });
    expect(again.value).toBe('stored');
    expect(fake.chats()).toHaveLength(1);
    expect(attempt2.ran).toEqual([]);
    expect(summarizeUsage(attempt2.events).calls).toBe(0);
  });

  it('keeps repair turns that succeeded when a later turn fails and the step is retried', async () => {
    const schema = z.object({ ok: z.boolean() });
    const llm = createLlmClient(configFor(fake), env);
    const attempt1 = fakeContext();
    fake.script(answer('not json'), status(429, 'later', { 'retry-after': '1' }));
    expect(await failure(llm.complete({ ctx: attempt1, messages: ask, schema }))).toMatchObject({ code: 'llm_rate_limited' });
    fake.script(answer('{"ok":true}'));
    const attempt2 = fakeContext({ memos: attempt1.memos });
    const result = await createLlmClient(configFor(fake), env).complete({ ctx: attempt2, messages: ask, schema });
    expect(result).toMatchObject({ value: { ok: true }, turns: 2 });
    expect(fake.chats()).toHaveLength(3);
    // Only the repair turn was sent again, with the first answer from the memo in it.
    expect((fake.chats()[2]!.body?.messages as { content: string }[])[1]!.content).toBe('not json');
  });

  it('shares an identical call between steps of the same run, not between runs', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(answer('run one'), answer('run two'));
    const stepA = fakeContext({ runId: 'r1' });
    const stepB = fakeContext({ runId: 'r1' });
    const otherRun = fakeContext({ runId: 'r2' });
    expect((await llm.complete({ ctx: stepA, messages: ask })).value).toBe('run one');
    expect((await llm.complete({ ctx: stepB, messages: ask })).value).toBe('run one');
    expect((await llm.complete({ ctx: otherRun, messages: ask })).value).toBe('run two');
    expect(fake.chats()).toHaveLength(2);
  });

  it('asks again when the request differs in anything sent, or in salt', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script(answer('a'), answer('b'), answer('c'), answer('d'));
    await llm.complete({ ctx, messages: ask });
    await llm.complete({ ctx, messages: ask, temperature: 0.5 });
    await llm.complete({ ctx, messages: ask, salt: 'second sample' });
    await llm.complete({ ctx, messages: [{ role: 'user', content: 'hello!' }] });
    expect(fake.chats()).toHaveLength(4);
  });

  it('does not memoize failures', async () => {
    const llm = createLlmClient(configFor(fake), env);
    const ctx = fakeContext();
    fake.script(status(500, 'boom'), answer('recovered'));
    await failure(llm.complete({ ctx, messages: ask }));
    expect((await llm.complete({ ctx, messages: ask })).value).toBe('recovered');
  });
});

describe('cross-run cache', () => {
  it('is off by default', async () => {
    const llm = createLlmClient(configFor(fake), env);
    fake.script(answer('x'), answer('y'));
    await llm.complete({ ctx: fakeContext({ runId: 'r1' }), messages: ask });
    await llm.complete({ ctx: fakeContext({ runId: 'r2' }), messages: ask });
    expect(fake.chats()).toHaveLength(2);
  });

  it('when enabled, serves identical requests of other runs, records them as cached and replays streamed text', async () => {
    const llm = createLlmClient(configFor(fake, { price: { prompt: 1, completion: 1 } }, { cache: { enabled: true } }), env);
    fake.script(stream(['cac', 'hed']));
    const r1 = fakeContext({ runId: 'r1' });
    const r2 = fakeContext({ runId: 'r2' });
    await llm.complete({ ctx: r1, messages: ask, stream: true });
    const second = await llm.complete({ ctx: r2, messages: ask, stream: true });
    expect(second.value).toBe('cached');
    expect(fake.chats()).toHaveLength(1);
    expect(summarizeUsage(r2.events)).toMatchObject({ calls: 1, cachedCalls: 1, costUsd: 0 });
    expect(r2.events.filter((e) => e.type === 'progress').map((e) => (e.data as { text: string }).text)).toEqual(['cached']);
  });

  it('accepts any LlmCache implementation and survives one that fails', async () => {
    const store = new Map<string, CompletionRecord>();
    const cache: LlmCache = {
      get: async (key) => store.get(key),
      set: async (key, value) => void store.set(key, value),
    };
    fake.script(answer('kept'));
    await createLlmClient(configFor(fake), env, { cache }).complete({ messages: ask });
    expect(store.size).toBe(1);
    const broken: LlmCache = {
      get: () => Promise.reject(new Error('cache down')),
      set: () => Promise.reject(new Error('cache down')),
    };
    fake.script(answer('still works'));
    const ctx = fakeContext();
    expect((await createLlmClient(configFor(fake), env, { cache: broken }).complete({ ctx, messages: ask })).value).toBe('still works');
    expect(ctx.events.some((e) => (e.data as { message?: string }).message === 'llm.cache_write_failed')).toBe(true);
  });
});
