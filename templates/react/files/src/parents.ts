import { useEffect, useState } from 'react';
import { itemTitle } from './items.ts';
import type { EntityModel, Item, Store } from './types.ts';

const BATCH = 100;

/** Every item of an entity, fetched page by page (the API answers at most 100 at once). */
export async function listAll(store: Store, entity: EntityModel): Promise<Item[]> {
  const items: Item[] = [];
  for (;;) {
    const page = await store.list(entity, { offset: items.length, limit: BATCH });
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.total) return items;
  }
}

export interface ParentChoices {
  /** Per reference field: the parent items a picker offers. */
  options: Record<string, Item[]>;
  /** Per reference field: a parent's title by its id, for lists and details. */
  titleOf(fieldName: string, id: unknown): string | undefined;
}

/** Loads the parents an entity's reference fields can point at, for pickers and parent names. */
export function useParents(store: Store, entity: EntityModel, entities: readonly EntityModel[]): ParentChoices {
  const [options, setOptions] = useState<Record<string, Item[]>>({});
  useEffect(() => {
    let live = true;
    const load = async () => {
      for (const field of entity.fields) {
        const parent = entities.find((candidate) => candidate.key === field.references);
        if (field.type !== 'reference' || parent === undefined) continue;
        try {
          const items = await listAll(store, parent);
          if (live) setOptions((known) => ({ ...known, [field.name]: items }));
        } catch {
          // Without its parents a picker offers none; the list itself still works.
        }
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [store, entity, entities]);
  return {
    options,
    titleOf(fieldName, id) {
      const field = entity.fields.find((candidate) => candidate.name === fieldName);
      const parent = entities.find((candidate) => candidate.key === field?.references);
      const found = options[fieldName]?.find((item) => item.id === id);
      return parent === undefined || found === undefined ? undefined : itemTitle(parent, found);
    },
  };
}
