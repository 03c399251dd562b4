import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { QLayerError } from '../../core/errors.ts';
import type { Logger } from '../../core/runner/types.ts';
import { toProblem } from '../errors.ts';
import type { ApiService } from '../service.ts';
import type { GraphQLContext, ServerContext } from './context.ts';
import { graphqlSchema } from './schema.ts';

export interface GraphQLOptions {
  service: ApiService;
  logger: Logger;
  shutdown: AbortSignal;
  heartbeatMs: number;
  /** Deepest selection allowed (introspection excepted). */
  maxDepth?: number;
  /** Largest cost (objects 2, scalars 1, times depth) allowed. */
  maxCost?: number;
}

/**
 * GraphQL at /graphql, with subscriptions over Server-Sent Events. Errors that are not
 * QLayerErrors are masked; QLayerErrors keep their message, and their code goes in
 * `extensions` (mapped by the same table as REST problems).
 */
export function graphqlHandler(options: GraphQLOptions) {
  const { service, logger } = options;
  return createYoga<ServerContext, Omit<GraphQLContext, keyof ServerContext | keyof import('graphql-yoga').YogaInitialContext>>({
    schema: graphqlSchema(),
    graphqlEndpoint: '/graphql',
    // Hono answers CORS; GraphiQL would load from a CDN, and the network may be offline.
    cors: false,
    graphiql: false,
    landingPage: false,
    logging: false,
    context: () => ({ service, shutdown: options.shutdown, heartbeatMs: options.heartbeatMs }),
    plugins: [maxDepthPlugin({ n: options.maxDepth ?? 8, exposeLimits: true }), costLimitPlugin({ maxCost: options.maxCost ?? 5_000, exposeLimits: true })],
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (original === undefined || original === null || original instanceof GraphQLError)) return error;
        const gql = error instanceof GraphQLError ? error : undefined;
        const where = { nodes: gql?.nodes, source: gql?.source, positions: gql?.positions, path: gql?.path };
        if (original instanceof QLayerError) {
          const problem = toProblem(original);
          if (problem.status < 500) {
            return new GraphQLError(problem.detail, {
              ...where,
              extensions: { code: problem.code, status: problem.status, ...(problem.issues ? { issues: problem.issues } : {}) },
            });
          }
        }
        logger.error('graphql resolver failed', { error: original instanceof Error ? (original.stack ?? original.message) : String(original) });
        return new GraphQLError(message, { ...where, extensions: { code: 'internal_error' } });
      },
    },
  });
}
