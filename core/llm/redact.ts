const MASK = '[redacted]';
// Shorter values would mask ordinary words; real keys are far longer than this.
const MIN_SECRET_LENGTH = 6;

/**
 * Removes API keys from text before it leaves this module. Servers echo keys back in error
 * messages (OpenAI shows part of a rejected key; proxies sometimes all of it), and error
 * messages end up in run events, step records and logs.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string>) {
    // Longest first, so a key that contains another is masked whole.
    this.secrets = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.replaceAll(secret, MASK);
    return out;
  }

  /** Deep copy of JSON-like data with every string redacted. */
  value<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [this.text(k), this.walk(v)]));
    }
    return value;
  }
}
