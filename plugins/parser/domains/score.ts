import type { PromptText } from '../text.ts';
import type { Domain } from './schema.ts';

export interface DomainScore {
  domain: Domain;
  score: number;
  /** A signal of weight 3 or more matched: the prompt names the domain itself ("a CRM", "a vet clinic"). */
  strong: boolean;
  matched: string[];
}

/** Below this the prompt is not about any domain in particular. */
const THRESHOLD = 2;

/**
 * Scores every domain on the whole prompt: each signal counts once with its weight, and each
 * of the domain's entities named in the prompt adds half a point, so "rooms" alone leans nowhere
 * but "chat … messages … rooms" is clearly a chat. Best first; ties keep registration order.
 */
export function scoreDomains(text: PromptText, domains: readonly Domain[]): DomainScore[] {
  const scores: DomainScore[] = [];
  for (const domain of domains) {
    let score = 0;
    let strong = false;
    const matched: string[] = [];
    for (const [signal, weight] of domain.signals) {
      if (!text.has(signal)) continue;
      score += weight;
      matched.push(signal);
      if (weight >= 3) strong = true;
    }
    for (const entity of domain.entities) {
      if (entity.words.some((word) => text.has(word))) score += 0.5;
    }
    if (score > 0) scores.push({ domain, score, strong, matched });
  }
  return scores.sort((a, b) => b.score - a.score || Number(b.strong) - Number(a.strong));
}

export function chooseDomain(scores: readonly DomainScore[]): DomainScore | undefined {
  const best = scores[0];
  return best !== undefined && best.score >= THRESHOLD ? best : undefined;
}
