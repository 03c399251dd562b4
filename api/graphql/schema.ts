import { createSchema } from 'graphql-yoga';
import { Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { z } from '@hono/zod-openapi';
import { NotFoundError } from '../../core/errors.ts';
import { parseWith } from '../validate.ts';
import { assertScope } from '../auth.ts';
import { eventDto } from '../dto.ts';
import { followRunEvents } from '../follow.ts';
import { readRunEvents } from '../sql/runEvents.ts';
import { DEFAULT_GENERATE_WORKFLOW, GenerateBodySchema, ListRunsQuerySchema, StartRunBodySchema, WorkflowSourceSchema } from '../schemas.ts';
import type { GraphQLContext } from './context.ts';
import { previewResolvers, previewTypeDefs } from './preview.ts';

export const typeDefs = /* GraphQL */ `
  "Any JSON value."
  scalar JSON
  "An ISO 8601 date and time."
  scalar DateTime

  enum RunStatus { running completed failed cancelled }

  type ErrorInfo { code: String!, message: String!, retryable: Boolean, details: JSON }

  type Run {
    id: ID!
    workflowId: String!
    workflowName: String!
    status: RunStatus!
    input: JSON
    output: JSON
    error: ErrorInfo
    idempotencyKey: String
    createdAt: DateTime!
    finishedAt: DateTime
    steps: [Step!]!
    "History, oldest first, after event id \`after\`."
    events(after: ID, limit: Int = 500): [RunEvent!]!
    artifacts: [Artifact!]!
  }

  type Step {
    key: String!
    kind: String!
    parentKey: String
    uses: String
    status: String!
    attempt: Int!
    maxAttempts: Int!
    output: JSON
    error: ErrorInfo
    createdAt: DateTime!
    startedAt: DateTime
    finishedAt: DateTime
  }

  type RunEvent { id: ID!, runId: ID!, stepKey: String, type: String!, data: JSON, at: DateTime! }
  type Artifact { name: String!, contentType: String!, size: Int!, sha256: String!, createdAt: DateTime!, url: String! }
  type RunPage { runs: [Run!]!, nextCursor: String }
  type StartRunResult { run: Run!, created: Boolean! }

  type Workflow { id: ID!, name: String!, version: String!, createdAt: DateTime!, source: String! }
  type RegisteredWorkflow { id: ID!, name: String!, version: String!, createdAt: DateTime!, created: Boolean! }
  type WorkflowIssue { path: String!, file: String!, line: Int!, column: Int!, message: String! }
  type ValidationResult { valid: Boolean!, issues: [WorkflowIssue!]! }

  type PluginStep { uses: String!, step: String!, description: String, inputSchema: JSON, outputSchema: JSON }
  type Plugin { name: String!, version: String!, description: String, source: String!, steps: [PluginStep!]! }

  type Health { ok: Boolean!, database: Boolean!, pendingMigrations: [String!]! }

  type Query {
    runs(status: RunStatus, workflow: String, limit: Int, cursor: String): RunPage!
    "Null when there is no such run."
    run(id: ID!): Run
    workflows: [Workflow!]!
    "By name (newest version) or version id; null when unknown."
    workflow(ref: String!): Workflow
    plugins: [Plugin!]!
    health: Health!
  }

  type Mutation {
    startRun(workflow: String!, input: JSON, idempotencyKey: String): StartRunResult!
    generate(prompt: String!, workflow: String, idempotencyKey: String): StartRunResult!
    cancelRun(id: ID!, reason: String): Run!
    retryRun(id: ID!): Run!
    registerWorkflow(source: String!): RegisteredWorkflow!
    validateWorkflow(source: String!): ValidationResult!
  }

  type Subscription {
    "The run's events after \`after\`, then live ones; completes after the run's final event."
    runEvents(runId: ID!, after: ID): RunEvent!
  }
`;

// Scalars as plain configs, not GraphQLScalarType instances: graphql-tools copies them onto
// the schema's own types, so they work whichever copy of the graphql package built it.
const JsonScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => valueFromASTUntyped(ast, variables),
};

const DateTimeScalar = {
  serialize: (value: unknown) => (value instanceof Date ? value.toISOString() : value),
  parseValue: (value: unknown) => value,
  parseLiteral: (ast: ValueNode) => (ast.kind === Kind.STRING ? ast.value : null),
};

const uuid = z.uuid();
const eventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0);
const RunIdArgs = z.object({ id: z.string().min(1), reason: z.string().max(500).optional() });
const LimitArg = z.number().int().min(1).max(5000).default(500);

type Parent = { id: string };
type Args = Record<string, unknown>;

