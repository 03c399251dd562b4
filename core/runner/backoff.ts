import type { RetryPolicy } from './types.ts';

/**
 * Delay before attempt `attempt + 1`: exponential from `initialDelayMs`, capped at `maxDelayMs`,
 * with ±25 % jitter so that steps failing together do not retry in lockstep.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exponential = policy.initialDelayMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(policy.maxDelayMs, exponential);
  const jittered = capped * (0.75 + random() * 0.5);
  return Math.max(0, Math.round(Math.min(policy.maxDelayMs, jittered)));
}
