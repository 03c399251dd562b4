import { StoreError } from './store-error.ts';
import type { Store } from './types.ts';

/** An error answer of the API: its status, message and, when it names one, the field at fault. */
export class ApiError extends StoreError {
  constructor(message: string, status: number, field?: string) {
    super(message, { status, field });
    this.name = 'ApiError';
  }
}

interface Problem {
  message?: string;
  issues?: { path?: string; message?: string }[];
}

/** Items kept by the server's API under `base` (`/api`). */
export function createApiStore(base = '/api', fetcher: typeof fetch = (input, init) => fetch(input, init), token?: string): Store {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
    const response = await fetcher(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 204) return undefined;
    const data = (await response.json().catch(() => undefined)) as Problem | undefined;
    if (!response.ok) {
      const issue = data?.issues?.[0];
      const field = issue?.path === undefined || issue.path === '' ? undefined : issue.path.split('.')[0];
      const message = field !== undefined && issue?.message !== undefined && response.status === 400 ? `${field}: ${issue.message}` : (data?.message ?? `the server answered ${response.status}`);
      throw new ApiError(message, response.status, field);
    }
    return data;
  }
  return {
    async list(entity, query) {
      const params = new URLSearchParams({ limit: String(query.limit), offset: String(query.offset) });
      for (const [name, value] of Object.entries(query.where ?? {})) params.set(name, String(value));
      if (query.search !== undefined) params.set('q', query.search);
      if (query.sort !== undefined) params.set('sort', query.sort);
      return (await call('GET', `/${entity.key}?${params.toString()}`)) as never;
    },
    async get(entity, id) {
      try {
        return (await call('GET', `/${entity.key}/${id}`)) as never;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return undefined;
        throw error;
      }
    },
    async create(entity, values) {
      return (await call('POST', `/${entity.key}`, values)) as never;
    },
    async update(entity, id, changes) {
      return (await call('PATCH', `/${entity.key}/${id}`, changes)) as never;
    },
    async remove(entity, id) {
      await call('DELETE', `/${entity.key}/${id}`);
    },
  };
}
