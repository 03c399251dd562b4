import type { EntityModel, Id, Item, Store } from './types.ts';

/**
 * Items kept in Web Storage (localStorage in the browser), one JSON array per entity under
 * `<namespace>:<entity>`. Writes are synchronous; the Promise API matches the server store.
 */
export function createLocalStore(storage: Storage, namespace: string): Store {
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

  return {
    async list(entity) {
      return read(entity);
    },
    async create(entity, values) {
      const items = read(entity);
      const id: Id = items.reduce((max, item) => Math.max(max, Number(item.id) || 0), 0) + 1;
      const item: Item = { ...values, id, createdAt: new Date().toISOString() };
      write(entity, [...items, item]);
      return item;
    },
    async update(entity, id, changes) {
      const items = read(entity);
      const found = items.find((item) => item.id === id);
      if (found === undefined) throw new Error(`${entity.label} ${id} no longer exists`);
      const updated: Item = { ...found, ...changes, id };
      write(entity, items.map((item) => (item.id === id ? updated : item)));
      return updated;
    },
    async remove(entity, id) {
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
