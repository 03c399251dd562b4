import { useState } from 'react';
import { ChildList } from './ChildList.tsx';
import { DeleteButton } from './DeleteButton.tsx';
import { FieldValue } from './FieldValue.tsx';
import { Missing } from './Missing.tsx';
import { childrenOf, itemTitle } from './items.ts';
import { useParents } from './parents.ts';
import { hrefOf, navigate } from './route.ts';
import { messageOf } from './store-error.ts';
import type { EntityModel, Id, Store } from './types.ts';
import { useItem } from './useItem.ts';

interface Props {
  entity: EntityModel;
  entities: readonly EntityModel[];
  store: Store;
  id: Id;
}

/** One item with every field, links to its parents, its children, and Edit and Delete. */
export function DetailPage({ entity, entities, store, id }: Props) {
  const loaded = useItem(store, entity, id);
  const parents = useParents(store, entity, entities);
  const [failure, setFailure] = useState<string | undefined>();
  const back = <a href={hrefOf({ view: 'list', key: entity.key, page: 1 })}>{`All ${entity.pluralLabel.toLowerCase()}`}</a>;

  if (loaded.state !== 'found') return <Missing entity={entity} id={id} loaded={loaded} back={back} />;
  const item = loaded.item;
  const title = itemTitle(entity, item);

  async function remove() {
    try {
      await store.remove(entity, id);
      navigate({ view: 'list', key: entity.key, page: 1 });
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  return (
    <article className="panel" aria-labelledby="detail-heading">
      <p className="crumbs">{back}</p>
      <h2 id="detail-heading">{title}</h2>
      <dl className="fields">
        {entity.fields.map((field) => (
          <div key={field.name} className="field-row">
            <dt>{field.label}</dt>
            <dd>
              <FieldValue field={field} value={item[field.name]} parentTitle={parents.titleOf(field.name, item[field.name])} />
            </dd>
          </div>
        ))}
        {typeof item.createdAt === 'string' && (
          <div className="field-row">
            <dt>Added</dt>
            <dd>
              <time dateTime={item.createdAt}>{new Date(item.createdAt).toLocaleString()}</time>
            </dd>
          </div>
        )}
      </dl>
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <a className="button" href={hrefOf({ view: 'edit', key: entity.key, id })} aria-label={`Edit ${title}`}>
          Edit
        </a>
        <DeleteButton title={title} onConfirm={remove} />
      </div>
      {childrenOf(entity, entities).map(({ child, field }) => (
        <ChildList key={`${child.key}-${field.name}`} parent={entity} parentTitle={title} parentId={id} child={child} field={field} store={store} />
      ))}
    </article>
  );
}
