import { useEffect, useState } from 'react';
import { DeleteButton } from './DeleteButton.tsx';
import { FieldValue } from './FieldValue.tsx';
import { draftOf, filterLabels, initialView, itemTitle, listDetails, PAGE_SIZE, queryOf, type Filter, type View } from './items.ts';
import { Pager } from './Pager.tsx';
import { useParents } from './parents.ts';
import { RecordForm } from './RecordForm.tsx';
import { hrefOf, navigate } from './route.ts';
import { messageOf } from './store-error.ts';
import type { EntityModel, Features, Item, Page, Store } from './types.ts';

const isEmpty = (value: unknown): boolean => value === undefined || value === null || value === '';

interface Props {
  entity: EntityModel;
  entities: readonly EntityModel[];
  store: Store;
  features: Features;
  /** 1-based, from the URL. */
  page: number;
}

/** One entity's list: an add form, optional search/filter/sort, a page of items linking to their details, and a pager. */
export function ListPage({ entity, entities, store, features, page }: Props) {
  const [loaded, setLoaded] = useState<Page | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [added, setAdded] = useState<Item | undefined>();
  const [view, setView] = useState<View>(initialView);
  const [version, setVersion] = useState(0);
  const parents = useParents(store, entity, entities);

  useEffect(() => {
    let live = true;
    store.list(entity, queryOf(entity, view, page)).then(
      (result) => {
        if (!live) return;
        // A page past the end (after deletes, or an old link) shows the last page instead.
        const last = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
        if (page > last) navigate({ view: 'list', key: entity.key, page: last });
        else setLoaded(result);
      },
      (error: unknown) => live && setFailure(messageOf(error)),
    );
    return () => {
      live = false;
    };
  }, [store, entity, view, page, version]);

  function changeView(next: View) {
    setView(next);
    if (page !== 1) navigate({ view: 'list', key: entity.key, page: 1 });
  }

  async function add(values: Record<string, unknown>) {
    const created = await store.create(entity, values);
    setAdded(created);
    setVersion((known) => known + 1);
  }

  async function toggle(item: Item) {
    if (entity.toggleField === undefined) return;
    try {
      await store.update(entity, item.id, { [entity.toggleField]: item[entity.toggleField] !== true });
      setVersion((known) => known + 1);
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  async function remove(item: Item) {
    try {
      await store.remove(entity, item.id);
      setFailure(undefined);
      setAdded((known) => (known?.id === item.id ? undefined : known));
      setVersion((known) => known + 1);
    } catch (error) {
      setFailure(messageOf(error));
    }
  }

  const labels = filterLabels(entity);
  const toggleField = entity.fields.find((field) => field.name === entity.toggleField);
  const details = listDetails(entity);
  const filtered = view.filter !== 'all' || view.query.trim() !== '';
  const plural = entity.pluralLabel.toLowerCase();

  return (
    <section className="panel" aria-labelledby={`${entity.key}-heading`}>
      <h2 id={`${entity.key}-heading`}>{entity.pluralLabel}</h2>
      <div className="add">
        <h3>{`New ${entity.label.toLowerCase()}`}</h3>
        <RecordForm
          entity={entity}
          entities={entities}
          initial={draftOf(entity)}
          parentOptions={parents.options}
          idPrefix={`new-${entity.key}`}
          submitLabel={`Add ${entity.label.toLowerCase()}`}
          editing={false}
          onSubmit={add}
        />
      </div>
      <p className="status" role="status">
        {added !== undefined && (
          <>
            {'Added '}
            <a href={hrefOf({ view: 'detail', key: entity.key, id: added.id })}>{itemTitle(entity, added)}</a>.
          </>
        )}
      </p>
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="toolbar">
        {features.search && (
          <input type="search" aria-label={`Search ${plural}`} placeholder="Search" value={view.query} onChange={(event) => changeView({ ...view, query: event.target.value })} />
        )}
        {features.filtering && toggleField !== undefined && (
          <div role="group" aria-label="Filter">
            {(['all', 'off', 'on'] as Filter[]).map((filter) => (
              <button type="button" key={filter} aria-pressed={view.filter === filter} onClick={() => changeView({ ...view, filter })}>
                {labels[filter]}
              </button>
            ))}
          </div>
        )}
        {features.sorting && (
          <label>
            Sort by{' '}
            <select value={view.sort} onChange={(event) => changeView({ ...view, sort: event.target.value })}>
              <option value="">Date added</option>
              {entity.fields.map((field) => (
                <option key={field.name} value={field.name}>
                  {field.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {loaded === undefined ? (
        <p className="count">Loading…</p>
      ) : loaded.items.length === 0 ? (
        <p className="empty-state">{filtered ? `No ${plural} match.` : `No ${plural} yet. Add the first one above.`}</p>
      ) : (
        <ul className="items" aria-label={entity.pluralLabel}>
          {loaded.items.map((item) => {
            const title = itemTitle(entity, item);
            return (
              <li key={item.id} className={toggleField !== undefined && item[toggleField.name] === true ? 'item done' : 'item'}>
                {toggleField !== undefined && (
                  <input type="checkbox" aria-label={`${toggleField.label}: ${title}`} checked={item[toggleField.name] === true} onChange={() => void toggle(item)} />
                )}
                <div className="summary">
                  <a className="title" href={hrefOf({ view: 'detail', key: entity.key, id: item.id })}>
                    {title}
                  </a>
                  {details.some((field) => !isEmpty(item[field.name])) && (
                    <span className="details">
                      {details.filter((field) => !isEmpty(item[field.name])).map((field) => (
                        <span key={field.name} className="detail">
                          <span className="detail-label">{`${field.label}: `}</span>
                          <FieldValue field={field} value={item[field.name]} parentTitle={parents.titleOf(field.name, item[field.name])} />
                        </span>
                      ))}
                    </span>
                  )}
                </div>
                <DeleteButton title={title} onConfirm={() => remove(item)} />
              </li>
            );
          })}
        </ul>
      )}
      {loaded !== undefined && <Pager entityKey={entity.key} plural={plural} page={page} shown={loaded.items.length} total={loaded.total} />}
    </section>
  );
}
