import { camelCase, kebabCase, sentenceCase } from '../parser/names.ts';
import type { AppSpec, Entity, FieldType } from '../parser/spec.ts';

/** A field as generated code sees it: the spec's fields plus one `<parent>Id` per belongsTo. */
export interface FieldModel {
  name: string;
  label: string;
  type: FieldType | 'reference';
  required: boolean;
  options?: readonly string[];
  /** For references: the parent entity's model name (PascalCase). */
  references?: string;
}

/** Every name an entity takes in generated code, worked out once. */
export interface EntityModel {
  name: string;
  plural: string;
  /** `book`, `books`: variables and keys. */
  camel: string;
  camelPlural: string;
  /** `books`, `order-items`: URL segments, file names, table names (with `_`). */
  kebabPlural: string;
  table: string;
  label: string;
  pluralLabel: string;
  fields: FieldModel[];
  /** The field lists show as an item's title. */
  titleField: string;
  /** The first yes/no field: what a list's checkbox toggles. */
  toggleField: string | undefined;
  parents: string[];
}

export function entityModel(entity: Entity): EntityModel {
  const fields: FieldModel[] = entity.fields.map((field) => ({
    name: field.name,
    label: field.label,
    type: field.type,
    required: field.required,
    ...(field.options === undefined ? {} : { options: field.options }),
  }));
  const parents = entity.relations.filter((relation) => relation.type === 'belongsTo').map((relation) => relation.entity);
  for (const parent of parents) fields.push({ name: `${camelCase(parent)}Id`, label: sentenceCase(parent), type: 'reference', required: false, references: parent });
  const title = fields.find((field) => field.required && (field.type === 'string' || field.type === 'text' || field.type === 'email')) ?? fields.find((field) => field.type !== 'boolean') ?? fields[0];
  return {
    name: entity.name,
    plural: entity.plural,
    camel: camelCase(entity.name),
    camelPlural: camelCase(entity.plural),
    kebabPlural: kebabCase(entity.plural),
    table: kebabCase(entity.plural).replace(/-/g, '_'),
    label: sentenceCase(entity.name),
    pluralLabel: sentenceCase(entity.plural),
    fields,
    titleField: title?.name ?? 'id',
    toggleField: fields.find((field) => field.type === 'boolean')?.name,
    parents,
  };
}

/** Entity models with parents before children, so tables can reference what already exists. */
export function entityModels(spec: AppSpec): EntityModel[] {
  const models = spec.entities.map(entityModel);
  const ordered: EntityModel[] = [];
  const visiting = new Set<string>();
  const visit = (model: EntityModel): void => {
    if (ordered.includes(model) || visiting.has(model.name)) return;
    visiting.add(model.name);
    for (const parent of model.parents) {
      const found = models.find((candidate) => candidate.name === parent);
      if (found !== undefined) visit(found);
    }
    ordered.push(model);
  };
  for (const model of models) visit(model);
  return ordered;
}
