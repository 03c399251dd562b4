import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MemoryLru } from '../../core/llm/cache.ts';
import { sha256Hex, stableStringify } from '../../core/llm/hash.ts';
import { Redactor } from '../../core/llm/redact.ts';
import { retryAfterMs } from '../../core/llm/retryAfter.ts';
import { jsonSchemaOf, parseStructured, schemaName } from '../../core/llm/structured.ts';
import { costOf, summarizeUsage, type LlmUsage } from '../../core/llm/usage.ts';

const usage = (over: Partial<LlmUsage> = {}): LlmUsage => ({
  provider: 'p',
  model: 'm',
  promptTokens: 10,
  completionTokens: 5,
  totalTokens: 15,
  latencyMs: 100,
  costUsd: 0.1,
  cached: false,
  estimated: false,
  ...over,
});
const logged = (u: unknown) => ({ type: 'log', data: { level: 'info', message: 'llm.usage', data: u } });

describe('summarizeUsage', () => {
  it('sums usage events of a run per model and in total, ignoring everything else', () => {
    const summary = summarizeUsage([
      logged(usage()),
      logged(usage({ costUsd: 0.2, promptTokens: 1, completionTokens: 1, totalTokens: 2 })),
      logged(usage({ model: 'n', costUsd: null })),
      logged(usage({ cached: true, costUsd: 0, latencyMs: 0 })),
      logged({ provider: 'broken' }),
      { type: 'log', data: { level: 'info', message: 'something else', data: usage() } },
      { type: 'progress', data: { text: 'hi' } },
      { type: 'step.started', data: null },
    ]);
    expect(summary).toMatchObject({ calls: 4, cachedCalls: 1, unpricedCalls: 1, promptTokens: 31, completionTokens: 16, totalTokens: 47, latencyMs: 300 });
    expect(summary.costUsd).toBe(0.3);
    expect(Object.keys(summary.byModel).sort()).toEqual(['p/m', 'p/n']);
    expect(summary.byModel['p/m']).toMatchObject({ calls: 3, costUsd: 0.3 });
  });

  it('prices per 1K tokens', () => {
    expect(costOf({ prompt: 0.15, completion: 0.6 }, 2000, 500)).toBe(0.6);
    expect(costOf(undefined, 2000, 500)).toBeNull();
  });
});

describe('retryAfterMs', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it('reads milliseconds, seconds and dates', () => {
    expect(retryAfterMs(h({ 'retry-after-ms': '250.4' }))).toBe(251);
    expect(retryAfterMs(h({ 'retry-after': '3' }))).toBe(3000);
    expect(retryAfterMs(h({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs(h({ 'retry-after': 'Wed, 21 Oct 2015 07:28:10 GMT' }), Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).toBe(0);
    expect(retryAfterMs(h({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(h({}))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});

describe('structured output helpers', () => {
  const schema = z.object({ n: z.number() });
  it('finds JSON in fences or surrounded by prose', () => {
    expect(parseStructured('{"n":1}', schema)).toEqual({ ok: true, value: { n: 1 } });
    expect(parseStructured('```\n{"n":2}\n```', schema)).toEqual({ ok: true, value: { n: 2 } });
    expect(parseStructured('Result: {"n":3}. Done', schema)).toEqual({ ok: true, value: { n: 3 } });
    expect(parseStructured('', schema)).toMatchObject({ ok: false, problem: 'invalid_json', message: 'the reply was empty' });
    expect(parseStructured('{"n":"x"}', schema)).toMatchObject({ ok: false, problem: 'schema_mismatch', issues: [{ path: 'n' }] });
  });

  it('describes schemas without the meta-schema URL and rejects ones it cannot describe', () => {
    // The input side: what the model writes.
    expect(jsonSchemaOf(schema)).toEqual({ type: 'object', properties: { n: { type: 'number' } }, required: ['n'] });
    expect(jsonSchemaOf(z.object({ n: z.string().transform((s) => s.length) }))).toEqual({ type: 'object', properties: { n: { type: 'string' } }, required: ['n'] });
    expect(() => jsonSchemaOf(z.object({ at: z.date() }))).toThrow(expect.objectContaining({ code: 'llm_schema_unsupported' }));
    expect(() => schemaName('has space')).toThrow(expect.objectContaining({ code: 'llm_schema_unsupported' }));
  });
});

describe('small parts', () => {
  it('hashes equal requests equally whatever the key order', async () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2}]},"b":1}');
    expect(await sha256Hex(stableStringify({ a: 1, b: 2 }))).toBe(await sha256Hex(stableStringify({ b: 2, a: 1 })));
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('redacts every secret, longest first, deep in data', () => {
    const r = new Redactor(['sk-abcdef', 'sk-abcdef-long', 'abc']);
    expect(r.text('a sk-abcdef-long b sk-abcdef c abc')).toBe('a [redacted] b [redacted] c abc');
    expect(r.value({ list: ['sk-abcdef'], n: 1, nested: { 'sk-abcdef': true } })).toEqual({ list: ['[redacted]'], n: 1, nested: { '[redacted]': true } });
  });

  it('evicts the least recently used entry', () => {
    const lru = new MemoryLru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
