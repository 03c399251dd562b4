import { describe, expect, it } from 'vitest';
import { ApiError, createApiStore } from '../src/api-store.ts';
import type { EntityModel } from '../src/types.ts';

const thing: EntityModel = { key: 'things', label: 'Thing', pluralLabel: 'Things', titleField: 'name', fields: [{ name: 'name', label: 'Name', type: 'string', required: true }] };

function fakeFetch(status: number, body: unknown, seen: { url: string; init: RequestInit | undefined }[]): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('createApiStore', () => {
  it('lists from /api/<entity> and returns the items of the page', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const store = createApiStore('/api', fakeFetch(200, { items: [{ id: 1, name: 'Lamp' }], total: 1 }, seen));
    expect(await store.list(thing)).toEqual([{ id: 1, name: 'Lamp' }]);
    expect(seen[0]?.url).toBe('/api/things?limit=100');
  });

  it('creates with a JSON POST and updates with PATCH', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const store = createApiStore('/api', fakeFetch(201, { id: 2, name: 'Desk' }, seen), 'secret');
    await store.create(thing, { name: 'Desk' });
    await store.update(thing, 2, { name: 'Chair' });
    expect(seen.map((call) => `${call.init?.method} ${call.url}`)).toEqual(['POST /api/things', 'PATCH /api/things/2']);
    expect(seen[0]?.init?.body).toBe('{"name":"Desk"}');
    expect((seen[0]?.init?.headers as Record<string, string>).authorization).toBe('Bearer secret');
  });

  it('turns an error answer into an ApiError with the server message', async () => {
    const store = createApiStore('/api', fakeFetch(400, { error: 'validation_failed', message: 'invalid thing' }, []));
    await expect(store.create(thing, {})).rejects.toEqual(new ApiError('invalid thing', 400));
  });
});
