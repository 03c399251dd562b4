// Regenerates workflows/workflow.schema.json: `npx tsx core/workflow/write-json-schema.ts`.
// A Node script, not part of the library, which stays free of Node APIs.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { renderWorkflowJsonSchema, WORKFLOW_JSON_SCHEMA_PATH } from './json-schema.ts';

const target = fileURLToPath(new URL(`../../${WORKFLOW_JSON_SCHEMA_PATH}`, import.meta.url));
await writeFile(target, renderWorkflowJsonSchema());
console.log(`wrote ${target}`);
