import { useEffect, useState } from 'react';
import { messageOf } from './store-error.ts';
import type { EntityModel, Id, Item, Store } from './types.ts';

export type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'failed'; message: string } | { state: 'found'; item: Item };

/** One item, loaded from the store; pages showing it are keyed by entity and id, so each load starts fresh. */
export function useItem(store: Store, entity: EntityModel, id: Id): Loaded {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    store.get(entity, id).then(
      (item) => live && setLoaded(item === undefined ? { state: 'missing' } : { state: 'found', item }),
      (error: unknown) => live && setLoaded({ state: 'failed', message: messageOf(error) }),
    );
    return () => {
      live = false;
    };
  }, [store, entity, id]);
  return loaded;
}
