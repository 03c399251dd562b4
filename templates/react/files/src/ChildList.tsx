import { useEffect, useState } from 'react';
import { itemTitle, PAGE_SIZE } from './items.ts';
import { hrefOf } from './route.ts';
import { messageOf } from './store-error.ts';
import type { EntityModel, FieldModel, Id, Page, Store } from './types.ts';

interface Props {
  parent: EntityModel;
  parentTitle: string;
  parentId: Id;
  child: EntityModel;
  /** The child's reference field that points at the parent. */
  field: FieldModel;
  store: Store;
}

/** A parent's children (the books of an author), a page at a time, each linking to its details. */
export function ChildList({ parent, parentTitle, parentId, child, field, store }: Props) {
  const [page, setPage] = useState(1);
  const [loaded, setLoaded] = useState<Page | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  useEffect(() => {
    let live = true;
    store.list(child, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, where: { [field.name]: parentId } }).then(
      (result) => live && setLoaded(result),
      (error: unknown) => live && setFailure(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [store, child, field, parentId, page]);

  const headingId = `children-${child.key}-${field.name}`;
  const pages = loaded === undefined ? 1 : Math.max(1, Math.ceil(loaded.total / PAGE_SIZE));
  return (
    <section className="children" aria-labelledby={headingId}>
      <h3 id={headingId}>{`${child.pluralLabel} of ${parentTitle}`}</h3>
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {loaded !== undefined && loaded.items.length === 0 && <p className="empty-state">{`No ${child.pluralLabel.toLowerCase()} for this ${parent.label.toLowerCase()} yet.`}</p>}
      {loaded !== undefined && loaded.items.length > 0 && (
        <ul className="items" aria-label={`${child.pluralLabel} of ${parentTitle}`}>
          {loaded.items.map((item) => (
            <li key={item.id} className="item">
              <a className="title" href={hrefOf({ view: 'detail', key: child.key, id: item.id })}>
                {itemTitle(child, item)}
              </a>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <p className="pages">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {`Previous ${child.pluralLabel.toLowerCase()}`}
          </button>
          <span>{`Page ${page} of ${pages}`}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {`Next ${child.pluralLabel.toLowerCase()}`}
          </button>
        </p>
      )}
    </section>
  );
}