/** Not found is null in GraphQL, not an error. */
async function orNull<T>(value: Promise<T>): Promise<T | null> {
  try {
    return await value;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** Drops GraphQL nulls, so zod's optional fields see "absent". */
function args(value: Args): Args {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined));
}

export const resolvers = {
  JSON: JsonScalar,
  DateTime: DateTimeScalar,
  Query: {
    runs: (_: unknown, a: Args, ctx: GraphQLContext) => ctx.service.listRuns(parseWith(ListRunsQuerySchema, args(a), 'arguments')),
    run: async (_: unknown, a: Args, ctx: GraphQLContext) => {
      const { id } = parseWith(z.object({ id: z.string() }), a, 'arguments');
      return uuid.safeParse(id).success ? orNull(ctx.service.getRun(id)) : null;
    },
    workflows: (_: unknown, _a: Args, ctx: GraphQLContext) => ctx.service.listWorkflows(),
    workflow: (_: unknown, a: Args, ctx: GraphQLContext) => {
      const { ref } = parseWith(z.object({ ref: z.string().min(1).max(200) }), a, 'arguments');
      return orNull(ctx.service.getWorkflow(ref));
    },
    plugins: (_: unknown, _a: Args, ctx: GraphQLContext) => ctx.service.listPlugins(),
    health: async (_: unknown, _a: Args, ctx: GraphQLContext) => {
      const r = await ctx.service.readiness();
      return { ok: r.status === 'ready', database: r.database, pendingMigrations: r.pendingMigrations };
    },
  },
  Workflow: {
    // Lists carry no source; it is read only when asked for.
    source: async (w: Parent & { source?: string }, _a: Args, ctx: GraphQLContext) => w.source ?? (await ctx.service.getWorkflow(w.id)).source,
  },
  Run: {
    steps: (run: Parent, _a: Args, ctx: GraphQLContext) => ctx.service.getSteps(run.id),
    events: async (run: Parent, a: Args, ctx: GraphQLContext) => {
      const { after, limit } = parseWith(z.object({ after: eventId, limit: LimitArg }), args(a), 'arguments');
      return (await readRunEvents(ctx.service.platform.db, run.id, after, limit)).map(eventDto);
    },
    artifacts: async (run: Parent, _a: Args, ctx: GraphQLContext) =>
      (await ctx.service.listArtifacts(run.id)).map((artifact) => ({ ...artifact, url: `/api/v1/runs/${run.id}/artifacts/${artifact.name}` })),
  },
  Mutation: {
    startRun: (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      const { workflow, input } = parseWith(StartRunBodySchema, args({ workflow: a.workflow, input: a.input }), 'arguments');
      const key = parseWith(z.string().min(1).max(255).optional(), a.idempotencyKey ?? undefined, 'idempotencyKey');
      return ctx.service.startRun(workflow, input, key);
    },
    generate: (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      const { prompt, workflow } = parseWith(GenerateBodySchema, args({ prompt: a.prompt, workflow: a.workflow }), 'arguments');
      const key = parseWith(z.string().min(1).max(255).optional(), a.idempotencyKey ?? undefined, 'idempotencyKey');
      return ctx.service.generate(prompt, workflow ?? DEFAULT_GENERATE_WORKFLOW, key);
    },
    cancelRun: (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      const { id, reason } = parseWith(RunIdArgs, args(a), 'arguments');
      return ctx.service.cancelRun(id, reason);
    },
    retryRun: (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      return ctx.service.retryRun(parseWith(RunIdArgs, args(a), 'arguments').id);
    },
    registerWorkflow: (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      return ctx.service.registerWorkflow(parseWith(WorkflowSourceSchema, a, 'arguments').source);
    },
    validateWorkflow: (_: unknown, a: Args, ctx: GraphQLContext) => ctx.service.validateWorkflow(parseWith(WorkflowSourceSchema, a, 'arguments').source),
  },
  Subscription: {
    runEvents: {
      subscribe: async function* (_: unknown, a: Args, ctx: GraphQLContext) {
        const { runId, after } = parseWith(z.object({ runId: uuid, after: eventId }), args(a), 'arguments');
        const signal = AbortSignal.any([ctx.request.signal, ctx.shutdown]);
        for await (const event of followRunEvents(ctx.service.platform.runner, runId, { after, signal, pollMs: ctx.heartbeatMs })) {
          yield { runEvents: eventDto(event) };
        }
      },
    },
  },
};

export function graphqlSchema() {
  return createSchema<GraphQLContext>({ typeDefs: [typeDefs, previewTypeDefs], resolvers: [resolvers, previewResolvers] });
}
