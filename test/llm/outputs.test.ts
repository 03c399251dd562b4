import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCHEMA_DIALECTS } from '../../core/llm/dialect.ts';
import { parseStructured, prepareSchema } from '../../core/llm/structured.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { LLM_OUTPUTS, structured, type LlmOutputName } from '../../plugins/llm/outputs.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { strictSchemaProblems } from './contract/strictRules.ts';

/**
 * Every structured request the llm plugin can send, held to the strict-mode rules. The list is
 * the registry itself, so a schema added there is checked without touching this file, and a
 * schema sent from anywhere else fails the last test.
 */
const SAMPLE_PATHS = ['src/App.tsx', 'src/main.tsx'];
const samples: Record<LlmOutputName, () => z.ZodType> = {
  app_spec: () => structured('app_spec').schema,
  module_files: () => structured('module_files', SAMPLE_PATHS).schema,
  repaired_files: () => structured('repaired_files', SAMPLE_PATHS).schema,
};

describe('the llm plugin’s output schemas', () => {
  it('has a sample for every registered schema', () => {
    expect(Object.keys(samples).sort()).toEqual(Object.keys(LLM_OUTPUTS).sort());
  });

  for (const name of Object.keys(LLM_OUTPUTS) as LlmOutputName[]) {
    for (const dialect of SCHEMA_DIALECTS) {
      it(`${name} in the ${dialect} dialect is a schema OpenAI's strict mode accepts`, () => {
        const { wire } = prepareSchema(samples[name](), name, dialect);
        expect(strictSchemaProblems(name, wire)).toEqual([]);
      });
    }
  }

  it('as z.toJSONSchema writes them (what was sent before), app_spec is refused for its optional fields', () => {
    const raw = z.toJSONSchema(structured('app_spec').schema) as Record<string, unknown>;
    expect(strictSchemaProblems('app_spec', raw).join('\n')).toMatch(/In context=\('properties', 'spec'\), 'required' is required .* Missing 'cli'/);
  });

  it('reads an answer written in the wire form back into a valid AppSpec (optional fields as null)', () => {
    for (const prompt of ['a command-line tool to convert csv files to json', 'a REST API for a bookstore with books and authors']) {
      const expected = parsePrompt(prompt);
      // What a strict-mode model writes: every optional field present, as null when unused.
      const wire = JSON.parse(
        JSON.stringify({ ...expected, spec: { cli: null, ...expected.spec, entities: expected.spec.entities.map((e) => ({ ...e, fields: e.fields.map((f) => ({ options: null, ...f })) })) } }),
      );
      const { source } = prepareSchema(structured('app_spec').schema, 'app_spec', 'openai-strict');
      const parsed = parseStructured(JSON.stringify(wire), structured('app_spec').schema, source);
      expect(parsed).toEqual({ ok: true, value: expected });
    }
    const files = generateApp(parsePrompt('Create a todo app with React').spec).slice(0, 2);
    const { source } = prepareSchema(structured('module_files', files.map((f) => f.path)).schema, 'module_files', 'openai-strict');
    expect(parseStructured(JSON.stringify({ files }), structured('module_files', files.map((f) => f.path)).schema, source)).toEqual({ ok: true, value: { files } });
  });

  it('is the only place the plugins name a structured output', () => {
    const root = fileURLToPath(new URL('../../plugins', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts') && !path.endsWith(join('llm', 'outputs.ts'))) {
          const text = readFileSync(path, 'utf8');
          if (/schemaName\s*:/.test(text)) offenders.push(path);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
