import { z } from 'zod';
import { DomainDataError } from '../domains/schema.ts';

/**
 * A behaviour beyond CRUD: what words ask for it, whether it needs a server (so a prompt asking
 * for it gets an API or a full-stack app), how a reviewer recognises it in generated code, and
 * what to tell the person when it was not built.
 */
const phrase = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+){0,3}$/, 'must be lower-case words separated by single spaces');

export const BehaviourSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  /** Short name for sentences: "Click statistics", "Sign-up and login". */
  title: z.string().min(1).max(60),
  /** Words or phrases that ask for it, as normalized prompts say them. */
  triggers: z.array(phrase).min(1),
  /** Shared state between people (accounts, tallies, bookings, rooms): a browser-only app cannot do it. */
  needsServer: z.boolean(),
  /** Patterns that must all occur in the project's non-test code for the behaviour to count as built. */
  evidence: z.array(z.string().min(1)).min(1),
  /** The end of "<title>: not built — <notBuilt>." */
  notBuilt: z.string().min(1).max(200),
});

export type BehaviourInput = z.input<typeof BehaviourSchema>;

export interface Behaviour {
  id: string;
  title: string;
  triggers: readonly string[];
  needsServer: boolean;
  evidence: readonly RegExp[];
  notBuilt: string;
}

export function compileBehaviour(input: unknown, source = 'behaviour'): Behaviour {
  const parsed = BehaviourSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainDataError(`${source}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const evidence = parsed.data.evidence.map((pattern, i) => {
    try {
      return new RegExp(pattern, 'i');
    } catch (error) {
      throw new DomainDataError(`${source}: evidence.${i}: ${(error as Error).message}`);
    }
  });
  return { ...parsed.data, evidence };
}

/** "Click statistics: not built — the shortener counts clicks but has no per-day chart." */
export function notBuiltSentence(behaviour: Pick<Behaviour, 'title' | 'notBuilt'>): string {
  const reason = behaviour.notBuilt.replace(/\.$/, '');
  return `${behaviour.title}: not built — ${reason}.`;
}
