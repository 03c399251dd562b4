import { createRoute, z } from '@hono/zod-openapi';
import type { ApiService } from '../service.ts';
import { ReadinessSchema } from '../schemas.ts';
import { routeGroup } from './common.ts';

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['operations'],
  summary: 'The process is up',
  responses: { 200: { description: 'Alive.', content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } } } },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['operations'],
  summary: 'The database is reachable and migrated',
  responses: {
    200: { description: 'Ready to serve.', content: { 'application/json': { schema: ReadinessSchema } } },
    503: { description: 'Not ready; the body says why.', content: { 'application/json': { schema: ReadinessSchema } } },
  },
});

/** Probes for orchestrators; they need no key, so they say nothing a stranger could use. */
export function healthRoutes(service: ApiService) {
  return routeGroup()
    .openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyz, async (c) => {
      const readiness = await service.readiness();
      return readiness.status === 'ready' ? c.json(readiness, 200) : c.json(readiness, 503);
    });
}
