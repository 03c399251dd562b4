import { z } from '@hono/zod-openapi';
import { NotFoundError } from '../../core/errors.ts';
import { requirePreviews } from '../../core/preview/errors.ts';
import { assertScope } from '../auth.ts';
import { previewDto } from '../dto.ts';
import { parseWith } from '../validate.ts';
import type { GraphQLContext } from './context.ts';

/** Live previews in GraphQL, with the REST routes' meaning (docs/preview.md). */
export const previewTypeDefs = /* GraphQL */ `
  enum PreviewStatus { starting running failed stopped }

  "A generated app installed, built and started by this server; see docs/preview.md."
  type Preview {
    status: PreviewStatus!
    "Absolute URL of the app, on the previews' own origin; for a rest-api its /openapi.json, for a cli its --help text."
    url: String!
    "The app's kind: react-spa, rest-api, fullstack, cli or static-site."
    kind: String!
    "For failed, which step failed and why with the tail of the app's output; for a cli, its --help text."
    output: String
  }

  extend type Query {
    "The run's preview; null when none was started since the server started."
    preview(runId: ID!): Preview
  }

  extend type Mutation {
    "Starts the run's preview, or returns the one starting or running; poll preview(runId) until it is no longer starting."
    startPreview(runId: ID!): Preview!
    "Stops the run's preview."
    stopPreview(runId: ID!): Preview!
  }
`;

const RunIdArgs = z.object({ runId: z.uuid() });

type Args = Record<string, unknown>;

export const previewResolvers = {
  Query: {
    preview: (_: unknown, a: Args, ctx: GraphQLContext) => {
      const previews = requirePreviews(ctx.previews);
      const { runId } = parseWith(RunIdArgs, a, 'arguments');
      const preview = previews.get(runId);
      return preview ? previewDto(preview, previews.origin(ctx.request.url, runId)) : null;
    },
  },
  Mutation: {
    startPreview: async (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      const previews = requirePreviews(ctx.previews);
      const { runId } = parseWith(RunIdArgs, a, 'arguments');
      return previewDto(await previews.start(runId), previews.origin(ctx.request.url, runId));
    },
    stopPreview: async (_: unknown, a: Args, ctx: GraphQLContext) => {
      assertScope(ctx.principal, 'write');
      const previews = requirePreviews(ctx.previews);
      const { runId } = parseWith(RunIdArgs, a, 'arguments');
      const stopped = await previews.stop(runId);
      if (!stopped) throw new NotFoundError('preview', runId);
      return previewDto(stopped, previews.origin(ctx.request.url, runId));
    },
  },
};
