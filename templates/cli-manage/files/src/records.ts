import { UsageError } from './io.ts';
import type { EntityModel, FieldModel } from './model.ts';

export type Value = string | number | boolean | null;
export type StoredRecord = Record<string, Value> & { id: number };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function convert(field: FieldModel, raw: string): Value {
  const fail = (what: string): never => {
    throw new UsageError(`--${field.name} must be ${what}, got "${raw}"`);
  };
  if (raw === '' && !field.required) return null;
  switch (field.type) {
    case 'boolean':
      if (['true', 'yes', '1'].includes(raw)) return true;
      if (['false', 'no', '0'].includes(raw)) return false;
      return fail('true or false');
    case 'number': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isFinite(value) ? value : fail('a number');
    }
    case 'integer':
    case 'reference': {
      const value = Number(raw);
      return raw.trim() !== '' && Number.isInteger(value) ? value : fail('a whole number');
    }
    case 'date':
      return DATE.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : fail('a date like 2024-05-01');
    case 'email':
      return EMAIL.test(raw) ? raw : fail('an email address');
    case 'url':
      try {
        const url = new URL(raw);
        if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
      } catch {
        // Reported below like any other bad value.
      }
      return fail('a web address starting with http:// or https://');
    case 'enum':
      return field.options?.includes(raw) === true ? raw : fail(`one of ${field.options?.join(', ')}`);
    default:
      return raw.trim() === '' ? fail('some text') : raw;
  }
}

/** Field values from command-line options; `complete` demands every required field (add). */
export function readFields(entity: EntityModel, options: Record<string, string | undefined>, complete: boolean): Record<string, Value> {
  const values: Record<string, Value> = {};
  for (const field of entity.fields) {
    const raw = options[field.name];
    if (raw === undefined) {
      if (complete && field.required) throw new UsageError(`--${field.name} is required to add a ${entity.label.toLowerCase()}`);
      if (complete) values[field.name] = field.type === 'boolean' ? false : null;
      continue;
    }
    values[field.name] = convert(field, raw);
  }
  return values;
}
