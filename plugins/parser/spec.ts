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

/** `belongsTo` adds a `<target>Id` reference on this entity; `hasMany` is its inverse. */
export const RelationSchema = z.object({
  type: z.enum(['belongsTo', 'hasMany']),
  entity: pascalName,
});
export type Relation = z.infer<typeof RelationSchema>;

export const EntitySchema = z.object({
  /** Singular, PascalCase: `Book`. */
  name: pascalName,
  /** Plural, PascalCase: `Books`, `People`. */
  plural: pascalName,
  fields: z.array(FieldSchema).min(1).max(30),
  relations: z.array(RelationSchema).max(10),
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
    /** Parts of the prompt that were understood as requests but are not generated. */
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
    const slugs = new Set(spec.pages.map((page) => page.slug));
    if (slugs.size !== spec.pages.length) ctx.addIssue({ code: 'custom', path: ['pages'], message: 'page slugs must be unique' });
  });

export type AppSpec = z.infer<typeof AppSpecSchema>;
