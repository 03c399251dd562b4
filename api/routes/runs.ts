import { createRoute, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../env.ts';
import type { ApiService } from '../service.ts';
import { resumePosition, runEventStream, type SseOptions } from '../sse.ts';
import {
  ArtifactSchema,
  DEFAULT_GENERATE_WORKFLOW,
  GenerateBodySchema,
  IdempotencyHeaderSchema,
  ListRunsQuerySchema,
  RunDetailSchema,
  RunIdParamSchema,
  RunPageSchema,
  RunSchema,
  StartRunBodySchema,
} from '../schemas.ts';
import { commonErrors, conflict, notFound, routeGroup, security } from './common.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });

const startRun = createRoute({
  method: 'post',
  path: '/runs',
  tags: ['runs'],
  summary: 'Start a run of a workflow',
  security,
  request: { body: body(StartRunBodySchema), headers: IdempotencyHeaderSchema },
  responses: {
    201: json(RunSchema, 'The run was started.'),
    200: json(RunSchema, 'A run with this Idempotency-Key exists already; it is returned.'),
    ...commonErrors,
    ...notFound,
  },
});

const generate = createRoute({
  method: 'post',
  path: '/generate',
  tags: ['runs'],
  summary: 'Generate an app from a prompt (starts the generate-app workflow)',
  security,
  request: { body: body(GenerateBodySchema), headers: IdempotencyHeaderSchema },
  responses: {
    201: json(RunSchema, 'The generation run was started.'),
    200: json(RunSchema, 'A run with this Idempotency-Key exists already.'),
    ...commonErrors,
    ...notFound,
  },
});

const listRuns = createRoute({
  method: 'get',
  path: '/runs',
  tags: ['runs'],
  summary: 'List runs, newest first',
  security,
  request: { query: ListRunsQuerySchema },
  responses: { 200: json(RunPageSchema, 'One page of runs.'), ...commonErrors },
});

const getRun = createRoute({
  method: 'get',
  path: '/runs/{id}',
  tags: ['runs'],
  summary: 'Read a run with its steps',
  security,
  request: { params: RunIdParamSchema },
  responses: { 200: json(RunDetailSchema, 'The run.'), ...commonErrors, ...notFound },
});

const UsageTotalsSchema = z.object({
  calls: z.number().int(),
  cachedCalls: z.number().int(),
  promptTokens: z.number().int(),
  completionTokens: z.number().int(),
  totalTokens: z.number().int(),
  latencyMs: z.number(),
  costUsd: z.number(),
  unpricedCalls: z.number().int(),
});
const UsageSummarySchema = UsageTotalsSchema.extend({ byModel: z.record(z.string(), UsageTotalsSchema) }).openapi('UsageSummary');

const runUsage = createRoute({
  method: 'get',
  path: '/runs/{id}/usage',
  tags: ['runs'],
  summary: "LLM usage of a run: calls, tokens, latency and estimated cost, in total and per provider/model",
  security,
  request: { params: RunIdParamSchema },
  responses: { 200: json(UsageSummarySchema, 'The usage summed over the run.'), ...commonErrors, ...notFound },
});

const cancelRun = createRoute({
  method: 'post',
  path: '/runs/{id}/cancel',
  tags: ['runs'],
  summary: 'Cancel a running run',
  description: 'In-flight steps are aborted and nothing more of the run starts. Cancelling a finished run returns it unchanged.',
  security,
  request: {
    params: RunIdParamSchema,
    body: { required: false, content: { 'application/json': { schema: z.object({ reason: z.string().max(500).optional() }).strict() } } },
  },
  responses: { 200: json(RunSchema, 'The run after cancelling.'), ...commonErrors, ...notFound },
});

const retryRun = createRoute({
  method: 'post',
  path: '/runs/{id}/retry',
  tags: ['runs'],
  summary: 'Retry a failed or cancelled run from its failed steps',
  security,
  request: { params: RunIdParamSchema },
  responses: { 200: json(RunSchema, 'The run, running again.'), ...commonErrors, ...notFound, ...conflict },
});

const runEvents = createRoute({
  method: 'get',
  path: '/runs/{id}/events',
  tags: ['runs'],
  summary: "Stream a run's events (Server-Sent Events)",
  description:
    'Sends the history, then live events, each with `id:` set to the event id and `data:` a RunEvent as JSON. ' +
    'Resumes after `Last-Event-ID` (or `?after=`). Ends with an `end` event after the run completes, fails or is cancelled; ' +
    'a finished run with nothing new answers 204. Comment lines are heartbeats.',
  security,
  request: {
    params: RunIdParamSchema,
    query: z.object({ after: z.coerce.number().int().min(0).optional().openapi({ type: 'integer' }) }),
    headers: z.object({ 'last-event-id': z.string().max(32).optional() }),
  },
  responses: {
    200: { description: 'An event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    204: { description: 'The run is over and there is nothing after the given event.' },
    ...commonErrors,
    ...notFound,
  },
});

const listArtifacts = createRoute({
  method: 'get',
  path: '/runs/{id}/artifacts',
  tags: ['artifacts'],
  summary: 'List the files a run produced',
  security,
  request: { params: RunIdParamSchema },
  responses: { 200: json(z.array(ArtifactSchema), 'The artifacts, by name.'), ...commonErrors, ...notFound },
});

const getArtifact = createRoute({
  method: 'get',
  path: '/runs/{id}/artifacts/{name}',
  tags: ['artifacts'],
  summary: 'Download an artifact',
  security,
  request: {
    params: RunIdParamSchema.extend({ name: z.string().min(1).max(200).openapi({ param: { name: 'name', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The file, with its content type, length and a Content-Disposition naming it.',
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...commonErrors,
    ...notFound,
  },
});

export function runRoutes(service: ApiService, sse: SseOptions) {
  return routeGroup()
    .openapi(startRun, async (c) => {
      const { workflow, input } = c.req.valid('json');
      const { run, created } = await service.startRun(workflow, input, c.req.valid('header')['idempotency-key']);
      c.header('Location', `/api/v1/runs/${run.id}`);
      return created ? c.json(run, 201) : c.json(run, 200);
    })
    .openapi(generate, async (c) => {
      const { prompt, workflow } = c.req.valid('json');
      const { run, created } = await service.generate(prompt, workflow ?? DEFAULT_GENERATE_WORKFLOW, c.req.valid('header')['idempotency-key']);
      c.header('Location', `/api/v1/runs/${run.id}`);
      return created ? c.json(run, 201) : c.json(run, 200);
    })
    .openapi(listRuns, async (c) => c.json(await service.listRuns(c.req.valid('query')), 200))
    .openapi(getRun, async (c) => c.json(await service.getRunDetail(c.req.valid('param').id), 200))
    .openapi(runUsage, async (c) => c.json(await service.getUsage(c.req.valid('param').id), 200))
    .openapi(cancelRun, async (c) => {
      const reason = (c.req.valid('json') as { reason?: string }).reason;
      return c.json(await service.cancelRun(c.req.valid('param').id, reason), 200);
    })
    .openapi(retryRun, async (c) => c.json(await service.retryRun(c.req.valid('param').id), 200))
    .openapi(runEvents, async (c) => {
      const after = resumePosition(c.req.valid('header')['last-event-id'], c.req.valid('query').after);
      return runEventStream(c, service.platform.runner, c.req.valid('param').id, after, sse);
    })
    .openapi(listArtifacts, async (c) => c.json(await service.listArtifacts(c.req.valid('param').id), 200))
    .openapi(getArtifact, async (c) => {
      const { id, name } = c.req.valid('param');
      const artifact = await service.getArtifact(id, name);
      return c.body(artifact.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': artifact.contentType,
        'Content-Length': String(artifact.content.byteLength),
        // Names are restricted to [A-Za-z0-9._-], so they need no quoting beyond the quotes.
        'Content-Disposition': `attachment; filename="${artifact.name}"`,
        ETag: `"${artifact.sha256}"`,
        'X-Content-Type-Options': 'nosniff',
      });
    });
}

export type RunRoutes = ReturnType<typeof runRoutes>;
export type { ApiEnv };
