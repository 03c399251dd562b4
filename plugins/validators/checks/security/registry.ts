import { z } from 'zod';

/**
 * What the npm registry says about a package, from its abbreviated metadata (the document npm
 * itself installs from): the published versions, whether each is deprecated, and the dist-tags.
 */
export interface PackageMetadata {
  versions: Map<string, { deprecated?: string }>;
  distTags: Record<string, string>;
}

export type Lookup = { found: PackageMetadata } | { missing: true } | { unreachable: string };

export interface RegistrySettings {
  url: string;
  /** Limit for one lookup; a validation waits at most about this long for all of them. */
  timeoutMs: number;
}

const abbreviatedSchema = z.object({
  versions: z.record(z.string(), z.object({ deprecated: z.union([z.string(), z.boolean()]).optional() }).loose()),
  'dist-tags': z.record(z.string(), z.string()).default({}),
});

/** Answers stay valid this long: a new release or deprecation within the hour can wait. */
const FOUND_TTL_MS = 60 * 60_000;
/** A registry that could not be reached is not asked again for a minute, so offline runs stay fast. */
const UNREACHABLE_TTL_MS = 60_000;

/**
 * Looks packages up in the npm registry, caching answers per process (the check thread lives
 * across validations). Lookups run in parallel, each bounded by `timeoutMs`; a failure of the
 * network is reported as `unreachable`, never thrown.
 */
export class RegistryClient {
  readonly #cache = new Map<string, { lookup: Promise<Lookup>; expires: number }>();
  #downUntil = 0;
  #downReason = '';

  lookup(name: string, settings: RegistrySettings): Promise<Lookup> {
    const now = Date.now();
    if (now < this.#downUntil) return Promise.resolve({ unreachable: this.#downReason });
    const key = `${settings.url} ${name}`;
    const cached = this.#cache.get(key);
    if (cached !== undefined && cached.expires > now) return cached.lookup;
    const lookup = this.#fetch(name, settings).then((result) => {
      if ('unreachable' in result) {
        this.#cache.delete(key);
        this.#downUntil = Date.now() + UNREACHABLE_TTL_MS;
        this.#downReason = result.unreachable;
      }
      return result;
    });
    this.#cache.set(key, { lookup, expires: now + FOUND_TTL_MS });
    return lookup;
  }

  async #fetch(name: string, settings: RegistrySettings): Promise<Lookup> {
    const url = new URL(name.replace('/', '%2f'), settings.url.endsWith('/') ? settings.url : `${settings.url}/`);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      return { unreachable: timedOut ? `no answer within ${settings.timeoutMs} ms` : describe(error) };
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return { missing: true };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { unreachable: `HTTP ${response.status} for ${name}` };
    }
    let parsed: z.infer<typeof abbreviatedSchema>;
    try {
      parsed = abbreviatedSchema.parse(await response.json());
    } catch (error) {
      return { unreachable: `unreadable metadata for ${name}: ${describe(error)}` };
    }
    const versions = new Map<string, { deprecated?: string }>();
    for (const [version, info] of Object.entries(parsed.versions)) {
      const deprecated = typeof info.deprecated === 'string' && info.deprecated !== '' ? info.deprecated : undefined;
      versions.set(version, deprecated === undefined ? {} : { deprecated });
    }
    return { found: { versions, distTags: parsed['dist-tags'] } };
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

export const sharedRegistry = new RegistryClient();
