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
  /** What a list shows of each item, the title first: two to four fields that tell items apart. */
  listFields: string[];
  /** The first yes/no field: what a list's checkbox toggles. */
  toggleField: string | undefined;
  parents: string[];
}

/** How well a field tells one record from another in a list: lower is better. */
const LIST_RANK: Record<FieldModel['type'], number> = { reference: 0, enum: 1, date: 2, email: 3, integer: 4, number: 4, string: 5, url: 6, boolean: 7, text: 8 };
const MAX_LIST_FIELDS = 4;

/**
 * The fields a list shows: the title, the parents (so a child list names them), then required
 * fields before optional ones, and short,
 * distinguishing types (a parent, a status, a date, an email, a quantity) before free text.
 * Long text only fills in when little else is there; the toggle has its own checkbox.
 */
export function chooseListFields(fields: readonly FieldModel[], titleField: string, toggleField: string | undefined): string[] {
  const rest = fields
    .filter((field) => field.name !== titleField && field.name !== toggleField)
    .map((field, index) => ({ field, index }))
    .sort((a, b) => Number(b.field.type === 'reference') - Number(a.field.type === 'reference') || Number(b.field.required) - Number(a.field.required) || LIST_RANK[a.field.type] - LIST_RANK[b.field.type] || a.index - b.index)
    .map(({ field }) => field);
  const short = rest.filter((field) => field.type !== 'text');
  const chosen = [...short, ...(short.length === 0 ? rest : [])].slice(0, MAX_LIST_FIELDS - 1);
  return [titleField, ...chosen.map((field) => field.name)].filter((name) => fields.some((field) => field.name === name));
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
  const toggleField = fields.find((field) => field.type === 'boolean')?.name;
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
    listFields: chooseListFields(fields, title?.name ?? 'id', toggleField),
    toggleField,
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
