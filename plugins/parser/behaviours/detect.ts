import type { Knowledge } from '../registry.ts';
import type { PromptText } from '../text.ts';

export interface BehaviourContext {
  /** Behaviours the built entities imply (a Reservation implies booking). */
  fromEntities: readonly string[];
  /** Behaviours the domain implies when it supplied the entities itself ("a link shortener"). */
  fromDomain: readonly string[];
  /** A format conversion was asked for: "csv" names a format there, not CSV export. */
  conversion: boolean;
  /** Positions of words that name entities: "accounts" in a finance app are bank accounts, not logins. */
  entityPositions: ReadonlySet<number>;
}

/** Single words that ask for a behaviour, for the entity finder to leave alone. */
export function behaviourWords(knowledge: Knowledge): Set<string> {
  return new Set(knowledge.behaviours.flatMap((behaviour) => behaviour.triggers.filter((trigger) => !trigger.includes(' '))));
}

/** Behaviours asked for by the words of the prompt, its entities and its domain, in registry order. */
export function detectBehaviours(text: PromptText, knowledge: Knowledge, context: BehaviourContext): { ids: string[]; used: Set<string> } {
  const used = new Set<string>();
  const ids: string[] = [];
  for (const behaviour of knowledge.behaviours) {
    let asked = context.fromEntities.includes(behaviour.id) || context.fromDomain.includes(behaviour.id);
    if (behaviour.id === 'csv' && context.conversion) continue;
    for (const trigger of behaviour.triggers) {
      for (const at of text.find(trigger)) {
        if (context.entityPositions.has(at) && !context.fromEntities.includes(behaviour.id)) continue;
        asked = true;
        for (const [k] of trigger.split(' ').entries()) used.add(text.tokens[at + k] ?? '');
      }
    }
    if (asked) ids.push(behaviour.id);
  }
  return { ids, used };
}
