import type { EntityModel, FieldModel } from './model.ts';

export type SampleValue = string | number | boolean | null;

const WORDS = ['Alpha', 'Bravo', 'Charlie', 'Delta'];

/**
 * A valid value for a field, different for each `n`, so generated tests can create two records
 * and tell them apart when they filter, search or sort.
 */
export function sampleValue(entity: EntityModel, field: FieldModel, n: number): SampleValue {
  const word = WORDS[n % WORDS.length] ?? 'Alpha';
  switch (field.type) {
    case 'string':
      return `${word} ${field.label.toLowerCase()}`;
    case 'text':
      return `${word} ${field.label.toLowerCase()} for this ${entity.label.toLowerCase()}.`;
    case 'email':
      return `${word.toLowerCase()}@example.com`;
    case 'url':
      return `https://example.com/${word.toLowerCase()}`;
    case 'number':
      return 10.5 + n;
    case 'integer':
      return 3 + n;
    case 'boolean':
      return n % 2 === 1;
    case 'date':
      return `2024-0${(n % 9) + 1}-15`;
    case 'enum':
      return field.options?.[n % field.options.length] ?? null;
    case 'reference':
      return null;
  }
}

/**
 * The n-th of many distinct values for a field that can tell records apart (for paging tests),
 * or undefined for types with few values (booleans, enums, references).
 */
export function numberedValue(entity: EntityModel, field: FieldModel, n: number): string | number | undefined {
  switch (field.type) {
    case 'string':
    case 'text':
      return `${entity.label} number ${n}`;
    case 'email':
      return `${entity.camel.toLowerCase()}${n}@example.com`;
    case 'url':
      return `https://example.com/${entity.kebabPlural}/${n}`;
    case 'number':
    case 'integer':
      return 1000 + n;
    default:
      return undefined;
  }
}

/** A full valid record without references (their ids only exist at run time). */
export function sampleRecord(entity: EntityModel, n: number): Record<string, SampleValue> {
  const record: Record<string, SampleValue> = {};
  for (const field of entity.fields) if (field.type !== 'reference') record[field.name] = sampleValue(entity, field, n);
  return record;
}

/** A value of the wrong kind for the field, or undefined when every value is acceptable. */
export function invalidValue(field: FieldModel): SampleValue | undefined {
  switch (field.type) {
    case 'email':
      return 'not-an-email';
    case 'url':
      return 'not a url';
    case 'number':
    case 'integer':
      return 'many';
    case 'boolean':
      return 'maybe';
    case 'date':
      return 'next tuesday';
    case 'enum':
      return 'not-an-option';
    case 'string':
    case 'text':
      return 42;
    case 'reference':
      return 'first';
  }
}
