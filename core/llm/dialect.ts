import { FatalStepError } from '../errors.ts';
import { LLM_ERROR } from './errors.ts';

/**
 * JSON Schema as providers accept it. OpenAI's strict structured outputs (and every server that
 * copies its validation) accept a subset of JSON Schema: every object lists all its properties in
 * `required` and sets `additionalProperties: false`, optional values are expressed as nullable,
 * unions are `anyOf`, and only some keywords are allowed. The zod helper of the `openai` package
 * does not fit: it refuses `.optional()` fields instead of converting them, leaves zod's `oneOf`
 * (discriminated unions) and records as they are, and keeps no way back from the nulls it asks
 * for. This module converts, checks the documented limits, and maps answers back.
 */

export type JsonSchema = Record<string, unknown>;

export const SCHEMA_DIALECTS = ['openai-strict', 'portable'] as const;
/**
 * `openai-strict`: the strict subset and OpenAI's size limits. `portable`: the same subset without
 * the limits, for grammar-constrained local servers and Gemini, whose limits are their own.
 */
export type SchemaDialect = (typeof SCHEMA_DIALECTS)[number];

/** Sizes OpenAI documents for strict structured outputs. */
export interface SchemaLimits {
  /** Objects within objects; the root object is level 1. */
  maxDepth: number;
  /** Properties of all objects together. */
  maxProperties: number;
  /** Values of all enums together. */
  maxEnumValues: number;
  /** Characters of all property names, definition names, enum values and const values. */
  maxStringLength: number;
  /** One string enum with more than `largeEnumValues` values may have this many characters in all. */
  maxLargeEnumLength: number;
  largeEnumValues: number;
}

export const OPENAI_LIMITS: SchemaLimits = {
  maxDepth: 10,
  maxProperties: 5_000,
  maxEnumValues: 1_000,
  maxStringLength: 120_000,
  maxLargeEnumLength: 15_000,
  largeEnumValues: 250,
};

/** Keywords strict mode accepts on a schema node; anything else moves into the description. */
const KEPT = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'anyOf',
  'enum',
  'const',
  '$ref',
  '$defs',
  'description',
  'title',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);
/** String formats strict mode knows; others (zod's `uri`, `cidr`…) become a description. */
const FORMATS = new Set(['date-time', 'time', 'date', 'duration', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid']);
/** Keywords that change what a value may be in ways no description keeps honest. */
const REFUSED: Record<string, string> = {
  allOf: 'intersections (allOf)',
  not: 'negations (not)',
  if: 'conditionals (if/then/else)',
  prefixItems: 'tuples (prefixItems)',
  patternProperties: 'patternProperties',
  dependentSchemas: 'dependentSchemas',
};

export class SchemaProblem extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/**
 * The strict form of a JSON Schema (zod's input form: what the model writes). Optional
 * properties become required and nullable, objects are closed, `oneOf` becomes `anyOf`, records
 * become arrays of `{ key, value }`, and unsupported keywords are written into the description
 * so that the model still reads them (zod enforces them on the answer). Throws SchemaProblem.
 */
export function toStrictSchema(source: JsonSchema): JsonSchema {
  if (source.type !== 'object' || source.properties === undefined) {
    throw new SchemaProblem('$', 'the root must be an object with properties (strict mode refuses other roots); wrap the value in an object');
  }
  const out = convert(source, '$');
  const defs = source.$defs;
  if (isObject(defs)) out.$defs = Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, convert(def, `$defs.${name}`)]));
  return out;
}

