import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { statusOf } from '../errors.ts';

/** The HTTP status of an error code, from the API's one mapping, typed for Hono responses. */
export function uiStatusOf(code: string): ContentfulStatusCode {
  return statusOf(code) as ContentfulStatusCode;
}
