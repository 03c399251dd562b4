import { z } from 'zod';

/**
 * AppSpec: what the offline parser understood of a prompt and everything the generator needs.
 * It is plain data, so a workflow step can store it, show it and let a person edit it before
 * generation; `AppSpecSchema` re-checks such an edited spec.
 */

export const APP_KINDS = ['react-spa', 'rest-api', 'fullstack', 'cli', 'static-site'] as const;
export type AppKind = (typeof APP_KINDS)[number];

export const FIELD_TYPES = ['string', 'text', 'number', 'integer', 'boolean', 'date', 'email', 'url', 'enum'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const DATA_FORMATS = ['csv', 'tsv', 'json', 'jsonl', 'markdown'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** Names every generated entity already has, or derives from relations; a field may not reuse them. */
export const RESERVED_FIELD_NAMES = ['id', 'createdAt', 'updatedAt'] as const;

const camelName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be camelCase letters and digits');
const pascalName = z.string().regex(/^[A-Z][a-zA-Z0-9]{0,39}$/, 'must be PascalCase letters and digits');
const kebabName = z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by dashes').max(60);
const label = z.string().trim().min(1).max(80);

export const FieldSchema = z.object({
  name: camelName,
  label,
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  /** Allowed values of an `enum` field, kebab-case; the first is the default. */
  options: z.array(kebabName).min(1).max(20).optional(),
});
export type Field = z.infer<typeof FieldSchema>;

/**
 * `belongsTo` adds a `<target>Id` reference on this entity; `hasMany` is its inverse.
 * `manyToMany` links two entities through a join entity (`Student` ↔ `Course` through
 * `Enrollment`); the join entity carries the two `belongsTo`, so a generator that only reads
 * `belongsTo`/`hasMany` still builds working tables and can ignore `manyToMany`.
 */
export const RelationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('belongsTo'), entity: pascalName }),
  z.object({ type: z.literal('hasMany'), entity: pascalName }),
  z.object({ type: z.literal('manyToMany'), entity: pascalName, through: pascalName }),
]);
export type Relation = z.infer<typeof RelationSchema>;

export const EntitySchema = z.object({
  /** Singular, PascalCase: `Book`. */
  name: pascalName,
  /** Plural, PascalCase: `Books`, `People`. */
  plural: pascalName,
  fields: z.array(FieldSchema).min(1).max(30),
  relations: z.array(RelationSchema).max(12),
});
export type Entity = z.infer<typeof EntitySchema>;

export const FeaturesSchema = z.object({
  /** Where data lives: the browser, an embedded database (PGlite), a JSON file, or nowhere. */
  persistence: z.enum(['none', 'localStorage', 'embedded-db', 'json-file']),
  filtering: z.boolean(),
  search: z.boolean(),
  sorting: z.boolean(),
  pagination: z.boolean(),
  /** Bearer-token protection of writes; only server kinds can enforce it. */
  auth: z.boolean(),
});
export type Features = z.infer<typeof FeaturesSchema>;

/**
 * A behaviour beyond CRUD the request asks for (`auth`, `redirect-clicks`, `voting`, `booking`…).
 * Ids come from the behaviour registry (plugins/parser/behaviours), which plugins may extend,
 * so the spec takes any kebab-case id; a generator builds the ones it knows and the reviewer
 * reports the others as not built.
 */
export const BehaviourIdSchema = kebabName;

export const PageSchema = z.object({ slug: kebabName, title: label });
export type Page = z.infer<typeof PageSchema>;

export const CliSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('convert'), from: z.enum(DATA_FORMATS), to: z.enum(DATA_FORMATS) }),
  /** Add, list, update and remove the spec's entities in a JSON file. */
  z.object({ mode: z.literal('manage') }),
]);
export type CliSpec = z.infer<typeof CliSchema>;

