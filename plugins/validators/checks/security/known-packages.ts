import known from './data/known-packages.json' with { type: 'json' };

/**
 * The allow-list of dependencies the platform has seen generated apps use legitimately, from
 * `data/known-packages.json`; `@scope/*` there admits a whole scope. A dependency that is not
 * listed is not wrong, but it is what a hallucinated or typo-squatted package looks like.
 */
export class KnownPackages {
  readonly #names = new Set<string>();
  readonly #scopes = new Set<string>();

  constructor(extra: readonly string[] = []) {
    for (const entry of [...known.packages, ...extra]) {
      if (entry.endsWith('/*')) this.#scopes.add(entry.slice(0, -2));
      else this.#names.add(entry);
    }
  }

  has(name: string): boolean {
    if (this.#names.has(name)) return true;
    const slash = name.indexOf('/');
    return name.startsWith('@') && slash > 0 && this.#scopes.has(name.slice(0, slash));
  }
}
