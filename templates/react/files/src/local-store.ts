import { childrenOf, queryItems } from './items.ts';
import { StoreError } from './store-error.ts';
import type { EntityModel, Id, Item, Store } from './types.ts';

/**
 * Items kept in Web Storage (localStorage in the browser), one JSON array per entity under
 * `<namespace>:<entity>`. Writes are synchronous; the Promise API matches the server store,
 * and so do its rules: a reference must name an existing parent, and a parent that still has
 * children cannot be deleted (restrict).
 */
export function createLocalStore(storage: Storage, namespace: string, entities: readonly EntityModel[] = []): Store {
  const keyOf = (entity: EntityModel) => `${namespace}:${entity.key}`;
  const read = (entity: EntityModel): Item[] => {
    const raw = storage.getItem(keyOf(entity));
    if (raw === null) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as Item[]) : [];
    } catch {
      // Data another version or a person's edit left unreadable: start over rather than crash.
      return [];
    }
  };
  const write = (entity: EntityModel, items: Item[]) => storage.setItem(keyOf(entity), JSON.stringify(items));
  const checkParents = (entity: EntityModel, values: Record<string, unknown>) => {
    for (const field of entity.fields) {
      const id = values[field.name];
      const parent = entities.find((candidate) => candidate.key === field.references);
      if (field.type !== 'reference' || parent === undefined || id === undefined || id === null) continue;
      if (!read(parent).some((item) => item.id === id)) throw new StoreError(`${field.label}: there is no ${parent.label.toLowerCase()} ${String(id)}`, { field: field.name });
    }
  };

  return {
    async list(entity, query) {
      return queryItems(entity, read(entity), query);
    },
    async get(entity, id) {
      return read(entity).find((item) => item.id === id);
    },
    async create(entity, values) {
      checkParents(entity, values);
      const items = read(entity);
      const id: Id = items.reduce((max, item) => Math.max(max, Number(item.id) || 0), 0) + 1;
      const item: Item = { ...values, id, createdAt: new Date().toISOString() };
      write(entity, [...items, item]);
      return item;
    },
    async update(entity, id, changes) {
      checkParents(entity, changes);
      const items = read(entity);
      const found = items.find((item) => item.id === id);
      if (found === undefined) throw new StoreError(`${entity.label} ${id} no longer exists`);
      const updated: Item = { ...found, ...changes, id };
      write(entity, items.map((item) => (item.id === id ? updated : item)));
      return updated;
    },
    async remove(entity, id) {
      for (const { child, field } of childrenOf(entity, entities)) {
        const count = read(child).filter((item) => item[field.name] === id).length;
        if (count > 0) throw new StoreError(`This ${entity.label.toLowerCase()} still has ${count} ${count === 1 ? child.label.toLowerCase() : child.pluralLabel.toLowerCase()}; delete or move them first.`);
      }
      write(entity, read(entity).filter((item) => item.id !== id));
    },
  };
}

/** A Storage kept in memory: for tests, and for browsers that refuse localStorage. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, String(value)),
  };
}
