import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_JSON_SCHEMA_PATH } from '../../core/workflow/json-schema.ts';
import { renderWorkflowJsonSchema, workflowJsonSchema } from '../../core/workflow/index.ts';

describe('workflow JSON Schema', () => {
  it('committed copy is up to date (regenerate: npx tsx core/workflow/write-json-schema.ts)', () => {
    const committed = readFileSync(fileURLToPath(new URL(`../../${WORKFLOW_JSON_SCHEMA_PATH}`, import.meta.url)), 'utf8');
    expect(committed).toBe(renderWorkflowJsonSchema());
  });

  it('describes the language editors need: strict keys, step fields, durations', () => {
    const schema = workflowJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      properties: { steps: { items: { properties: Record<string, { pattern?: string }>; required: string[]; additionalProperties: boolean } } };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.required).toEqual(['name', 'steps']);
    expect(schema.additionalProperties).toBe(false);
    const step = schema.properties.steps.items;
    expect(step.required).toEqual(['id', 'uses']);
    expect(step.additionalProperties).toBe(false);
    expect(Object.keys(step.properties)).toEqual(['id', 'description', 'uses', 'with', 'needs', 'if', 'foreach', 'retry', 'timeout', 'continue-on-error']);
    const timeout = new RegExp(step.properties.timeout!.pattern!);
    expect(['250ms', '30s', '5m', '1h'].every((d) => timeout.test(d))).toBe(true);
    expect(timeout.test('5 minutes')).toBe(false);
  });
});
