import { costLimitPlugin } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, createYoga } from 'graphql-yoga';
import { QLayerError } from '../../core/errors.ts';
import type { Logger } from '../../core/runner/types.ts';
import { exposesMessage, toProblem } from '../errors.ts';
import type { ServedPreviews } from '../preview-origin.ts';
import type { ApiService } from '../service.ts';
import type { GraphQLContext, ServerContext } from './context.ts';
import { graphqlSchema } from './schema.ts';

export interface GraphQLOptions {
  service: ApiService;
  logger: Logger;
  shutdown: AbortSignal;
  heartbeatMs: number;
  /** Live previews, where the runtime has them (see AppExtras). */
  previews?: ServedPreviews | undefined;
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
    context: () => ({ service, shutdown: options.shutdown, heartbeatMs: options.heartbeatMs, previews: options.previews }),
    plugins: [maxDepthPlugin({ n: options.maxDepth ?? 8, exposeLimits: true }), costLimitPlugin({ maxCost: options.maxCost ?? 5_000, exposeLimits: true })],
    maskedErrors: {
      maskError(error, message) {
        const gql = isGraphQLError(error) ? error : undefined;
        const original = gql ? gql.originalError : error;
        // Parse, validation and limit errors are GraphQL's own, meant for the client as they are.
        if (gql && (original === undefined || original === null || isGraphQLError(original))) return gql;
        const where = { nodes: gql?.nodes, source: gql?.source, positions: gql?.positions, path: gql?.path };
        if (original instanceof QLayerError) {
          const problem = toProblem(original);
          if (exposesMessage(problem.status)) {
            return createGraphQLError(problem.detail, {
              ...where,
              extensions: { code: problem.code, status: problem.status, ...(problem.issues ? { issues: problem.issues } : {}) },
            });
          }
        }
        logger.error('graphql resolver failed', { error: original instanceof Error ? (original.stack ?? original.message) : String(original) });
        return createGraphQLError(message, { ...where, extensions: { code: 'internal_error' } });
      },
    },
  });
}

/**
 * By name, not instanceof: under bundlers the graphql package can load twice (its ESM and CJS
 * builds), and an error made by one copy is not an instance of the other's class.
 */
function isGraphQLError(value: unknown): value is GraphQLError {
  return value instanceof Error && value.name === 'GraphQLError';
}
