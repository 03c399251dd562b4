import type { ReactNode } from 'react';
import type { EntityModel, Id } from './types.ts';
import type { Loaded } from './useItem.ts';

/** What a detail or edit page shows until its item is there: loading, not found, or the error. */
export function Missing({ entity, id, loaded, back }: { entity: EntityModel; id: Id; loaded: Exclude<Loaded, { state: 'found' }>; back: ReactNode }) {
  return (
    <section className="panel">
      <p className="crumbs">{back}</p>
      {loaded.state === 'loading' && <p>Loading…</p>}
      {loaded.state === 'missing' && <h2>{`No ${entity.label.toLowerCase()} ${id}`}</h2>}
      {loaded.state === 'failed' && (
        <p className="error" role="alert">
          {loaded.message}
        </p>
      )}
    </section>
  );
}
