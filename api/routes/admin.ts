import { createRoute, z } from '@hono/zod-openapi';
import type { ApiService } from '../service.ts';
import { ApiKeySchema, CreateApiKeyBodySchema, CreatedApiKeySchema, PruneBodySchema } from '../schemas.ts';
import { commonErrors, notFound, routeGroup, security } from './common.ts';

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const listKeys = createRoute({
  method: 'get',
  path: '/keys',
  tags: ['admin'],
  summary: 'List API keys (never their secrets)',
  security,
  responses: { 200: json(z.array(ApiKeySchema), 'Every key, newest first, revoked ones included.'), ...commonErrors },
});

const createKey = createRoute({
  method: 'post',
  path: '/keys',
  tags: ['admin'],
  summary: 'Create an API key; the secret is in this response only',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: CreateApiKeyBodySchema } } } },
  responses: { 201: json(CreatedApiKeySchema, 'The key, with its secret.'), ...commonErrors },
});

const revokeKey = createRoute({
  method: 'delete',
  path: '/keys/{id}',
  tags: ['admin'],
  summary: 'Revoke an API key',
  security,
  request: { params: z.object({ id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(ApiKeySchema, 'The revoked key.'), ...commonErrors, ...notFound },
});

const prune = createRoute({
  method: 'post',
  path: '/admin/prune',
  tags: ['admin'],
  summary: 'Delete finished runs older than a date, with their history and artifacts',
  security,
  request: { body: { required: true, content: { 'application/json': { schema: PruneBodySchema } } } },
  responses: { 200: json(z.object({ deleted: z.number().int() }), 'How many runs were deleted.'), ...commonErrors },
});

export function adminRoutes(service: ApiService) {
  return routeGroup()
    .openapi(listKeys, async (c) => c.json(await service.listKeys(), 200))
    .openapi(createKey, async (c) => {
      const { name, scope } = c.req.valid('json');
      return c.json(await service.createKey(name, scope), 201);
    })
    .openapi(revokeKey, async (c) => c.json(await service.revokeKey(c.req.valid('param').id), 200))
    .openapi(prune, async (c) => c.json(await service.prune(new Date(c.req.valid('json').olderThan)), 200));
}
