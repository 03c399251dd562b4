import type { Store } from './types.ts';

export class ApiError extends Error {
  readonly status: number;

  constructor(message: string, status: number) {
    super(message);
    this.status = status;
  }
}

/** Items kept by the server's API under `base` (`/api`). */
export function createApiStore(base = '/api', fetcher: typeof fetch = (input, init) => fetch(input, init), token?: string): Store {
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token !== undefined && token !== '') headers.authorization = `Bearer ${token}`;
    const response = await fetcher(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 204) return undefined;
    const data = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    if (!response.ok) throw new ApiError(data?.message ?? `the server answered ${response.status}`, response.status);
    return data;
  }
  return {
    async list(entity) {
      const page = (await call('GET', `/${entity.key}?limit=100`)) as { items: never[] };
      return page.items;
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
