import { useState } from 'react';
import { EntityPanel } from './EntityPanel.tsx';
import { appTitle, entities, features } from './model.ts';
import type { Store } from './types.ts';

/** The app: a heading, one tab per entity when there are several, and the chosen entity's list. */
export function App({ store }: { store: Store }) {
  const [current, setCurrent] = useState(entities[0]?.key ?? '');
  const entity = entities.find((candidate) => candidate.key === current) ?? entities[0];
  return (
    <main className="app">
      <h1>{appTitle}</h1>
      {entities.length > 1 && (
        <nav aria-label="Sections">
          {entities.map((candidate) => (
            <button type="button" key={candidate.key} aria-pressed={candidate.key === entity?.key} onClick={() => setCurrent(candidate.key)}>
              {candidate.pluralLabel}
            </button>
          ))}
        </nav>
      )}
      {entity !== undefined && <EntityPanel key={entity.key} entity={entity} entities={entities} store={store} features={features} />}
    </main>
  );
}
