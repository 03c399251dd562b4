import type { LlmConfig, TargetInput } from './config.ts';

/** A concrete place to send a request: a configured provider and a model it serves. */
export interface Target {
  provider: string;
  model: string;
}

/**
 * The providers an agent's request goes to, in order: its route (or `default`, or the only
 * provider), then the fallbacks listed for that route's provider. Fallbacks are not followed
 * transitively, so the chain is exactly what the config shows.
 */
export function resolveChain(config: LlmConfig, agent: string | undefined): Target[] {
  const named = agent === undefined ? undefined : config.routes[agent];
  const primaryInput = named ?? config.routes.default ?? Object.keys(config.providers)[0];
  // The config schema guarantees a provider and a route for every agent; this guards hand-built configs.
  if (primaryInput === undefined) throw new Error('llm config has no providers');
  const primary = toTarget(config, primaryInput);
  const chain = [primary, ...(config.fallbacks[primary.provider] ?? []).map((t) => toTarget(config, t))];
  const seen = new Set<string>();
  return chain.filter((t) => {
    const id = `${t.provider}\u0000${t.model}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function toTarget(config: LlmConfig, input: TargetInput): Target {
  const provider = typeof input === 'string' ? input : input.provider;
  const settings = config.providers[provider];
  if (!settings) throw new Error(`llm route names unknown provider '${provider}'`);
  return { provider, model: (typeof input === 'string' ? undefined : input.model) ?? settings.model };
}
