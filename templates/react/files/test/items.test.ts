import { describe, expect, it } from 'vitest';
import { formatDate, formatValue, safeHref } from '../src/format.ts';
import { draftOf, filterLabels, itemTitle, parseDraft, queryItems, queryOf } from '../src/items.ts';
import { createLocalStore, memoryStorage } from '../src/local-store.ts';
import { hrefOf, parseRoute } from '../src/route.ts';
import { StoreError } from '../src/store-error.ts';
import type { EntityModel, Item } from '../src/types.ts';

// Fixtures with one field of every kind and a parent, independent of this app's own entities.
const shelf: EntityModel = { key: 'shelves', label: 'Shelf', pluralLabel: 'Shelves', titleField: 'name', listFields: ['name'], fields: [{ name: 'name', label: 'Name', type: 'string', required: true }] };
const thing: EntityModel = {
  key: 'things',
  label: 'Thing',
  pluralLabel: 'Things',
  titleField: 'name',
  listFields: ['name', 'size', 'due'],
  toggleField: 'archived',
  fields: [
    { name: 'name', label: 'Name', type: 'string', required: true },
    { name: 'notes', label: 'Notes', type: 'text', required: false },
    { name: 'price', label: 'Price', type: 'number', required: false },
    { name: 'count', label: 'Count', type: 'integer', required: false },
    { name: 'archived', label: 'Archived', type: 'boolean', required: false },
    { name: 'due', label: 'Due', type: 'date', required: false },
    { name: 'email', label: 'Email', type: 'email', required: false },
    { name: 'site', label: 'Site', type: 'url', required: false },
    { name: 'size', label: 'Size', type: 'enum', required: false, options: ['small', 'large'] },
    { name: 'shelfId', label: 'Shelf', type: 'reference', required: false, references: 'shelves' },
  ],
};

