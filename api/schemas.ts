import { z } from '@hono/zod-openapi';

/**
 * The API's data at its boundary, as zod schemas: REST validates requests with them and the
 * OpenAPI document is generated from them; GraphQL parses its arguments with the same ones.
 */

const isoDate = z.string().openapi({ format: 'date-time', example: '2025-01-01T12:00:00.000Z' });
const uuid = z.string().openapi({ format: 'uuid' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine-readable error code.' }),
    issues: z
      .array(z.object({ path: z.string(), message: z.string(), line: z.number().int().optional(), column: z.number().int().optional() }))
      .optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem');

export const ErrorInfoSchema = z
  .object({ code: z.string(), message: z.string(), retryable: z.boolean().optional(), details: z.record(z.string(), z.unknown()).optional() })
  .openapi('ErrorInfo');

// A union, not .nullable(): zod 4 carries the name over, and the component itself would become nullable.
const nullableErrorInfo = z.union([ErrorInfoSchema, z.null()]);

export const RunStatusSchema = z.enum(['running', 'completed', 'failed', 'cancelled']).openapi('RunStatus');
export const StepStatusSchema = z
  .enum(['pending', 'ready', 'running', 'waiting', 'completed', 'failed', 'skipped', 'cancelled'])
  .openapi('StepStatus');

export const RunSchema = z
  .object({
    id: uuid,
    workflowId: z.string(),
    workflowName: z.string(),
    status: RunStatusSchema,
    input: z.unknown(),
    output: z.unknown(),
    error: nullableErrorInfo,
    idempotencyKey: z.string().nullable(),
    createdAt: isoDate,
    finishedAt: isoDate.nullable(),
  })
  .openapi('Run');

export const StepSchema = z
  .object({
    key: z.string(),
    kind: z.enum(['step', 'child', 'output']),
    parentKey: z.string().nullable(),
    uses: z.string().nullable(),
    status: StepStatusSchema,
    attempt: z.number().int(),
    maxAttempts: z.number().int(),
    output: z.unknown(),
    error: nullableErrorInfo,
    createdAt: isoDate,
    startedAt: isoDate.nullable(),
    finishedAt: isoDate.nullable(),
  })
  .openapi('Step');

export const RunDetailSchema = RunSchema.extend({ steps: z.array(StepSchema) }).openapi('RunDetail');

export const RunEventSchema = z
  .object({
    id: z.number().int().openapi({ description: 'Increasing; the SSE event id.' }),
    runId: uuid,
    stepKey: z.string().nullable(),
    type: z.string().openapi({ example: 'step.completed' }),
    data: z.unknown(),
    at: isoDate,
  })
  .openapi('RunEvent');

export const RunPageSchema = z
  .object({ runs: z.array(RunSchema), nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last.' }) })
  .openapi('RunPage');

export const ListRunsQuerySchema = z.object({
  status: RunStatusSchema.optional(),
  workflow: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional().openapi({ type: 'integer', example: 50 }),
  cursor: z.string().min(1).max(500).optional(),
});

export const StartRunBodySchema = z
  .object({
    workflow: z.string().min(1).max(200).openapi({ description: 'Workflow name (newest version) or version id.', example: 'hello' }),
    input: z.unknown().optional().openapi({ description: "The run's input; checked against the workflow's inputs." }),
  })
  .strict()
  .openapi('StartRun');

export const GenerateBodySchema = z
  .object({
    prompt: z.string().trim().min(1).max(20_000).openapi({ example: 'a todo list app with a REST API' }),
    workflow: z.string().min(1).max(200).optional().openapi({ description: 'The generation workflow to run.', default: 'generate-app' }),
  })
  .strict()
  .openapi('Generate');

export const DEFAULT_GENERATE_WORKFLOW = 'generate-app';

export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'Starting again with the same key returns the first run (200) instead of a new one (201).' }),
});

export const RunIdParamSchema = z.object({ id: uuid.openapi({ param: { name: 'id', in: 'path' } }) });

export const ArtifactSchema = z
  .object({ name: z.string(), contentType: z.string(), size: z.number().int(), sha256: z.string(), createdAt: isoDate })
  .openapi('Artifact');

export const WorkflowSummarySchema = z
  .object({ id: z.string().openapi({ description: 'SHA-256 of the source.' }), name: z.string(), version: z.string(), createdAt: isoDate })
  .openapi('WorkflowSummary');

export const WorkflowDetailSchema = WorkflowSummarySchema.extend({
  source: z.string(),
  versions: z.array(WorkflowSummarySchema).openapi({ description: 'Every stored version of this name, newest first.' }),
}).openapi('WorkflowDetail');

export const RegisteredWorkflowSchema = WorkflowSummarySchema.extend({ created: z.boolean() }).openapi('RegisteredWorkflow');

export const WorkflowSourceSchema = z
  .object({ source: z.string().min(1).max(256 * 1024).openapi({ description: 'The workflow YAML.' }) })
  .strict()
  .openapi('WorkflowSource');

export const WorkflowIssueSchema = z
  .object({ path: z.string(), file: z.string(), line: z.number().int(), column: z.number().int(), message: z.string() })
  .openapi('WorkflowIssue');

export const ValidationResultSchema = z.object({ valid: z.boolean(), issues: z.array(WorkflowIssueSchema) }).openapi('ValidationResult');

export const PluginSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    description: z.string().nullable(),
    source: z.string(),
    steps: z.array(
      z.object({
        uses: z.string(),
        step: z.string(),
        description: z.string().nullable(),
        inputSchema: z.unknown().openapi({ description: 'JSON Schema of the step input.' }),
        outputSchema: z.unknown().openapi({ description: 'JSON Schema of the step output.' }),
      }),
    ),
  })
  .openapi('Plugin');

export const ScopeSchema = z.enum(['read', 'write', 'admin']).openapi('Scope');

export const ApiKeySchema = z
  .object({ id: z.string(), name: z.string(), scope: ScopeSchema, createdAt: isoDate, revokedAt: isoDate.nullable(), lastUsedAt: isoDate.nullable() })
  .openapi('ApiKey');

export const CreatedApiKeySchema = ApiKeySchema.extend({ key: z.string().openapi({ description: 'Shown once; send as `Authorization: Bearer <key>`.' }) }).openapi(
  'CreatedApiKey',
);

export const CreateApiKeyBodySchema = z.object({ name: z.string().trim().min(1).max(100), scope: ScopeSchema }).strict().openapi('CreateApiKey');

export const PruneBodySchema = z
  .object({ olderThan: z.iso.datetime({ offset: true }).openapi({ description: 'Finished runs older than this are deleted.' }) })
  .strict()
  .openapi('Prune');

export const ReadinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.boolean(),
    pendingMigrations: z.array(z.string()),
    detail: z.string().optional(),
    sandbox: z
      .enum(['bubblewrap', 'unsafe', 'unavailable'])
      .optional()
      .openapi({ description: 'How generated code is confined: bubblewrap; unsafe (configured off); unavailable (runtime checks and previews are refused). Absent where the server runs no generated code.' }),
  })
  .openapi('Readiness');
