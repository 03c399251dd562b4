import { describe, expect, it } from 'vitest';
import { ApiError, createApiStore } from '../src/api-store.ts';
import type { EntityModel } from '../src/types.ts';

const thing: EntityModel = {
  key: 'things',
  label: 'Thing',
  pluralLabel: 'Things',
  titleField: 'name',
  listFields: ['name'],
  fields: [
    { name: 'name', label: 'Name', type: 'string', required: true },
    { name: 'shelfId', label: 'Shelf', type: 'reference', required: false, references: 'shelves' },
  ],
};

type Seen = { url: string; init: RequestInit | undefined }[];

function fakeFetch(status: number, body: unknown, seen: Seen): typeof fetch {
  return async (input, init) => {
    seen.push({ url: String(input), init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

describe('createApiStore', () => {
  it('asks /api/<entity> for one page with its conditions and returns items and total', async () => {
    const seen: Seen = [];
    const store = createApiStore('/api', fakeFetch(200, { items: [{ id: 1, name: 'Lamp' }], total: 41, limit: 20, offset: 20 }, seen));
    expect(await store.list(thing, { offset: 20, limit: 20, where: { shelfId: 3 }, search: 'la', sort: 'name' })).toMatchObject({ items: [{ id: 1, name: 'Lamp' }], total: 41 });
    expect(seen[0]?.url).toBe('/api/things?limit=20&offset=20&shelfId=3&q=la&sort=name');
  });

  it('reads one item, and answers undefined for a 404', async () => {
    const seen: Seen = [];
    expect(await createApiStore('/api', fakeFetch(200, { id: 2, name: 'Desk' }, seen)).get(thing, 2)).toEqual({ id: 2, name: 'Desk' });
    expect(seen[0]?.url).toBe('/api/things/2');
    expect(await createApiStore('/api', fakeFetch(404, { error: 'not_found', message: 'thing 2 was not found' }, [])).get(thing, 2)).toBeUndefined();
  });

  it('creates with a JSON POST, updates with PATCH and deletes with DELETE', async () => {
    const seen: Seen = [];
    const store = createApiStore('/api', fakeFetch(201, { id: 2, name: 'Desk' }, seen), 'secret');
    await store.create(thing, { name: 'Desk' });
    await store.update(thing, 2, { name: 'Chair' });
    await store.remove(thing, 2);
    expect(seen.map((call) => `${call.init?.method} ${call.url}`)).toEqual(['POST /api/things', 'PATCH /api/things/2', 'DELETE /api/things/2']);
    expect(seen[0]?.init?.body).toBe('{"name":"Desk"}');
    expect((seen[0]?.init?.headers as Record<string, string>).authorization).toBe('Bearer secret');
  });

  it('turns an error answer into an ApiError naming the field at fault', async () => {
    const store = createApiStore('/api', fakeFetch(422, { error: 'invalid_reference', message: 'shelfId refers to shelves 9, which does not exist', issues: [{ path: 'shelfId', message: 'x' }] }, []));
    const error = await store.create(thing, { name: 'Desk', shelfId: 9 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, field: 'shelfId', message: 'shelfId refers to shelves 9, which does not exist' });
  });
});
