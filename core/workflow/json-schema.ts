import { z } from 'zod';
import { workflowSchema } from './schema.ts';

/** Where the generated schema is committed, relative to the repository root. */
export const WORKFLOW_JSON_SCHEMA_PATH = 'workflows/workflow.schema.json';

/**
 * The language as JSON Schema (draft-07, which yaml-language-server and most editors read),
 * generated from the same zod schema the loader uses.
 */
export function workflowJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(workflowSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://quantumlayer.dev/schemas/workflow.schema.json', title: 'QuantumLayer workflow' };
}

/** The file's exact text, so a test can tell whether the committed copy is current. */
export function renderWorkflowJsonSchema(): string {
  return `${JSON.stringify(workflowJsonSchema(), null, 2)}\n`;
}