export const AppSpecSchema = z
  .object({
    kind: z.enum(APP_KINDS),
    framework: z.enum(['react', 'hono', 'react-hono', 'node', 'html']),
    /** The only language the offline generator writes; a request for another one lands in `unresolved`. */
    language: z.literal('typescript'),
    name: z.object({ package: kebabName, title: label }),
    /** The prompt as given, trimmed; READMEs quote it. */
    description: z.string().max(4000),
    entities: z.array(EntitySchema).max(12),
    features: FeaturesSchema,
    /** Static sites only: the pages, the first one being the home page. */
    pages: z.array(PageSchema).max(12),
    /** CLI only. */
    cli: CliSchema.optional(),
    /** The app domain the request was read in (`vet-clinic`, `chat`), when one was recognised. */
    domain: kebabName.optional(),
    /** Behaviours asked for, by id; absent in older specs, which asked for none. */
    behaviours: z.array(BehaviourIdSchema).max(20).default([]),
    /**
     * What was asked for and is not generated, each a sentence a person understands
     * ("Dark mode: not built — the generated app has one light theme").
     */
    unresolved: z.array(z.string()),
  })
  .superRefine((spec, ctx) => {
    const names = new Set<string>();
    for (const [i, entity] of spec.entities.entries()) {
      if (names.has(entity.name)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'name'], message: `duplicate entity ${entity.name}` });
      names.add(entity.name);
    }
    for (const [i, entity] of spec.entities.entries()) {
      const taken = new Set<string>(RESERVED_FIELD_NAMES);
      for (const relation of entity.relations) {
        if (!names.has(relation.entity)) {
          ctx.addIssue({ code: 'custom', path: ['entities', i, 'relations'], message: `${entity.name} relates to unknown entity ${relation.entity}` });
        }
        if (relation.type === 'manyToMany') {
          const join = spec.entities.find((candidate) => candidate.name === relation.through);
          const joins = (target: string): boolean => join?.relations.some((r) => r.type === 'belongsTo' && r.entity === target) === true;
          if (!joins(entity.name) || !joins(relation.entity)) {
            ctx.addIssue({ code: 'custom', path: ['entities', i, 'relations'], message: `${entity.name} and ${relation.entity} are linked through ${relation.through}, which must belong to both` });
          }
        }
        if (relation.type === 'belongsTo') taken.add(`${relation.entity.charAt(0).toLowerCase()}${relation.entity.slice(1)}Id`);
      }
      for (const [j, field] of entity.fields.entries()) {
        if (taken.has(field.name)) ctx.addIssue({ code: 'custom', path: ['entities', i, 'fields', j, 'name'], message: `field name ${field.name} is reserved or repeated` });
        taken.add(field.name);
        if ((field.type === 'enum') !== (field.options !== undefined)) {
          ctx.addIssue({ code: 'custom', path: ['entities', i, 'fields', j, 'options'], message: 'options are required for enum fields and only for them' });
        }
      }
    }
    const needsEntities = spec.kind === 'react-spa' || spec.kind === 'rest-api' || spec.kind === 'fullstack' || spec.cli?.mode === 'manage';
    if (needsEntities && spec.entities.length === 0) ctx.addIssue({ code: 'custom', path: ['entities'], message: `a ${spec.kind} needs at least one entity` });
    if (spec.kind === 'cli' && spec.cli === undefined) ctx.addIssue({ code: 'custom', path: ['cli'], message: 'a cli needs a cli section' });
    if (spec.kind === 'static-site' && spec.pages.length === 0) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'a static site needs at least one page' });
    if (new Set(spec.behaviours).size !== spec.behaviours.length) ctx.addIssue({ code: 'custom', path: ['behaviours'], message: 'behaviours must be unique' });
    const slugs = new Set(spec.pages.map((page) => page.slug));
    if (slugs.size !== spec.pages.length) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'page slugs must be unique' });
  });

export type AppSpec = z.infer<typeof AppSpecSchema>;
