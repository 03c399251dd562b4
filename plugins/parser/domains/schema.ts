import { z } from 'zod';
import { QLayerError } from '../../../core/errors.ts';
import { parseFieldList } from '../fields.ts';
import { APP_KINDS, type AppKind, type Field } from '../spec.ts';

/**
 * What a domain file says: the words that point to the domain, the entities it holds (with
 * the words that mean each of them *in this domain*), how they relate, the kind of app it
 * usually is and the behaviours it implies. Code only interprets this; a new domain is a new
 * file registered with the registry, never a new branch.
 */

const pascal = z.string().regex(/^[A-Z][a-zA-Z0-9]{0,39}$/, 'must be a PascalCase entity name');
const kebab = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be kebab-case');
/** Lower-case words or short phrases as prompts say them ("animal hospital"). */
const phrase = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+){0,3}$/, 'must be lower-case words separated by single spaces');

export const DomainEntitySchema = z.object({
  /** Singular words (or phrases) that name this entity in this domain: a chat's "channel" is a Room. */
  words: z.array(phrase).min(1),
  /** `name!, species, birthDate:date, status:enum(open|closed)`; `!` marks required. */
  fields: z.string().min(1),
  /** Parents, most specific first; a relation is added when both are in the spec. */
  belongsTo: z.array(pascal).default([]),
  /** A join entity: it belongs to both and makes them many-to-many. */
  joins: z.tuple([pascal, pascal]).optional(),
  /** A join entity added whenever both ends are built, named or not (posts and tags need PostTag). */
  implied: z.boolean().default(false),
  /** Behaviours this entity implies when it is built (a Reservation implies booking). */
  behaviours: z.array(kebab).default([]),
  /** Plural when the English rule gets it wrong. */
  plural: pascal.optional(),
});

export const DomainSchema = z
  .object({
    id: kebab,
    title: z.string().min(1).max(60),
    /** Words and phrases pointing to the domain, weighted: 3 names it, 1 hints at it. */
    signals: z.record(phrase, z.number().min(0.5).max(5)),
    /** The kind when the prompt names none and needs none in particular. */
    kind: z.enum(APP_KINDS),
    entities: z.record(pascal, DomainEntitySchema),
    /** What is built when the prompt names no entity of its own. */
    core: z.array(pascal),
    /** Behaviours the domain implies when the prompt names no entity ("a link shortener"). */
    behaviours: z.array(kebab).default([]),
    /** Static sites: the pages built when the prompt names none, after the home page. */
    pages: z.array(z.string().min(1).max(40)).max(10).default([]),
  })
  .superRefine((domain, ctx) => {
    const names = new Set(Object.keys(domain.entities));
    for (const name of domain.core) if (!names.has(name)) ctx.addIssue({ code: 'custom', path: ['core'], message: `core entity ${name} is not one of the domain's entities` });
    if (domain.kind !== 'static-site' && domain.core.length === 0) ctx.addIssue({ code: 'custom', path: ['core'], message: `a ${domain.kind} domain needs core entities` });
    for (const [name, entity] of Object.entries(domain.entities)) {
      for (const parent of [...entity.belongsTo, ...(entity.joins ?? [])]) {
        if (!names.has(parent)) ctx.addIssue({ code: 'custom', path: ['entities', name], message: `${name} relates to ${parent}, which the domain does not define` });
      }
      try {
        parseFieldList(entity.fields);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['entities', name, 'fields'], message: (error as Error).message });
      }
    }
  });

export type DomainInput = z.input<typeof DomainSchema>;
export type DomainData = z.output<typeof DomainSchema>;

export interface DomainEntity {
  name: string;
  plural?: string;
  words: readonly string[];
  fields: readonly Field[];
  belongsTo: readonly string[];
  joins?: readonly [string, string];
  implied: boolean;
  behaviours: readonly string[];
}

export interface Domain {
  id: string;
  title: string;
  signals: ReadonlyMap<string, number>;
  kind: AppKind;
  entities: readonly DomainEntity[];
  core: readonly string[];
  behaviours: readonly string[];
  pages: readonly string[];
}

/** Checks a domain file and turns its field lists into fields; a bad file names what is wrong. */
export function compileDomain(input: unknown, source = 'domain'): Domain {
  const parsed = DomainSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainDataError(`${source}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  const data = parsed.data;
  return {
    id: data.id,
    title: data.title,
    signals: new Map(Object.entries(data.signals)),
    kind: data.kind,
    entities: Object.entries(data.entities).map(([name, entity]) => ({
      name,
      ...(entity.plural === undefined ? {} : { plural: entity.plural }),
      words: entity.words,
      fields: parseFieldList(entity.fields),
      belongsTo: entity.belongsTo,
      ...(entity.joins === undefined ? {} : { joins: entity.joins }),
      implied: entity.implied,
      behaviours: entity.behaviours,
    })),
    core: data.core,
    behaviours: data.behaviours,
    pages: data.pages,
  };
}

/** A domain or behaviour file that does not follow its schema. */
export class DomainDataError extends QLayerError {
  constructor(message: string) {
    super('domain_invalid', message);
  }
}
