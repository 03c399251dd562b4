import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmClient } from '../../core/llm/client.ts';
import { doctor } from '../../core/llm/doctor.ts';
import { answer, startFakeOpenAi, status, type FakeOpenAi } from './fakeOpenAi.ts';
import { SECRET, env, providerFor } from './setup.ts';

let fake: FakeOpenAi;
let other: FakeOpenAi;
beforeEach(async () => {
  [fake, other] = await Promise.all([startFakeOpenAi({ models: ['fake-model', 'x'] }), startFakeOpenAi()]);
});
afterEach(async () => {
  await Promise.all([fake.close(), other.close()]);
});

describe('llm doctor', () => {
  it('reports each provider: answering, rejecting the key, missing its key, or unreachable', async () => {
    other.modelsReply = status(401, `invalid key ${env.OTHER_KEY}`);
    const report = await doctor(
      {
        providers: {
          good: providerFor(fake),
          badKey: providerFor(other, { apiKeyEnv: 'OTHER_KEY' }),
          noKey: providerFor(fake, { apiKeyEnv: 'UNSET_KEY' }),
          down: { baseURL: 'http://127.0.0.1:9/v1', apiKeyEnv: 'FAKE_KEY', model: 'm', timeoutMs: 2_000 },
        },
        routes: { default: 'good' },
      },
      env,
    );
    const byName = Object.fromEntries(report.map((r) => [r.provider, r]));
    expect(byName.good).toMatchObject({ ok: true, check: 'models', modelListed: true, baseURL: fake.baseURL });
    expect(byName.good!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(byName.badKey).toMatchObject({ ok: false, check: 'models', error: { code: 'llm_auth_failed' } });
    expect(byName.badKey!.error!.message).toContain('$OTHER_KEY');
    expect(byName.noKey).toMatchObject({ ok: false, check: 'none', error: { code: 'llm_key_missing' } });
    expect(byName.down).toMatchObject({ ok: false, error: { code: 'llm_unreachable' } });
    expect(JSON.stringify(report)).not.toContain(SECRET);
    expect(fake.requests.filter((r) => r.url.endsWith('/models'))).toHaveLength(1);
  });

  it('falls back to a one-token completion where the model list is not offered', async () => {
    fake.modelsReply = status(404, 'no such route');
    fake.script(answer('p'));
    const [check] = await createLlmClient({ providers: { p: providerFor(fake) } }, env).doctor();
    expect(check).toMatchObject({ ok: true, check: 'completion' });
    expect(check!.modelListed).toBeUndefined();
    expect(fake.chats()[0]!.body).toMatchObject({ max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] });
  });
});
