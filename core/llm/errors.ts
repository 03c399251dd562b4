import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { FatalStepError, StepError } from '../errors.ts';
import type { Redactor } from './redact.ts';
import { retryAfterMs } from './retryAfter.ts';

/**
 * Stable codes of the errors this module throws. Retryable ones (the runner retries the step,
 * and `complete()` first tries the next provider in the chain): rate limits, server errors,
 * timeouts, unreachable servers, malformed responses. Fatal ones: everything a retry cannot fix.
 */
export const LLM_ERROR = {
  rateLimited: 'llm_rate_limited',
  unavailable: 'llm_unavailable',
  timeout: 'llm_timeout',
  unreachable: 'llm_unreachable',
  aborted: 'llm_aborted',
  badResponse: 'llm_bad_response',
  authFailed: 'llm_auth_failed',
  notFound: 'llm_not_found',
  rejected: 'llm_request_rejected',
  refused: 'llm_refused',
  outputInvalid: 'llm_output_invalid',
  schemaUnsupported: 'llm_schema_unsupported',
  schemaTooLarge: 'llm_schema_too_large',
  outputTruncated: 'llm_output_truncated',
  keyMissing: 'llm_key_missing',
  notConfigured: 'llm_not_configured',
} as const;

export type LlmErrorCode = (typeof LLM_ERROR)[keyof typeof LLM_ERROR];

export interface CallSite {
  provider: string;
  model: string;
  /** Named in auth errors, so the reader knows which variable to fix; never its value. */
  apiKeyEnv: string | undefined;
}

/**
 * Turns whatever the openai client threw into a StepError the runner understands, with the key
 * masked. The openai error is not kept as `cause`: it carries response headers and bodies that
 * may echo credentials, and causes get logged.
 */
export function toStepError(error: unknown, site: CallSite, redactor: Redactor): StepError {
  if (error instanceof StepError) return error;
  const where = `${site.provider} (${site.model})`;
  const details: Record<string, unknown> = { provider: site.provider, model: site.model };
  const text = (message: string) => redactor.text(message);

  if (error instanceof APIUserAbortError) {
    return new StepError(`request to ${where} was aborted`, { code: LLM_ERROR.aborted, details });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new StepError(`${where} did not answer in time`, { code: LLM_ERROR.timeout, details });
  }
  if (error instanceof APIConnectionError) {
    return new StepError(text(`cannot reach ${where}: ${causeMessage(error)}`), { code: LLM_ERROR.unreachable, details });
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    details.status = status;
    if (error.requestID) details.requestId = error.requestID;
    const said = text(error.message);
    if (status === 429) {
      const wait = retryAfterMs(error.headers);
      if (wait !== undefined) details.retryAfterMs = wait;
      const hint = wait === undefined ? '' : `; retry after ${wait} ms`;
      return new StepError(`${where} is rate limiting requests (${said})${hint}`, { code: LLM_ERROR.rateLimited, details });
    }
    if (status >= 500 || status === 408 || status === 409) {
      const wait = retryAfterMs(error.headers);
      if (wait !== undefined) details.retryAfterMs = wait;
      return new StepError(`${where} failed (${said})`, { code: LLM_ERROR.unavailable, details });
    }
    if (status === 401 || status === 403) {
      const key = site.apiKeyEnv === undefined ? 'no API key is configured (set apiKeyEnv)' : `check the key in $${site.apiKeyEnv}`;
      return new FatalStepError(`${where} rejected the credentials: ${key} (${said})`, { code: LLM_ERROR.authFailed, details });
    }
    if (status === 404) {
      return new FatalStepError(`${where}: not found; check baseURL and the model name (${said})`, { code: LLM_ERROR.notFound, details });
    }
    return new FatalStepError(`${where} rejected the request (${said})`, { code: LLM_ERROR.rejected, details });
  }
  if (isAbort(error)) return new StepError(`request to ${where} was aborted`, { code: LLM_ERROR.aborted, details });
  // A dropped stream surfaces as a plain Error from the body reader; worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return new StepError(text(`call to ${where} failed: ${message}`), { code: LLM_ERROR.unavailable, details });
}

function causeMessage(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
    return `${cause.message}${inner}`;
  }
  return error.message;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** True when the next provider of a chain may succeed where this one failed. */
export function allowsFallback(error: unknown): boolean {
  return error instanceof StepError && error.retryable && error.code !== LLM_ERROR.aborted;
}
