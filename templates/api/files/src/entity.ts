import type { z } from 'zod';

export type FieldType = 'string' | 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'email' | 'url' | 'enum' | 'reference';

export interface FieldDefinition {
  name: string;
  type: FieldType;
  required: boolean;
  /** For `reference` fields: the table whose `id` this field holds. */
  references?: string;
}

/** One resource of the API: its table, its URL segment, its columns and its input schema. */
export interface EntityDefinition {
  name: string;
  plural: string;
  table: string;
  path: string;
  fields: readonly FieldDefinition[];
  /** Validates the body of POST and PUT; PATCH accepts any subset of it. */
  input: z.ZodObject;
}

export type Row = Record<string, unknown> & { id: number };

export interface Features {
  filtering: boolean;
  search: boolean;
  sorting: boolean;
  pagination: boolean;
  auth: boolean;
}