function convert(node: unknown, path: string): JsonSchema {
  if (!isObject(node)) {
    throw new SchemaProblem(path, 'accepts any value; strict mode needs a type (use a concrete zod type instead of z.any()/z.unknown())');
  }
  for (const [keyword, what] of Object.entries(REFUSED)) {
    if (keyword in node) throw new SchemaProblem(path, `${what} cannot be expressed in strict mode`);
  }
  if (Object.keys(node).length === 0) throw new SchemaProblem(path, 'accepts any value; strict mode needs a type');
  if (isRecord(node)) return convertRecord(node, path);
  const out: JsonSchema = {};
  const notes: string[] = [];
  for (const [keyword, value] of Object.entries(node)) {
    if (keyword === '$defs' || keyword === '$schema') continue;
    if (keyword === 'oneOf' || keyword === 'anyOf') {
      if (!Array.isArray(value)) throw new SchemaProblem(path, `${keyword} must be a list`);
      out.anyOf = value.map((branch, i) => convert(branch, `${path}|${i}`));
    } else if (keyword === 'properties') {
      if (!isObject(value)) throw new SchemaProblem(path, 'properties must be an object');
      const required = new Set(Array.isArray(node.required) ? (node.required as unknown[]) : []);
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, child]) => {
          const converted = convert(child, `${path}.${name}`);
          return [name, required.has(name) || acceptsNull(child) ? converted : nullable(converted)];
        }),
      );
      out.required = Object.keys(value);
      out.additionalProperties = false;
    } else if (keyword === 'required' || keyword === 'additionalProperties') {
      // Written with the properties: all of them, and closed.
    } else if (keyword === 'items') {
      out.items = convert(value, `${path}[]`);
    } else if (keyword === 'format' && typeof value === 'string' && !FORMATS.has(value)) {
      notes.push(`format: ${value}`);
    } else if (keyword === 'default') {
      notes.push(`default: ${JSON.stringify(value)}`);
    } else if (KEPT.has(keyword)) {
      out[keyword] = value;
    } else {
      notes.push(`${keyword}: ${JSON.stringify(value)}`);
    }
  }
  if (node.type === 'object' && out.properties === undefined) {
    // An object without declared properties (z.object({})): closed and empty.
    out.properties = {};
    out.required = [];
    out.additionalProperties = false;
  }
  if (notes.length > 0) out.description = [typeof out.description === 'string' ? out.description : '', `(${notes.join('; ')})`].filter(Boolean).join(' ');
  return out;
}

/** `{ [key]: value }` maps cannot be closed, so the model writes them as a list of entries. */
function convertRecord(node: JsonSchema, path: string): JsonSchema {
  const key = isObject(node.propertyNames) ? convert(node.propertyNames, `${path}{key}`) : { type: 'string' };
  const value = convert(node.additionalProperties, `${path}{value}`);
  const description = ['A map written as a list of entries; keys are unique.', typeof node.description === 'string' ? node.description : ''].filter(Boolean).join(' ');
  return {
    type: 'array',
    description,
    items: { type: 'object', properties: { key, value }, required: ['key', 'value'], additionalProperties: false },
  };
}

function isRecord(node: JsonSchema): boolean {
  return node.type === 'object' && node.properties === undefined && isObject(node.additionalProperties);
}

function nullable(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema.anyOf) && schema.type === undefined) return { ...schema, anyOf: [...(schema.anyOf as unknown[]), { type: 'null' }] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Whether the source schema itself takes null, so a null answer is meant and kept. */
function acceptsNull(node: unknown): boolean {
  if (!isObject(node)) return true;
  if (node.type === 'null') return true;
  if (Array.isArray(node.type) && node.type.includes('null')) return true;
  if (Array.isArray(node.enum) && node.enum.includes(null)) return true;
  if ('const' in node && node.const === null) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = node[key];
    if (Array.isArray(branches) && branches.some(acceptsNull)) return true;
  }
  return false;
}

/**
 * The answer as the source schema expects it: a null the model wrote for an optional property
 * (one the source does not let be null) becomes absent, and record entries become a map again.
 * Everything else is left to zod, which validates the result.
 */
export function fromStrictValue(value: unknown, source: JsonSchema): unknown {
  const root = source;
  const walk = (v: unknown, node: unknown): unknown => {
    if (!isObject(node)) return v;
    const schema = resolve(node, root);
    if (isRecord(schema)) {
      if (!Array.isArray(v)) return v;
      if (!v.every((e) => isObject(e) && 'key' in e && 'value' in e)) return v;
      return Object.fromEntries(v.map((e) => [String((e as JsonSchema).key), walk((e as JsonSchema).value, schema.additionalProperties)]));
    }
    const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
    if (Array.isArray(branches)) {
      const branch = branches.find((b) => fits(v, resolve(isObject(b) ? b : {}, root)));
      return branch === undefined ? v : walk(v, branch);
    }
    if (Array.isArray(v)) return isObject(schema.items) ? v.map((item) => walk(item, schema.items)) : v;
    if (isObject(v) && isObject(schema.properties)) {
      const props = schema.properties;
      const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
      const out: JsonSchema = {};
      for (const [name, child] of Object.entries(v)) {
        const childSchema = props[name];
        if (child === null && childSchema !== undefined && !required.has(name) && !acceptsNull(resolve(isObject(childSchema) ? childSchema : {}, root))) continue;
        out[name] = childSchema === undefined ? child : walk(child, childSchema);
      }
      return out;
    }
    return v;
  };
  return walk(value, source);
}

