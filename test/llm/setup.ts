import type { LlmConfigInput } from '../../core/llm/config.ts';
import type { FakeOpenAi } from './fakeOpenAi.ts';

/** A key that must never be seen outside the request headers. */
export const SECRET = 'sk-test-5EcReT-0123456789abcdefXYZ';
export const env = { FAKE_KEY: SECRET, OTHER_KEY: `${SECRET}-other` };

type ProviderInput = LlmConfigInput['providers'][string];

/** A provider entry pointing at a fake server. */
export function providerFor(fake: FakeOpenAi, overrides: Partial<ProviderInput> = {}): ProviderInput {
  return { baseURL: fake.baseURL, apiKeyEnv: 'FAKE_KEY', model: 'fake-model', timeoutMs: 5_000, ...overrides };
}

/** A one-provider config named `local`. */
export function configFor(fake: FakeOpenAi, overrides: Partial<ProviderInput> = {}, rest: Partial<LlmConfigInput> = {}): LlmConfigInput {
  return { providers: { local: providerFor(fake, overrides) }, ...rest };
}

/** Awaits a promise that must reject and returns what it threw. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
