import { describe, expect, it } from 'vitest';
import { filterLabels, itemTitle, parseDraft, visibleItems } from '../src/items.ts';
import type { EntityModel, Item } from '../src/types.ts';

// A fixture with one field of every kind, independent of this app's own entities.
const thing: EntityModel = {
  key: 'things',
  label: 'Thing',
  pluralLabel: 'Things',
  titleField: 'name',
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
  ],
};

describe('parseDraft', () => {
  it('converts valid input and leaves out empty optional fields', () => {
    const parsed = parseDraft(thing, { name: ' Lamp ', notes: '', price: '12.5', count: '3', due: '2024-05-01', email: 'a@b.co', site: 'https://example.com', size: 'large' });
    expect(parsed).toEqual({ ok: true, values: { name: 'Lamp', price: 12.5, count: 3, due: '2024-05-01', email: 'a@b.co', site: 'https://example.com', size: 'large' } });
  });

  it('reports every invalid field by name', () => {
    const parsed = parseDraft(thing, { name: '', price: 'cheap', count: '1.5', due: 'soon', email: 'nope', site: 'ftp://x', size: 'huge' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['count', 'due', 'email', 'name', 'price', 'site', 'size']);
    expect(parsed.errors.name).toBe('Name is required');
  });
});

describe('visibleItems', () => {
  const items: Item[] = [
    { id: 1, name: 'Banana', archived: true, price: 3 },
    { id: 2, name: 'apple', archived: false, price: 10 },
    { id: 3, name: 'Cherry', archived: false },
  ];

  it('filters by the toggle field', () => {
    expect(visibleItems(thing, items, { filter: 'on', query: '', sort: '' }).map((item) => item.id)).toEqual([1]);
    expect(visibleItems(thing, items, { filter: 'off', query: '', sort: '' }).map((item) => item.id)).toEqual([2, 3]);
  });

  it('searches text fields without regard to case', () => {
    expect(visibleItems(thing, items, { filter: 'all', query: 'APP', sort: '' }).map((item) => item.id)).toEqual([2]);
  });

  it('sorts by a field, missing values last', () => {
    expect(visibleItems(thing, items, { filter: 'all', query: '', sort: 'name' }).map((item) => item.id)).toEqual([2, 1, 3]);
    expect(visibleItems(thing, items, { filter: 'all', query: '', sort: 'price' }).map((item) => item.id)).toEqual([1, 2, 3]);
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
