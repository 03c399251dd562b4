import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { QLayerError, ValidationError } from '../core/errors.ts';

/** An RFC 9457 problem document; every error response of the API is one. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  issues?: ProblemIssue[];
  requestId?: string;
}

export interface ProblemIssue {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/**
 * The one place error codes become HTTP statuses. A code missing here is a 500, so a new
 * QLayerError that should reach clients as a 4xx must be listed.
 */
const STATUS: Record<string, [number, string]> = {
  validation_failed: [400, 'Invalid request'],
  cursor_invalid: [400, 'Invalid cursor'],
  workflow_invalid: [422, 'Invalid workflow'],
  unauthorized: [401, 'Authentication required'],
  forbidden: [403, 'Forbidden'],
  loopback_only: [403, 'Only loopback clients are accepted'],
  cross_origin: [403, 'Cross-origin request refused'],
  not_found: [404, 'Not found'],
  route_not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
  run_not_retryable: [409, 'Run cannot be retried'],
  payload_too_large: [413, 'Payload too large'],
  unsupported_media_type: [415, 'Unsupported media type'],
  rate_limited: [429, 'Too many requests'],
  previews_unsupported: [501, 'Not implemented'],
  sandbox_unavailable: [501, 'Sandbox unavailable'],
  wait_timeout: [504, 'Timed out'],
  database_error: [503, 'Database unavailable'],
  database_unavailable: [503, 'Database unavailable'],
};

export const PROBLEM_CODES: readonly string[] = Object.keys(STATUS);

export function statusOf(code: string): number {
  return STATUS[code]?.[0] ?? 500;
}

/**
 * Whether clients get the error's own message. Server-side failures (a lost database) carry
 * driver messages that name hosts and users, so 5xx say only their title; 501 is the exception,
 * since "this server does not do that" is written by us and is what the client needs to know.
 */
export function exposesMessage(status: number): boolean {
  return status < 500 || status === 501;
}

/** The problem for any thrown value; internal errors keep their message out of the response. */
export function toProblem(thrown: unknown, requestId?: string): Problem {
  const error = thrown instanceof HTTPException ? fromHttpException(thrown) : thrown;
  const base = requestId === undefined ? {} : { requestId };
  if (!(error instanceof QLayerError) || !STATUS[error.code]) {
    return {
      type: problemType('internal_error'),
      title: 'Internal server error',
      status: 500,
      detail: requestId === undefined ? 'unexpected error' : `unexpected error; the server log has request ${requestId}`,
      code: 'internal_error',
      ...base,
    };
  }
  const [status, title] = STATUS[error.code]!;
  const detail = exposesMessage(status) ? error.message : `${title.toLowerCase()}; retry later`;
  const problem: Problem = { type: problemType(error.code), title, status, detail, code: error.code, ...base };
  if (error instanceof ValidationError && error.issues.length > 0) {
    problem.issues = error.issues.map((issue) => {
      const out: ProblemIssue = { path: issue.path, message: issue.message };
      const at = issue as { line?: unknown; column?: unknown };
      if (typeof at.line === 'number') out.line = at.line;
      if (typeof at.column === 'number') out.column = at.column;
      return out;
    });
  }
  return problem;
}

/** Problem `type` URIs point at the code's entry on the docs page. */
export function problemType(code: string): string {
  return `/api/docs#problem-${code}`;
}

export function problemResponse(c: Context, error: unknown, headers: Record<string, string> = {}): Response {
  const problem = toProblem(error, c.get('requestId') as string | undefined);
  const retryAfter = error instanceof QLayerError ? error.details?.retryAfterSeconds : undefined;
  if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  // Through the context, so headers set earlier (X-Request-Id, CORS) are kept.
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, { ...headers, 'Content-Type': 'application/problem+json' });
}

export class ApiError extends QLayerError {}

/** Hono and its validators throw HTTPException for malformed JSON, wrong media types and the like. */
function fromHttpException(error: HTTPException): QLayerError {
  const code = error.status === 413 ? 'payload_too_large' : error.status === 415 ? 'unsupported_media_type' : error.status === 404 ? 'route_not_found' : error.status < 500 ? 'validation_failed' : 'internal_error';
  const message = error.status === 415 ? 'unsupported Content-Type for this endpoint' : error.message || 'bad request';
  return code === 'validation_failed' ? new ValidationError(message) : new ApiError(code, message);
}

export const unauthorized = (message: string) => new ApiError('unauthorized', message);
export const forbidden = (message: string) => new ApiError('forbidden', message);
