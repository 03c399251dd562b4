import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.ts';
import { llmConfigSchema, parseLlmConfig, type LlmConfigInput } from '../../core/llm/config.ts';
import { resolveChain } from '../../core/llm/routes.ts';

const provider = (model = 'm') => ({ baseURL: 'http://127.0.0.1:11434/v1', model });

function issuesOf(raw: unknown): { path: string; message: string }[] {
  try {
    parseLlmConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).details!.issues as { path: string; message: string }[];
  }
  throw new Error('expected the config to be rejected');
}

describe('llm config', () => {
  it('fills in defaults', () => {
    const config = parseLlmConfig({ providers: { local: provider() } });
    expect(config.cache).toEqual({ enabled: false, maxEntries: 500 });
    expect(config.maxRepairTurns).toBe(2);
    expect(config.providers.local).toMatchObject({ structuredOutput: 'json_schema', strict: true, timeoutMs: 120_000, headers: {}, streamUsage: true });
  });

  it('refuses a key written into the config, and credential headers', () => {
    const issues = issuesOf({ providers: { openai: { ...provider(), apiKey: 'sk-live-abc' } } });
    expect(issues).toEqual([{ path: 'llm.providers.openai.apiKey', message: expect.stringMatching(/apiKeyEnv/) }]);
    expect(JSON.stringify(issues)).not.toContain('sk-live-abc');
    expect(issuesOf({ providers: { p: { ...provider(), headers: { Authorization: 'Bearer x' } } } })[0]!.path).toBe('llm.providers.p.headers');
    expect(issuesOf({ providers: { p: { ...provider(), apiKeyEnv: 'sk-abc-123' } } })[0]!.path).toBe('llm.providers.p.apiKeyEnv');
  });

  it('checks that routes and fallbacks name configured providers', () => {
    const issues = issuesOf({
      providers: { a: provider(), b: provider() },
      routes: { default: 'a', coder: { provider: 'nope' } },
      fallbacks: { a: ['b', 'ghost'], ghost2: ['a'] },
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['llm.fallbacks.a.1', 'llm.fallbacks.ghost2', 'llm.routes.coder']);
    expect(issues[0]!.message).toMatch(/configured: a, b/);
  });

  it('requires a default route when there are several providers', () => {
    expect(issuesOf({ providers: { a: provider(), b: provider() } })).toEqual([{ path: 'llm.routes.default', message: expect.any(String) }]);
    expect(issuesOf({ providers: {} })[0]!.path).toBe('llm.providers');
    expect(issuesOf({ providers: { a: { ...provider(), baseURL: 'ftp://x' } } })[0]!.path).toBe('llm.providers.a.baseURL');
  });

  it('accepts already-parsed config unchanged', () => {
    const config = parseLlmConfig({ providers: { local: provider() } });
    expect(llmConfigSchema.parse(config)).toEqual(config);
  });
});

describe('routes', () => {
  const input: LlmConfigInput = {
    providers: { local: provider('llama3.1'), openrouter: provider('anthropic/claude-sonnet-4'), openai: provider('gpt-4o') },
    routes: { default: 'local', coder: 'openrouter', parser: { provider: 'openai', model: 'gpt-4o-mini' } },
    fallbacks: { openrouter: [{ provider: 'openai', model: 'gpt-4o' }, 'local'], openai: ['openrouter'], local: ['local'] },
  };
  const config = parseLlmConfig(input);

  it('picks provider and model per agent, and the default otherwise', () => {
    expect(resolveChain(config, 'parser')[0]).toEqual({ provider: 'openai', model: 'gpt-4o-mini' });
    expect(resolveChain(config, 'coder')[0]).toEqual({ provider: 'openrouter', model: 'anthropic/claude-sonnet-4' });
    expect(resolveChain(config, 'somebody')[0]).toEqual({ provider: 'local', model: 'llama3.1' });
    expect(resolveChain(config, undefined)[0]).toEqual({ provider: 'local', model: 'llama3.1' });
  });

  it("appends the primary provider's fallbacks, once each, not transitively", () => {
    expect(resolveChain(config, 'coder')).toEqual([
      { provider: 'openrouter', model: 'anthropic/claude-sonnet-4' },
      { provider: 'openai', model: 'gpt-4o' },
      { provider: 'local', model: 'llama3.1' },
    ]);
    expect(resolveChain(config, 'parser').map((t) => t.provider)).toEqual(['openai', 'openrouter']);
    expect(resolveChain(config, 'x')).toEqual([{ provider: 'local', model: 'llama3.1' }]);
  });

  it('routes everything to the only provider when there are no routes', () => {
    expect(resolveChain(parseLlmConfig({ providers: { solo: provider('s') } }), 'coder')).toEqual([{ provider: 'solo', model: 's' }]);
  });
});
