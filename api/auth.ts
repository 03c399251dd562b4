import type { Context, MiddlewareHandler } from 'hono';
import { hasActiveApiKeys, scopeAllows, verifyApiKey, type Scope } from '../core/auth/index.ts';
import type { Executor } from '../core/db/connect.ts';
import { ApiError, forbidden, unauthorized } from './errors.ts';
import type { ApiEnv } from './env.ts';
import { fromOtherOrigin } from './request-site.ts';

/** Who is calling: a key, or a loopback client of a server that has no keys yet. */
export interface Principal {
  kind: 'key' | 'loopback';
  /** Rate limits and logs use it; absent for loopback clients. */
  keyId: string | undefined;
  scope: Scope;
}

export interface AuthOptions {
  /** How long a verified key, and whether any key exists, is trusted without asking the database. */
  cacheMs: number;
}

/**
 * Checks bearer keys against the database, with a short cache so a busy client costs no
 * query per request. Revocations made through this server take effect at once (they call
 * `invalidate`); made elsewhere (the CLI), within `cacheMs`.
 */
export class Authenticator {
  private readonly keys = new Map<string, { principal: Principal | undefined; until: number }>();
  private anyKeys: { value: boolean; until: number } | undefined;

  constructor(
    private readonly db: Executor,
    private readonly options: AuthOptions,
  ) {}

  invalidate(): void {
    this.keys.clear();
    this.anyKeys = undefined;
  }

  /** True when the server accepts loopback clients only (no key exists). */
  async loopbackOnly(): Promise<boolean> {
    const now = Date.now();
    if (!this.anyKeys || this.anyKeys.until <= now) {
      this.anyKeys = { value: await hasActiveApiKeys(this.db), until: now + this.options.cacheMs };
    }
    return !this.anyKeys.value;
  }

  /** The caller, or an error saying why it is refused. */
  async authenticate(authorization: string | undefined, address: string | undefined): Promise<Principal> {
    const token = bearer(authorization);
    if (token !== undefined) {
      const principal = await this.verify(token);
      if (!principal) throw unauthorized('the API key is invalid or revoked');
      return principal;
    }
    if (!(await this.loopbackOnly())) throw unauthorized('send an API key as Authorization: Bearer <key>');
    if (address !== undefined && isLoopback(address)) return { kind: 'loopback', keyId: undefined, scope: 'admin' };
    throw new ApiError(
      'loopback_only',
      `no API key exists, so only loopback clients are accepted (this request came from ${address ?? 'an unknown address'}); create one with \`qlayer keys create\``,
    );
  }

  private async verify(token: string): Promise<Principal | undefined> {
    const now = Date.now();
    const cached = this.keys.get(token);
    if (cached && cached.until > now) return cached.principal;
    const key = await verifyApiKey(this.db, token);
    const principal: Principal | undefined = key ? { kind: 'key', keyId: key.id, scope: key.scope } : undefined;
    // Bounded: a client cycling through bad tokens must not grow memory.
    if (this.keys.size >= 10_000) this.keys.clear();
    this.keys.set(token, { principal, until: now + this.options.cacheMs });
    return principal;
  }
}

function bearer(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  // A malformed header is a failed attempt, not an absent one.
  return match ? match[1] : '';
}

/** 127.0.0.0/8, ::1, and their IPv4-mapped IPv6 forms. */
export function isLoopback(address: string): boolean {
  const a = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/**
 * The scope a REST request needs: reads (and checking a workflow) need `read`, changes need
 * `write`, key management and pruning need `admin`. GraphQL needs `read` to get in; its
 * mutations check their own scope.
 */
export function requiredScope(method: string, path: string): Scope {
  if (path.startsWith('/api/v1/keys') || path.startsWith('/api/v1/admin/')) return 'admin';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return 'read';
  if (path === '/api/v1/workflows/validate' || path === '/graphql') return 'read';
  return 'write';
}

export function assertScope(principal: Principal, needed: Scope): void {
  if (!scopeAllows(principal.scope, needed)) {
    throw forbidden(`this needs the '${needed}' scope; the key has '${principal.scope}'`);
  }
}

/**
 * Identifies the caller; a refusal is kept for `authorize`, after the rate limiter has counted it.
 * A loopback client needs no key only outside a browser or from this server's own pages (or an
 * origin in `corsOrigins`): a page of another origin open in a loopback browser, a preview's
 * included, would otherwise act with admin scope.
 */
export function authenticate(auth: Authenticator, clientAddress: (c: Context) => string | undefined, corsOrigins: readonly string[] = []): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const address = clientAddress(c);
    c.set('clientAddress', address);
    try {
      const principal = await auth.authenticate(c.req.header('Authorization'), address);
      if (principal.kind === 'loopback' && fromOtherOrigin(c.req) && !corsOrigins.includes(c.req.header('Origin') ?? '')) {
        throw new ApiError(
          'cross_origin',
          `no API key exists, so loopback clients need none, but not from a page of another origin (${c.req.header('Origin') ?? 'unknown'}); send an API key, or list the origin in server.corsOrigins`,
        );
      }
      c.set('principal', principal);
    } catch (error) {
      c.set('authError', error);
    }
    await next();
  };
}

export function authorize(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const error = c.get('authError');
    if (error !== undefined) throw error;
    const principal = c.get('principal');
    if (!principal) throw unauthorized('not authenticated');
    assertScope(principal, requiredScope(c.req.method, c.req.path));
    await next();
  };
}