/** A cheap guess of which union branch a value belongs to: its type, its const properties, its keys. */
function fits(value: unknown, schema: JsonSchema): boolean {
  if ('const' in schema) return schema.const === value;
  if (Array.isArray(schema.enum)) return schema.enum.includes(value);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  if (types.length > 0 && !types.some((t) => typeOk(value, t, schema))) return false;
  if (isObject(value) && isObject(schema.properties)) {
    const props = schema.properties;
    for (const [name, prop] of Object.entries(props)) {
      if (isObject(prop) && 'const' in prop && name in value && value[name] !== prop.const) return false;
    }
    // A strict answer has exactly its branch's keys; a branch missing one of them is another branch.
    if (!Object.keys(value).every((key) => key in props)) return false;
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    if (!required.every((key) => key in value)) return false;
  }
  return true;
}

function typeOk(value: unknown, type: string, schema: JsonSchema): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isRecord(schema) ? Array.isArray(value) || isObject(value) : isObject(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    default:
      return typeof value === type;
  }
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/')) return current;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    if (!isObject(target)) return current;
    current = target;
  }
  return current;
}

export interface SchemaSize {
  depth: number;
  properties: number;
  enumValues: number;
  stringLength: number;
  /** The longest single enum with more than `largeEnumValues` values, in characters. */
  largestEnumLength: number;
}

/** Measures a (converted) schema the way OpenAI's limits count. */
export function measureSchema(schema: JsonSchema, limits: Pick<SchemaLimits, 'largeEnumValues'> = OPENAI_LIMITS): SchemaSize {
  const size: SchemaSize = { depth: 0, properties: 0, enumValues: 0, stringLength: 0, largestEnumLength: 0 };
  const visit = (node: unknown, depth: number): void => {
    if (!isObject(node)) return;
    let level = depth;
    if (isObject(node.properties)) {
      level = depth + 1;
      size.depth = Math.max(size.depth, level);
      for (const [name, child] of Object.entries(node.properties)) {
        size.properties += 1;
        size.stringLength += name.length;
        visit(child, level);
      }
    }
    if (Array.isArray(node.enum)) {
      size.enumValues += node.enum.length;
      const length = node.enum.reduce<number>((n, v) => n + (typeof v === 'string' ? v.length : 0), 0);
      size.stringLength += length;
      if (node.enum.length > limits.largeEnumValues) size.largestEnumLength = Math.max(size.largestEnumLength, length);
    }
    if (typeof node.const === 'string') size.stringLength += node.const.length;
    if (node.items !== undefined) visit(node.items, level);
    if (Array.isArray(node.anyOf)) for (const branch of node.anyOf) visit(branch, level);
    if (isObject(node.$defs)) {
      for (const [name, def] of Object.entries(node.$defs)) {
        size.stringLength += name.length;
        visit(def, 0);
      }
    }
  };
  visit(schema, 0);
  return size;
}

/** The first limit a schema exceeds, or undefined. */
export function exceededLimit(size: SchemaSize, limits: SchemaLimits): { limit: string; actual: number; max: number } | undefined {
  const checks: [string, number, number][] = [
    ['nesting depth', size.depth, limits.maxDepth],
    ['total object properties', size.properties, limits.maxProperties],
    ['total enum values', size.enumValues, limits.maxEnumValues],
    ['characters of property names, definition names, enum and const values', size.stringLength, limits.maxStringLength],
    [`characters of one enum with more than ${limits.largeEnumValues} values`, size.largestEnumLength, limits.maxLargeEnumLength],
  ];
  for (const [limit, actual, max] of checks) if (actual > max) return { limit, actual, max };
  return undefined;
}

/**
 * The schema to send for a dialect, checked: FatalStepError `llm_schema_unsupported` naming the
 * schema and the place, or `llm_schema_too_large` naming the schema and the limit, before any
 * request is made.
 */
export function wireSchema(source: JsonSchema, name: string, dialect: SchemaDialect): JsonSchema {
  let strict: JsonSchema;
  try {
    strict = toStrictSchema(source);
  } catch (error) {
    if (!(error instanceof SchemaProblem)) throw error;
    throw new FatalStepError(`schema '${name}' cannot be sent as a ${dialect} schema: ${error.message}`, {
      code: LLM_ERROR.schemaUnsupported,
      details: { schema: name, dialect, path: error.path },
    });
  }
  if (dialect === 'openai-strict') {
    const over = exceededLimit(measureSchema(strict), OPENAI_LIMITS);
    if (over) {
      throw new FatalStepError(`schema '${name}' exceeds OpenAI's strict-mode limit on ${over.limit}: ${over.actual} > ${over.max}`, {
        code: LLM_ERROR.schemaTooLarge,
        details: { schema: name, dialect, ...over },
      });
    }
  }
  return strict;
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
