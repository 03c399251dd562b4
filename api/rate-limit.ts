import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';
import type { ApiEnv } from './env.ts';

/**
 * Token buckets per caller, in memory: `perMinute` requests a minute, refilled continuously,
 * with bursts up to the same number. Each process limits on its own, which is enough to keep
 * one client from starving the others on that process.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one token; when none is left, says how many seconds until one is. */
  take(caller: string): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(caller) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (this.buckets.size >= 50_000) this.sweep(now);
    this.buckets.set(caller, bucket);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
    bucket.tokens -= 1;
    return { ok: true, remaining: Math.floor(bucket.tokens) };
  }

  // Full buckets carry no information; dropping them bounds memory under many callers.
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(key);
  }
}

/** Limits per API key, or per client address when the caller has no (valid) key. */
export function rateLimit(limiter: RateLimiter, perMinute: number): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const keyId = c.get('principal')?.keyId;
    const caller = keyId !== undefined ? `key:${keyId}` : `addr:${c.get('clientAddress') ?? 'unknown'}`;
    const result = limiter.take(caller);
    c.header('RateLimit-Limit', String(perMinute));
    if (!result.ok) {
      throw new ApiError('rate_limited', `more than ${perMinute} requests a minute; retry in ${result.retryAfterSeconds} s`, {
        details: { retryAfterSeconds: result.retryAfterSeconds },
      });
    }
    c.header('RateLimit-Remaining', String(result.remaining));
    await next();
  };
}
