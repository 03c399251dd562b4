import { draftOf, itemTitle } from './items.ts';
import { Missing } from './Missing.tsx';
import { useParents } from './parents.ts';
import { RecordForm } from './RecordForm.tsx';
import { hrefOf, navigate } from './route.ts';
import type { EntityModel, Id, Store } from './types.ts';
import { useItem } from './useItem.ts';

interface Props {
  entity: EntityModel;
  entities: readonly EntityModel[];
  store: Store;
  id: Id;
}

/** The create form again, filled with the item's values: Save goes back to its details, Cancel too. */
export function EditPage({ entity, entities, store, id }: Props) {
  const loaded = useItem(store, entity, id);
  const parents = useParents(store, entity, entities);
  const detail = { view: 'detail', key: entity.key, id } as const;
  if (loaded.state !== 'found') return <Missing entity={entity} id={id} loaded={loaded} back={<a href={hrefOf({ view: 'list', key: entity.key, page: 1 })}>{`All ${entity.pluralLabel.toLowerCase()}`}</a>} />;
  const title = itemTitle(entity, loaded.item);
  return (
    <section className="panel" aria-labelledby="edit-heading">
      <p className="crumbs">
        <a href={hrefOf(detail)}>{title}</a>
      </p>
      <h2 id="edit-heading">{`Edit ${title}`}</h2>
      <RecordForm
        key={loaded.item.id}
        entity={entity}
        entities={entities}
        initial={draftOf(entity, loaded.item)}
        parentOptions={parents.options}
        idPrefix={`edit-${entity.key}`}
        submitLabel="Save"
        editing
        onSubmit={async (values) => {
          await store.update(entity, id, values);
          navigate(detail);
        }}
        onCancel={() => navigate(detail)}
      />
    </section>
  );
}
