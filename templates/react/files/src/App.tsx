import { DetailPage } from './DetailPage.tsx';
import { EditPage } from './EditPage.tsx';
import { ListPage } from './ListPage.tsx';
import { appTitle, entities, features } from './model.ts';
import { hrefOf, useRoute } from './route.ts';
import type { Store } from './types.ts';

/** The app: a heading, a link per entity when there are several, and the page the URL names. */
export function App({ store }: { store: Store }) {
  const route = useRoute();
  const entity = entities.find((candidate) => candidate.key === route.key) ?? entities[0];
  return (
    <main className="app">
      <h1>{appTitle}</h1>
      {entities.length > 1 && (
        <nav aria-label="Sections">
          {entities.map((candidate) => (
            <a key={candidate.key} className="tab" href={hrefOf({ view: 'list', key: candidate.key, page: 1 })} aria-current={candidate.key === entity?.key ? 'page' : undefined}>
              {candidate.pluralLabel}
            </a>
          ))}
        </nav>
      )}
      {entity !== undefined && route.view === 'list' && <ListPage key={entity.key} entity={entity} entities={entities} store={store} features={features} page={route.page} />}
      {entity !== undefined && route.view === 'detail' && <DetailPage key={`${entity.key}-${route.id}`} entity={entity} entities={entities} store={store} id={route.id} />}
      {entity !== undefined && route.view === 'edit' && <EditPage key={`${entity.key}-${route.id}`} entity={entity} entities={entities} store={store} id={route.id} />}
    </main>
  );
}