describe('parseDraft', () => {
  it('converts valid input and leaves out empty optional fields', () => {
    const parsed = parseDraft(thing, { name: ' Lamp ', notes: '', price: '12.5', count: '3', due: '2024-05-01', email: 'a@b.co', site: 'https://example.com', size: 'large', shelfId: '2' });
    expect(parsed).toEqual({ ok: true, values: { name: 'Lamp', price: 12.5, count: 3, archived: false, due: '2024-05-01', email: 'a@b.co', site: 'https://example.com', size: 'large', shelfId: 2 } });
  });

  it('clears emptied optional fields when editing', () => {
    const parsed = parseDraft(thing, { name: 'Lamp', notes: '', price: '' }, { clearEmpty: true });
    expect(parsed).toMatchObject({ ok: true, values: { name: 'Lamp', notes: null, price: null } });
  });

  it('reports every invalid field by name', () => {
    const parsed = parseDraft(thing, { name: '', price: 'cheap', count: '1.5', due: 'soon', email: 'nope', site: 'ftp://x', size: 'huge' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['count', 'due', 'email', 'name', 'price', 'site', 'size']);
    expect(parsed.errors.name).toBe('Name is required');
  });

  it('fills the edit form with an item and round-trips it', () => {
    const item: Item = { id: 4, name: 'Lamp', price: 12.5, archived: true, due: '2024-05-01', shelfId: 2, notes: null };
    const draft = draftOf(thing, item);
    expect(draft).toMatchObject({ name: 'Lamp', price: '12.5', archived: true, due: '2024-05-01', shelfId: '2', notes: '' });
    expect(parseDraft(thing, draft, { clearEmpty: true })).toMatchObject({ ok: true, values: { name: 'Lamp', price: 12.5, archived: true, shelfId: 2, notes: null } });
  });
});

describe('queryItems', () => {
  const items: Item[] = [
    { id: 1, name: 'Banana', archived: true, price: 3 },
    { id: 2, name: 'apple', archived: false, price: 10 },
    { id: 3, name: 'Cherry', archived: false },
  ];
  const all = { offset: 0, limit: 20 };

  it('filters by the toggle field', () => {
    expect(queryItems(thing, items, queryOf(thing, { filter: 'on', query: '', sort: '' }, 1)).items.map((item) => item.id)).toEqual([1]);
    expect(queryItems(thing, items, queryOf(thing, { filter: 'off', query: '', sort: '' }, 1)).items.map((item) => item.id)).toEqual([2, 3]);
  });

  it('searches text fields without regard to case', () => {
    expect(queryItems(thing, items, { ...all, search: 'APP' }).items.map((item) => item.id)).toEqual([2]);
  });

  it('sorts by a field, missing values last', () => {
    expect(queryItems(thing, items, { ...all, sort: 'name' }).items.map((item) => item.id)).toEqual([2, 1, 3]);
    expect(queryItems(thing, items, { ...all, sort: 'price' }).items.map((item) => item.id)).toEqual([1, 2, 3]);
  });

  it('answers one page and the total', () => {
    const many: Item[] = Array.from({ length: 45 }, (_, i) => ({ id: i + 1, name: `Thing ${i + 1}` }));
    const third = queryItems(thing, many, queryOf(thing, { filter: 'all', query: '', sort: '' }, 3));
    expect(third.total).toBe(45);
    expect(third.items.map((item) => item.id)).toEqual([41, 42, 43, 44, 45]);
  });
});

describe('local store', () => {
  it('refuses a reference to a missing parent, naming the field', async () => {
    const store = createLocalStore(memoryStorage(), 'test', [shelf, thing]);
    await expect(store.create(thing, { name: 'Lamp', shelfId: 9 })).rejects.toMatchObject({ field: 'shelfId' });
    await expect(store.create(thing, { name: 'Lamp', shelfId: 9 })).rejects.toBeInstanceOf(StoreError);
  });

  it('lists children by parent and refuses to delete a parent that has some', async () => {
    const store = createLocalStore(memoryStorage(), 'test', [shelf, thing]);
    const top = await store.create(shelf, { name: 'Top' });
    const bottom = await store.create(shelf, { name: 'Bottom' });
    const lamp = await store.create(thing, { name: 'Lamp', shelfId: top.id });
    await store.create(thing, { name: 'Vase', shelfId: bottom.id });
    expect((await store.list(thing, { offset: 0, limit: 20, where: { shelfId: top.id } })).items.map((item) => item.name)).toEqual(['Lamp']);
    await expect(store.remove(shelf, top.id)).rejects.toThrow(/still has 1 thing/);
    await store.remove(thing, lamp.id);
    await store.remove(shelf, top.id);
    expect(await store.get(shelf, top.id)).toBeUndefined();
  });
});

describe('routes', () => {
  it('round-trips every view through the hash', () => {
    for (const route of [{ view: 'list', key: 'things', page: 1 }, { view: 'list', key: 'things', page: 3 }, { view: 'detail', key: 'things', id: 7 }, { view: 'edit', key: 'order-items', id: 12 }] as const) {
      expect(parseRoute(hrefOf(route))).toEqual(route);
    }
    expect(parseRoute('')).toEqual({ view: 'list', key: '', page: 1 });
    expect(parseRoute('#/things?page=abc')).toEqual({ view: 'list', key: 'things', page: 1 });
  });
});

describe('formats', () => {
  it('writes dates, numbers and booleans for people, not as stored', () => {
    expect(formatDate('2024-01-15', 'en-US')).toBe('Jan 15, 2024');
    expect(formatValue({ name: 'due', label: 'Due', type: 'date', required: false }, '2024-12-31', 'en-US')).toBe('Dec 31, 2024');
    expect(formatValue({ name: 'price', label: 'Price', type: 'number', required: false }, 1234.5, 'en-US')).toBe('1,234.5');
    expect(formatValue({ name: 'archived', label: 'Archived', type: 'boolean', required: false }, true)).toBe('Yes');
    expect(formatValue({ name: 'notes', label: 'Notes', type: 'text', required: false }, null)).toBe('');
  });

  it('links only web addresses', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });
});

describe('labels', () => {
  it('names filters after the toggle field', () => {
    expect(filterLabels(thing)).toEqual({ all: 'All', on: 'Archived', off: 'Not archived' });
    expect(filterLabels({ ...thing, toggleField: 'completed', fields: [{ name: 'completed', label: 'Completed', type: 'boolean', required: false }] })).toEqual({ all: 'All', on: 'Completed', off: 'Active' });
  });

  it('titles an item by its title field, or by its id when that is empty', () => {
    expect(itemTitle(thing, { id: 7, name: 'Lamp' })).toBe('Lamp');
    expect(itemTitle(thing, { id: 7, name: '' })).toBe('Thing 7');
  });
});
