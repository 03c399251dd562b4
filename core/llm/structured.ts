import { z } from 'zod';
import { FatalStepError } from '../errors.ts';
import { formatIssues, zodIssues } from '../plugin/registry.ts';
import type { ValidationIssue } from '../errors.ts';
import { fromStrictValue, wireSchema, type JsonSchema, type SchemaDialect } from './dialect.ts';
import { LLM_ERROR } from './errors.ts';
import type { StructuredMode } from './kinds.ts';
import type { LlmMessage } from './types.ts';

const SCHEMA_NAME = /^[A-Za-z0-9_-]{1,64}$/;

export type ResponseFormat =
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } };

/**
 * The JSON Schema of what the model writes: zod's input side, so a field with a default may be
 * left out and a transform describes what it reads. Types without a JSON form (dates, bigints,
 * functions) cannot be described.
 */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json: Record<string, unknown>;
  try {
    json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  } catch (error) {
    throw new FatalStepError(
      `the output schema cannot be expressed as JSON Schema (${error instanceof Error ? error.message : String(error)}); ` +
        'describe the JSON the model writes with JSON types, and convert the value after complete() returns',
      { code: LLM_ERROR.schemaUnsupported },
    );
  }
  // Some endpoints reject the meta-schema URL; the schema means the same without it.
  const { $schema: _ignored, ...rest } = json;
  return rest;
}

export function schemaName(name: string | undefined): string {
  if (name === undefined) return 'response';
  if (!SCHEMA_NAME.test(name)) {
    throw new FatalStepError(`schema name '${name}' must be 1-64 letters, digits, '_' or '-'`, { code: LLM_ERROR.schemaUnsupported });
  }
  return name;
}

/** What a structured request sends and how its answer is read back. */
export interface PreparedSchema {
  name: string;
  /** zod's JSON Schema of the answer; guides the way back from the wire form. */
  source: JsonSchema;
  /** The schema in the provider's dialect, as sent. */
  wire: JsonSchema;
}

/** Converts and checks a schema for a provider before anything is sent (fatal errors name the schema). */
export function prepareSchema(schema: z.ZodType, name: string | undefined, dialect: SchemaDialect): PreparedSchema {
  const checkedName = schemaName(name);
  const source = jsonSchemaOf(schema);
  return { name: checkedName, source, wire: wireSchema(source, checkedName, dialect) };
}

export function responseFormat(mode: StructuredMode, name: string, schema: Record<string, unknown>, strict: boolean): ResponseFormat | undefined {
  if (mode === 'json_schema') return { type: 'json_schema', json_schema: { name, schema, strict } };
  if (mode === 'json_mode') return { type: 'json_object' };
  return undefined;
}

/**
 * Without native structured output the schema travels in a system message. JSON mode also
 * needs the word "JSON" somewhere in the messages, which this supplies.
 */
export function schemaInstruction(schema: Record<string, unknown>): LlmMessage {
  return {
    role: 'system',
    content:
      'Reply with one JSON value and nothing else: no prose, no Markdown code fences. ' +
      `It must satisfy this JSON Schema:\n${JSON.stringify(schema)}`,
  };
}

export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; problem: 'invalid_json' | 'schema_mismatch'; message: string; issues: ValidationIssue[] };

/**
 * Reads the model's text as JSON and validates it; fences and chatter around the JSON are
 * tolerated. With the `source` JSON Schema, the wire form is mapped back first (nulls for
 * optional fields become absent, entry lists become records).
 */
export function parseStructured<S extends z.ZodType>(text: string, schema: S, source?: JsonSchema): Parsed<z.output<S>> {
  const json = readJson(text);
  if (!json.ok) return { ok: false, problem: 'invalid_json', message: json.message, issues: [] };
  const value = source === undefined ? json.value : fromStrictValue(json.value, source);
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problem: 'schema_mismatch', message: formatIssues(result.error), issues: zodIssues(result.error) };
}

function readJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const candidates = [text.trim()];
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(text);
  if (fenced?.[1] !== undefined) candidates.push(fenced[1].trim());
  const start = text.search(/[[{]/);
  const end = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (start >= 0 && end > start) candidates.push(text.slice(start, end + 1));
  let first: string | undefined;
  for (const candidate of candidates) {
    try {
      return { ok: true, value: JSON.parse(candidate) };
    } catch (error) {
      first ??= error instanceof Error ? error.message : String(error);
    }
  }
  return { ok: false, message: text.trim() === '' ? 'the reply was empty' : (first ?? 'not JSON') };
}

/** The turn that shows the model what was wrong with its answer. */
export function repairMessages(text: string, failure: Extract<Parsed<unknown>, { ok: false }>): LlmMessage[] {
  const what =
    failure.problem === 'invalid_json'
      ? `Your reply is not valid JSON (${failure.message}).`
      : `Your reply does not match the required schema: ${failure.message}.`;
  return [
    { role: 'assistant', content: text },
    { role: 'user', content: `${what} Reply again with only the corrected JSON.` },
  ];
}
