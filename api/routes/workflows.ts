import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ValidationError } from '../../core/errors.ts';
import type { ApiService } from '../service.ts';
import { PluginSchema, RegisteredWorkflowSchema, ValidationResultSchema, WorkflowDetailSchema, WorkflowSourceSchema, WorkflowSummarySchema } from '../schemas.ts';
import { commonErrors, notFound, routeGroup, security, unprocessable } from './common.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml'] as const;
const MAX_SOURCE = 256 * 1024;

/** A workflow source sent either as YAML or as JSON `{ source }`. */
const sourceBody = {
  // Not `required`: zod-openapi would then check every body as JSON, YAML ones included.
  // readSource refuses an empty body itself.
  required: false,
  content: {
    'application/json': { schema: WorkflowSourceSchema },
    ...Object.fromEntries(YAML_TYPES.map((t) => [t, { schema: z.string().openapi({ description: 'The workflow YAML.' }) }])),
  },
};

async function readSource(c: Context): Promise<string> {
  const type = c.req.header('Content-Type') ?? '';
  if (/^application\/(.+\+)?json/i.test(type)) return (c.req.valid('json' as never) as { source: string }).source;
  const text = await c.req.text();
  if (text.trim().length === 0) throw new ValidationError('request body is invalid: source: the workflow YAML is empty', [{ path: 'source', message: 'empty' }]);
  if (text.length > MAX_SOURCE) throw new ValidationError(`request body is invalid: source: longer than ${MAX_SOURCE} characters`, [{ path: 'source', message: 'too long' }]);
  return text;
}

const listWorkflows = createRoute({
  method: 'get',
  path: '/workflows',
  tags: ['workflows'],
  summary: 'List workflows (the newest version of each name)',
  security,
  responses: { 200: json(z.array(WorkflowSummarySchema), 'Workflows by name.'), ...commonErrors },
});

const getWorkflow = createRoute({
  method: 'get',
  path: '/workflows/{ref}',
  tags: ['workflows'],
  summary: 'Read a workflow by name (newest version) or version id, with its source',
  security,
  request: { params: z.object({ ref: z.string().min(1).max(200).openapi({ param: { name: 'ref', in: 'path' } }) }) },
  responses: { 200: json(WorkflowDetailSchema, 'The workflow.'), ...commonErrors, ...notFound },
});

const registerWorkflow = createRoute({
  method: 'post',
  path: '/workflows',
  tags: ['workflows'],
  summary: 'Register a workflow (YAML body, or JSON { source })',
  description: 'The source is checked against the loaded plugins and stored under its SHA-256; registering the same source again returns 200.',
  security,
  request: { body: sourceBody },
  responses: {
    201: json(RegisteredWorkflowSchema, 'A new version was stored.'),
    200: json(RegisteredWorkflowSchema, 'This exact source was stored already.'),
    ...commonErrors,
    ...unprocessable,
  },
});

const validateWorkflow = createRoute({
  method: 'post',
  path: '/workflows/validate',
  tags: ['workflows'],
  summary: 'Check a workflow without storing it',
  description: 'Always 200: `valid` says whether it passed and `issues` gives each problem with its line and column.',
  security,
  request: { body: sourceBody },
  responses: { 200: json(ValidationResultSchema, 'The result of the check.'), ...commonErrors },
});

const listPlugins = createRoute({
  method: 'get',
  path: '/plugins',
  tags: ['plugins'],
  summary: 'List plugins with the JSON Schemas of their steps',
  security,
  responses: { 200: json(z.array(PluginSchema), 'Loaded plugins, by name.'), ...commonErrors },
});

export function workflowRoutes(service: ApiService) {
  return routeGroup()
    .openapi(listWorkflows, async (c) => c.json(await service.listWorkflows(), 200))
    .openapi(validateWorkflow, async (c) => c.json(service.validateWorkflow(await readSource(c)), 200))
    .openapi(getWorkflow, async (c) => c.json(await service.getWorkflow(c.req.valid('param').ref), 200))
    .openapi(registerWorkflow, async (c) => {
      const registered = await service.registerWorkflow(await readSource(c));
      c.header('Location', `/api/v1/workflows/${registered.id}`);
      return registered.created ? c.json(registered, 201) : c.json(registered, 200);
    })
    .openapi(listPlugins, (c) => c.json(service.listPlugins(), 200));
}
