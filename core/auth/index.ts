/**
 * API keys: created by `qlayer keys create`, shown once, stored as SHA-256 hashes, checked by
 * the HTTP server on every request. Web-standard only (crypto.subtle), so Deno runs it too.
 */
export {
  constantTimeEqual,
  createApiKey,
  hasActiveApiKeys,
  isScope,
  listApiKeys,
  revokeApiKey,
  scopeAllows,
  SCOPES,
  sha256Hex,
  verifyApiKey,
  type ApiKeyInfo,
  type CreatedApiKey,
  type Scope,
} from './keys.ts';
