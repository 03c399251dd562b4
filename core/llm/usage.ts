import { z } from 'zod';
import type { Logger } from '../runner/types.ts';
import type { Price } from './config.ts';

/** The log message under which each paid (or cache-served) call is recorded. */
export const USAGE_MESSAGE = 'llm.usage';

export const llmUsageSchema = z.object({
  provider: z.string(),
  model: z.string(),
  agent: z.string().optional(),
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  latencyMs: z.number().nonnegative(),
  /** Estimated from the configured price; null when the provider has none. */
  costUsd: z.number().nonnegative().nullable(),
  /** Served by the cross-run cache: nothing was paid. */
  cached: z.boolean(),
  /** The server reported no token counts; these are guessed from the text length. */
  estimated: z.boolean(),
});

/** One LLM call as recorded on the run. */
export type LlmUsage = z.output<typeof llmUsageSchema>;

/**
 * Where usage goes. The default writes a run event through the step's log; the platform can
 * supply one backed by a table without changing callers.
 */
export interface UsageRecorder {
  record(ctx: { log: Logger } | undefined, usage: LlmUsage): void;
}

/**
 * Records one call as a `log` event (`message: 'llm.usage'`, `data`: the usage) on the step's
 * run, where `summarizeUsage` finds it. Returns the usage for chaining.
 */
export function recordUsage(ctx: { log: Logger }, usage: LlmUsage): LlmUsage {
  ctx.log.info(USAGE_MESSAGE, { ...usage });
  return usage;
}

export const logUsageRecorder: UsageRecorder = {
  record(ctx, usage) {
    if (ctx) recordUsage(ctx, usage);
  },
};

export function costOf(price: Price | undefined, promptTokens: number, completionTokens: number): number | null {
  if (!price) return null;
  return round((promptTokens * price.prompt + completionTokens * price.completion) / 1000);
}

export interface UsageTotals {
  calls: number;
  cachedCalls: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  latencyMs: number;
  /** Sum over priced calls; cached calls cost nothing. */
  costUsd: number;
  /** Calls whose provider has no price, so `costUsd` leaves them out. */
  unpricedCalls: number;
}

export interface UsageSummary extends UsageTotals {
  /** Keyed `provider/model`. */
  byModel: Record<string, UsageTotals>;
}

export function sumUsage(usages: readonly LlmUsage[]): UsageTotals {
  const totals: UsageTotals = { calls: 0, cachedCalls: 0, promptTokens: 0, completionTokens: 0, totalTokens: 0, latencyMs: 0, costUsd: 0, unpricedCalls: 0 };
  for (const u of usages) {
    totals.calls += 1;
    totals.promptTokens += u.promptTokens;
    totals.completionTokens += u.completionTokens;
    totals.totalTokens += u.totalTokens;
    totals.latencyMs += u.latencyMs;
    if (u.cached) totals.cachedCalls += 1;
    else if (u.costUsd === null) totals.unpricedCalls += 1;
    else totals.costUsd = round(totals.costUsd + u.costUsd);
  }
  return totals;
}

/**
 * Sums the usage recorded in a run's events (as returned by `runner.getEvents`). Pure; events
 * of other kinds, and usage entries that do not parse, are ignored.
 */
export function summarizeUsage(events: readonly { type: string; data: unknown }[]): UsageSummary {
  const usages: LlmUsage[] = [];
  for (const event of events) {
    if (event.type !== 'log') continue;
    const data = event.data as { message?: unknown; data?: unknown } | null;
    if (data?.message !== USAGE_MESSAGE) continue;
    const parsed = llmUsageSchema.safeParse(data.data);
    if (parsed.success) usages.push(parsed.data);
  }
  const groups = new Map<string, LlmUsage[]>();
  for (const u of usages) {
    const key = `${u.provider}/${u.model}`;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  return { ...sumUsage(usages), byModel: Object.fromEntries([...groups].map(([k, list]) => [k, sumUsage(list)])) };
}

// Micro-dollars: enough for per-token prices and free of float noise such as 0.30000000000000004.
function round(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
