import { singularize } from './inflect.ts';

/**
 * A normalized prompt as words, with each word's singular, so data can say "stock movement"
 * once and match "stock movements", and rules can ask what is at or around a position.
 */
export class PromptText {
  readonly tokens: readonly string[];
  readonly singulars: readonly string[];
  readonly normalized: string;

  /** Token positions that follow punctuation: a phrase never spans "pets, owners". */
  readonly #breaks = new Set<number>();

  constructor(normalized: string, tokens: readonly string[]) {
    this.normalized = normalized;
    this.tokens = tokens;
    this.singulars = tokens.map((token) => singularize(token));
    let index = 0;
    let pending = false;
    for (const [piece] of normalized.replace(/'s\b/g, '').matchAll(/[a-z0-9]+|[^a-z0-9]+/g)) {
      if (/^[a-z0-9]/.test(piece)) {
        if (pending) this.#breaks.add(index);
        pending = false;
        index++;
      } else if (/[,.;:!?()]/.test(piece)) pending = true;
    }
  }

  /** Length in words of `phrase` if it starts at `at` (the word as written, or its plural), else 0. */
  matchAt(phrase: string, at: number): number {
    const words = phrase.split(' ');
    for (const [i, word] of words.entries()) {
      const token = this.tokens[at + i];
      if (token === undefined || (i > 0 && this.#breaks.has(at + i))) return 0;
      if (token !== word && this.singulars[at + i] !== word) return 0;
    }
    return words.length;
  }

  /** Positions where `phrase` starts. */
  find(phrase: string): number[] {
    const found: number[] = [];
    for (let at = 0; at < this.tokens.length; at++) if (this.matchAt(phrase, at) > 0) found.push(at);
    return found;
  }

  /** True when punctuation separates the word at `at` from the one before it. */
  breakBefore(at: number): boolean {
    return this.#breaks.has(at);
  }

  has(phrase: string): boolean {
    return this.find(phrase).length > 0;
  }
}
