import { BUILTIN_BEHAVIOURS } from './behaviours/builtin.ts';
import { compileBehaviour, type Behaviour } from './behaviours/schema.ts';
import { BUILTIN_DOMAINS } from './domains/builtin.ts';
import { compileDomain, DomainDataError, type Domain } from './domains/schema.ts';

/**
 * The knowledge the parser consults: app domains and behaviours, each checked against its
 * schema when registered. The built-in ones are data files; a plugin adds its own with
 * `registerDomain` / `registerBehaviour` and the parser reads them like the built-ins.
 */
export class Knowledge {
  readonly #domains = new Map<string, Domain>();
  readonly #behaviours = new Map<string, Behaviour>();

  registerDomain(input: unknown, source?: string): Domain {
    const domain = compileDomain(input, source);
    if (this.#domains.has(domain.id)) throw new DomainDataError(`${source ?? 'domain'}: a domain with id ${domain.id} is already registered`);
    for (const id of [...domain.behaviours, ...domain.entities.flatMap((entity) => entity.behaviours)]) {
      if (!this.#behaviours.has(id)) throw new DomainDataError(`${source ?? domain.id}: behaviour ${id} is not registered`);
    }
    this.#domains.set(domain.id, domain);
    return domain;
  }

  registerBehaviour(input: unknown, source?: string): Behaviour {
    const behaviour = compileBehaviour(input, source);
    if (this.#behaviours.has(behaviour.id)) throw new DomainDataError(`${source ?? 'behaviour'}: a behaviour with id ${behaviour.id} is already registered`);
    this.#behaviours.set(behaviour.id, behaviour);
    return behaviour;
  }

  get domains(): readonly Domain[] {
    return [...this.#domains.values()];
  }

  get behaviours(): readonly Behaviour[] {
    return [...this.#behaviours.values()];
  }

  domain(id: string): Domain | undefined {
    return this.#domains.get(id);
  }

  behaviour(id: string): Behaviour | undefined {
    return this.#behaviours.get(id);
  }
}

/** A registry holding the built-in behaviours and domains. */
export function builtinKnowledge(): Knowledge {
  const knowledge = new Knowledge();
  for (const behaviour of BUILTIN_BEHAVIOURS) knowledge.registerBehaviour(behaviour, `behaviour ${behaviour.id}`);
  for (const domain of BUILTIN_DOMAINS) knowledge.registerDomain(domain, `domain ${domain.id}`);
  return knowledge;
}

/** The registry the parser uses unless it is given another. */
export const knowledge = builtinKnowledge();
