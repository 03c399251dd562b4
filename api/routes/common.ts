import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { ValidationError } from '../../core/errors.ts';
import { invalid } from '../validate.ts';
import type { ApiEnv } from '../env.ts';
import { ProblemSchema } from '../schemas.ts';

const WHERE: Record<string, string> = { json: 'request body', form: 'request body', query: 'query string', param: 'path', header: 'headers', cookie: 'cookies' };

/** Turns a failed request check into a ValidationError naming each field. */
export function requestInvalid(error: z.ZodError, target: string): ValidationError {
  return invalid(error, WHERE[target] ?? target);
}

/** A route group whose request validation failures become problem responses. */
export function routeGroup(): OpenAPIHono<ApiEnv> {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw requestInvalid(result.error, result.target);
    },
  });
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });

/** The error responses every protected route can give, for the OpenAPI document. */
export const commonErrors = {
  400: problem('The request is invalid; `issues` names each field.'),
  401: problem('No API key, or one that is invalid or revoked.'),
  403: problem("The key's scope does not allow this, or the client is not on loopback while no key exists."),
  413: problem('The body is larger than the configured limit.'),
  429: problem('Rate limit exceeded; see Retry-After.'),
  500: problem('Unexpected error; the log has the request id.'),
} as const;

export const notFound = { 404: problem('No such resource.') } as const;
export const conflict = { 409: problem('The resource is not in a state that allows this.') } as const;
export const unprocessable = { 422: problem('The workflow is invalid; `issues` gives line and column of each problem.') } as const;
export const security = [{ bearerAuth: [] }];
