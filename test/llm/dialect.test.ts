import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exceededLimit, fromStrictValue, measureSchema, OPENAI_LIMITS, toStrictSchema, wireSchema, type JsonSchema } from '../../core/llm/dialect.ts';
import { jsonSchemaOf } from '../../core/llm/structured.ts';
import { strictSchemaProblems } from './contract/strictRules.ts';

/** A schema with every zod feature an output schema may grow: the converter must keep working. */
const kitchenSink = z
  .object({
    name: z.string().min(1).max(40),
    nickname: z.string().optional(),
    middle: z.string().nullable(),
    maybe: z.number().int().nullish(),
    size: z.enum(['s', 'm', 'l']).default('m'),
    site: z.url().optional(),
    mail: z.email(),
    tags: z.array(z.string().regex(/^[a-z]+$/)).min(1).max(5),
    shape: z.discriminatedUnion('kind', [z.object({ kind: z.literal('circle'), r: z.number().positive() }), z.object({ kind: z.literal('square'), side: z.number(), label: z.string().optional() })]),
    either: z.union([z.string(), z.number()]).optional(),
    scores: z.record(z.string(), z.number()),
    nested: z.object({ inner: z.object({ flag: z.boolean().optional() }) }).optional(),
    empty: z.object({}),
  })
  .refine((v) => v.name !== 'forbidden', { message: 'name is forbidden', path: ['name'] });

