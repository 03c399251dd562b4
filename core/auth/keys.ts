import type { Executor } from '../db/connect.ts';
import { NotFoundError, ValidationError } from '../errors.ts';

/** What a key may do: `read` lists and reads, `write` also starts, cancels, retries and registers, `admin` also manages keys and prunes. */
export type Scope = 'read' | 'write' | 'admin';
export const SCOPES: readonly Scope[] = ['read', 'write', 'admin'];

export interface ApiKeyInfo {
  id: string;
  name: string;
  scope: Scope;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface CreatedApiKey extends ApiKeyInfo {
  /** `ql_<id>_<secret>`: shown once; only the SHA-256 of the secret is stored. */
  key: string;
}

// The id is looked up, the secret is only ever hashed: a key that leaks from a log line
// without its secret part is useless.
const KEY_FORMAT = /^ql_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const MAX_NAME = 100;

/** True when `held` allows what `needed` requires. */
export function scopeAllows(held: Scope, needed: Scope): boolean {
  return SCOPES.indexOf(held) >= SCOPES.indexOf(needed);
}

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && (SCOPES as readonly string[]).includes(value);
}

/** Creates a key; the returned `key` is the only time the secret is visible. */
export async function createApiKey(db: Executor, options: { name: string; scope: Scope }): Promise<CreatedApiKey> {
  const name = options.name.trim();
  if (name.length === 0 || name.length > MAX_NAME) {
    throw new ValidationError(`key name must be 1 to ${MAX_NAME} characters`, [{ path: 'name', message: `got ${name.length} characters` }]);
  }
  if (!isScope(options.scope)) {
    throw new ValidationError(`key scope must be one of ${SCOPES.join(', ')}`, [{ path: 'scope', message: `got '${String(options.scope)}'` }]);
  }
  const id = hex(crypto.getRandomValues(new Uint8Array(8)));
  const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const rows = await db.query<{ createdAt: number }>(
    `insert into api_keys (id, name, scope, hash) values ($1, $2, $3, $4)
     returning (extract(epoch from created_at) * 1000)::float8 as "createdAt"`,
    [id, name, options.scope, await sha256Hex(secret)],
  );
  return {
    id,
    name,
    scope: options.scope,
    createdAt: new Date(rows[0]?.createdAt ?? Date.now()),
    revokedAt: null,
    lastUsedAt: null,
    key: `ql_${id}_${secret}`,
  };
}

/** Every key, newest first, revoked ones included (they say when). */
export async function listApiKeys(db: Executor): Promise<ApiKeyInfo[]> {
  const rows = await db.query<RawKey>(`select ${COLUMNS} from api_keys order by created_at desc, id`);
  return rows.map(toInfo);
}

/** Revokes a key at once; revoking twice keeps the first revocation time. */
export async function revokeApiKey(db: Executor, id: string): Promise<ApiKeyInfo> {
  const rows = await db.query<RawKey>(
    `update api_keys set revoked_at = coalesce(revoked_at, now()) where id = $1 returning ${COLUMNS}`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('API key', id);
  return toInfo(row);
}

/** True when at least one key is not revoked; without one, servers accept loopback clients only. */
export async function hasActiveApiKeys(db: Executor): Promise<boolean> {
  const rows = await db.query<{ any: boolean }>('select exists (select 1 from api_keys where revoked_at is null) as any');
  return rows[0]?.any === true;
}

/**
 * The key a bearer token names, if the token is well-formed, the key exists, is not revoked
 * and the secret matches. Marks the key used (at most once a minute, so reads stay reads).
 */
export async function verifyApiKey(db: Executor, token: string): Promise<ApiKeyInfo | undefined> {
  const match = KEY_FORMAT.exec(token);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const rows = await db.query<RawKey & { hash: string }>(`select ${COLUMNS}, hash from api_keys where id = $1`, [id]);
  const row = rows[0];
  // Hash even when the id is unknown, so timing does not tell which ids exist.
  const actual = await sha256Hex(secret);
  if (!row || !constantTimeEqual(actual, row.hash) || row.revokedAt !== null) return undefined;
  if (row.lastUsedAt === null || Date.now() - row.lastUsedAt > 60_000) {
    await db.query('update api_keys set last_used_at = now() where id = $1', [id]);
  }
  return toInfo(row);
}

/** Compares two strings in time that depends only on their lengths. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

const ms = (column: string, as: string) => `(extract(epoch from ${column}) * 1000)::float8 as "${as}"`;
const COLUMNS = `id, name, scope, ${ms('created_at', 'createdAt')}, ${ms('revoked_at', 'revokedAt')}, ${ms('last_used_at', 'lastUsedAt')}`;

interface RawKey {
  id: string;
  name: string;
  scope: string;
  createdAt: number;
  revokedAt: number | null;
  lastUsedAt: number | null;
}

function toInfo(row: RawKey): ApiKeyInfo {
  return {
    id: row.id,
    name: row.name,
    // A scope written by hand into the table that we do not know gets the least power.
    scope: isScope(row.scope) ? row.scope : 'read',
    createdAt: new Date(row.createdAt),
    revokedAt: row.revokedAt === null ? null : new Date(row.revokedAt),
    lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt),
  };
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
