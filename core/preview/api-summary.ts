import { z } from 'zod';
import { fetchUpstream } from './upstream.ts';

/** The endpoints of a previewed API, from its own OpenAPI document, for a page to list. */
export interface ApiSummary {
  title: string;
  version?: string;
  endpoints: { method: string; path: string; summary?: string }[];
  /** More operations than the summary keeps. */
  truncated: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const MAX_BYTES = 1_000_000;
const MAX_ENDPOINTS = 200;
const text = (max: number) => z.string().transform((s) => s.slice(0, max));

/** Only what the summary shows is checked: the app wrote the document, possibly an LLM did. */
const operationSchema = z.object({ summary: text(300).optional(), description: text(300).optional() }).loose();
const documentSchema = z.object({
  info: z.object({ title: text(200).optional(), version: text(50).optional() }).loose().optional(),
  paths: z.record(z.string().max(500), z.record(z.string(), z.unknown())),
});

/**
 * Reads `/openapi.json` from a running preview server. Undefined when the app serves none or
 * an unreadable one: the preview still runs, it just has no list to show.
 */
export async function readApiSummary(socketPath: string, fallbackTitle: string, signal?: AbortSignal): Promise<ApiSummary | undefined> {
  try {
    const response = await fetchUpstream(socketPath, '/openapi.json', {
      signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(5_000)]) : AbortSignal.timeout(5_000),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return undefined;
    }
    const body = await response.text();
    if (body.length > MAX_BYTES) return undefined;
    return summarize(JSON.parse(body) as unknown, fallbackTitle);
  } catch {
    return undefined;
  }
}

/** The operations of an OpenAPI document, in its order; undefined when it is not one. */
export function summarize(document: unknown, fallbackTitle: string): ApiSummary | undefined {
  const parsed = documentSchema.safeParse(document);
  if (!parsed.success) return undefined;
  const endpoints: ApiSummary['endpoints'] = [];
  let total = 0;
  for (const [path, item] of Object.entries(parsed.data.paths)) {
    for (const method of METHODS) {
      if (item[method] === undefined) continue;
      total++;
      if (endpoints.length >= MAX_ENDPOINTS) continue;
      const operation = operationSchema.safeParse(item[method]);
      const summary = operation.success ? (operation.data.summary ?? operation.data.description) : undefined;
      endpoints.push({ method: method.toUpperCase(), path, ...(summary ? { summary } : {}) });
    }
  }
  const info = parsed.data.info;
  return {
    title: info?.title || fallbackTitle,
    ...(info?.version ? { version: info.version } : {}),
    endpoints,
    truncated: total > endpoints.length,
  };
}