describe('strict dialect', () => {
  const source = jsonSchemaOf(kitchenSink);
  const strict = toStrictSchema(source);

  it('writes schemas that the strict-mode rules accept, where zod’s own output is refused', () => {
    expect(strictSchemaProblems('sink', strict)).toEqual([]);
    const raw = strictSchemaProblems('sink', source);
    expect(raw.join('\n')).toMatch(/'required' is required to be supplied and to be an array including every key in properties. Missing 'nickname'/);
    expect(raw.join('\n')).toMatch(/'additionalProperties' is required/);
    expect(raw.join('\n')).toMatch(/'minLength' is not permitted/);
    expect(raw.join('\n')).toMatch(/'oneOf' is not permitted/);
  });

  it('makes optional fields required and nullable, keeps nullable ones, and closes every object', () => {
    const props = strict.properties as Record<string, JsonSchema>;
    expect(strict.required).toEqual(Object.keys(kitchenSink.shape));
    expect(strict.additionalProperties).toBe(false);
    expect(props.nickname).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    // Already nullable in zod: no second null branch.
    expect(props.middle).toEqual({ type: ['string', 'null'] });
    expect(props.shape!.anyOf).toHaveLength(2);
    expect(props.empty).toEqual({ type: 'object', properties: {}, required: [], additionalProperties: false });
  });

  it('moves unsupported keywords and formats into the description, keeping supported ones', () => {
    const props = strict.properties as Record<string, JsonSchema>;
    expect(props.name).toEqual({ type: 'string', description: '(minLength: 1; maxLength: 40)' });
    expect(props.size).toMatchObject({ anyOf: [{ type: 'string', enum: ['s', 'm', 'l'], description: '(default: "m")' }, { type: 'null' }] });
    expect(JSON.stringify(props.site)).toContain('format: uri');
    expect(props.mail).toMatchObject({ type: 'string', format: 'email' });
    expect(props.tags).toMatchObject({ type: 'array', minItems: 1, maxItems: 5, items: { type: 'string', pattern: '^[a-z]+$' } });
  });

  it('maps the wire answer back: nulls of optional fields to absent, entry lists to records; zod then applies defaults and refinements', () => {
    const wire = {
      name: 'Ada',
      nickname: null,
      middle: null,
      maybe: null,
      size: null,
      site: null,
      mail: 'ada@example.com',
      tags: ['math'],
      shape: { kind: 'square', side: 2, label: null },
      either: null,
      scores: [{ key: 'a', value: 1 }, { key: 'b', value: 2 }],
      nested: { inner: { flag: null } },
      empty: {},
    };
    const back = fromStrictValue(wire, source);
    expect(back).toEqual({
      name: 'Ada',
      middle: null,
      maybe: null,
      mail: 'ada@example.com',
      tags: ['math'],
      shape: { kind: 'square', side: 2 },
      scores: { a: 1, b: 2 },
      nested: { inner: {} },
      empty: {},
    });
    expect(kitchenSink.parse(back)).toMatchObject({ size: 'm', middle: null });
    expect(kitchenSink.safeParse(fromStrictValue({ ...wire, name: 'forbidden' }, source)).success).toBe(false);
    // Answers already in zod's shape (json_mode, none) pass through.
    expect(fromStrictValue({ ...wire, nickname: 'A', scores: { a: 1 } }, source)).toMatchObject({ nickname: 'A', scores: { a: 1 } });
  });

  it('tells the branches of a plain union apart by their keys when mapping nulls back', () => {
    const either = z.object({ contact: z.union([z.object({ email: z.string(), name: z.string().optional() }), z.object({ phone: z.string(), ext: z.string().optional() })]) });
    const src = jsonSchemaOf(either);
    expect(strictSchemaProblems('either', toStrictSchema(src))).toEqual([]);
    const back = fromStrictValue({ contact: { phone: '555', ext: null } }, src);
    expect(back).toEqual({ contact: { phone: '555' } });
    expect(either.parse(back)).toEqual({ contact: { phone: '555' } });
  });

  it('keeps recursive schemas through $defs', () => {
    interface Tree { label: string; children: Tree[]; note?: string }
    const tree: z.ZodType<Tree> = z.object({ label: z.string(), note: z.string().optional(), get children() { return z.array(tree); } });
    const src = jsonSchemaOf(z.object({ root: tree }));
    const out = toStrictSchema(src);
    expect(strictSchemaProblems('tree', out)).toEqual([]);
    expect(fromStrictValue({ root: { label: 'a', note: null, children: [{ label: 'b', note: null, children: [] }] } }, src)).toEqual({ root: { label: 'a', children: [{ label: 'b', children: [] }] } });
  });

  it('refuses what strict mode cannot express, naming the schema and the place', () => {
    expect(() => wireSchema(jsonSchemaOf(z.object({ a: z.unknown() })), 'loose', 'openai-strict')).toThrow(/schema 'loose' cannot be sent as a openai-strict schema: \$\.a: accepts any value/);
    expect(() => wireSchema(jsonSchemaOf(z.array(z.string())), 'list', 'openai-strict')).toThrow(/root must be an object/);
    expect(() => wireSchema(jsonSchemaOf(z.object({ t: z.tuple([z.string(), z.number()]) })), 'pair', 'portable')).toThrow(expect.objectContaining({ code: 'llm_schema_unsupported', details: expect.objectContaining({ path: '$.t' }) }));
  });

  it('fails before sending when a schema exceeds OpenAI’s limits, naming the schema and the limit', () => {
    let deep: z.ZodType = z.object({ leaf: z.string() });
    for (let i = 0; i < 10; i++) deep = z.object({ next: deep });
    const source = jsonSchemaOf(deep as z.ZodObject);
    expect(measureSchema(toStrictSchema(source)).depth).toBe(11);
    expect(strictSchemaProblems('deep', toStrictSchema(source)).join()).toMatch(/too many levels of nesting: 11 > 10/);
    expect(() => wireSchema(source, 'deep', 'openai-strict')).toThrow(expect.objectContaining({ code: 'llm_schema_too_large', message: "schema 'deep' exceeds OpenAI's strict-mode limit on nesting depth: 11 > 10" }));
    // The same schema is fine for servers without OpenAI's limits.
    expect(() => wireSchema(source, 'deep', 'portable')).not.toThrow();

    const wide = z.object({ choice: z.enum(Array.from({ length: 1001 }, (_, i) => `v${i}`) as [string, ...string[]]) });
    expect(() => wireSchema(jsonSchemaOf(wide), 'wide', 'openai-strict')).toThrow(/total enum values: 1001 > 1000/);
    const many = z.object(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`p${i}`, z.boolean()])));
    expect(exceededLimit(measureSchema(toStrictSchema(jsonSchemaOf(many))), OPENAI_LIMITS)).toEqual({ limit: 'total object properties', actual: 5001, max: 5000 });
    const long = z.object({ big: z.enum(Array.from({ length: 300 }, (_, i) => `${'x'.repeat(60)}${i}`) as [string, ...string[]]) });
    expect(() => wireSchema(jsonSchemaOf(long), 'long', 'openai-strict')).toThrow(/one enum with more than 250 values/);
  });
});
