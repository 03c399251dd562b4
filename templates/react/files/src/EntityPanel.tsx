import { useEffect, useState, type FormEvent } from 'react';
import { filterLabels, formatValue, formFields, initialView, itemTitle, parseDraft, readForm, visibleItems, type Filter, type View } from './items.ts';
import type { EntityModel, FieldModel, Features, Item, Store } from './types.ts';

interface Props {
  entity: EntityModel;
  entities: readonly EntityModel[];
  store: Store;
  features: Features;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One entity's list: an add form, optional search/filter/sort, and the items with toggle and delete. */
export function EntityPanel({ entity, entities, store, features }: Props) {
  const [items, setItems] = useState<Item[]>([]);
  const [options, setOptions] = useState<Record<string, Item[]>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [view, setView] = useState<View>(initialView);
  const references = entity.fields.filter((field) => field.type === 'reference');

  useEffect(() => {
    let live = true;
    store.list(entity).then((loaded) => live && setItems(loaded), (error: unknown) => live && setFailure(message(error)));
    for (const field of references) {
      const parent = entities.find((candidate) => candidate.key === field.references);
      if (parent === undefined) continue;
      store.list(parent).then((loaded) => live && setOptions((known) => ({ ...known, [field.name]: loaded })), () => undefined);
    }
    return () => {
      live = false;
    };
    // entities is a module constant and references derive from entity: both are covered by it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [entity, store]);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = parseDraft(entity, readForm(entity, new FormData(form)));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    try {
      const created = await store.create(entity, parsed.values);
      setItems((known) => [...known, created]);
      setErrors({});
      setFailure(undefined);
      form.reset();
    } catch (error) {
      setFailure(message(error));
    }
  }

  async function toggle(item: Item) {
    if (entity.toggleField === undefined) return;
    try {
      const updated = await store.update(entity, item.id, { [entity.toggleField]: item[entity.toggleField] !== true });
      setItems((known) => known.map((candidate) => (candidate.id === item.id ? updated : candidate)));
    } catch (error) {
      setFailure(message(error));
    }
  }

  async function remove(item: Item) {
    try {
      await store.remove(entity, item.id);
      setItems((known) => known.filter((candidate) => candidate.id !== item.id));
    } catch (error) {
      setFailure(message(error));
    }
  }

  const labels = filterLabels(entity);
  const toggleField = entity.fields.find((field) => field.name === entity.toggleField);
  const shown = visibleItems(entity, items, view);
  const details = entity.fields.filter((field) => field.name !== entity.titleField && field.name !== entity.toggleField);
  const inputId = (field: FieldModel) => `${entity.key}-${field.name}`;

  return (
    <section className="panel" aria-labelledby={`${entity.key}-heading`}>
      <h2 id={`${entity.key}-heading`}>{entity.pluralLabel}</h2>
      <form className="add-form" aria-label={`New ${entity.label.toLowerCase()}`} onSubmit={add} noValidate>
        {formFields(entity).map((field) => (
          <div className="field" key={field.name}>
            <label htmlFor={inputId(field)}>{`${entity.label} ${field.label.toLowerCase()}`}</label>
            <FieldInput id={inputId(field)} field={field} options={options[field.name] ?? []} entities={entities} />
            {errors[field.name] !== undefined && (
              <p className="error" role="alert">
                {errors[field.name]}
              </p>
            )}
          </div>
        ))}
        <button type="submit">{`Add ${entity.label.toLowerCase()}`}</button>
      </form>
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="toolbar">
        {features.search && (
          <input type="search" aria-label={`Search ${entity.pluralLabel.toLowerCase()}`} placeholder="Search" value={view.query} onChange={(event) => setView({ ...view, query: event.target.value })} />
        )}
        {features.filtering && toggleField !== undefined && (
          <div role="group" aria-label="Filter">
            {(['all', 'off', 'on'] as Filter[]).map((filter) => (
              <button type="button" key={filter} aria-pressed={view.filter === filter} onClick={() => setView({ ...view, filter })}>
                {labels[filter]}
              </button>
            ))}
          </div>
        )}
        {features.sorting && (
          <label>
            Sort by{' '}
            <select value={view.sort} onChange={(event) => setView({ ...view, sort: event.target.value })}>
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
      <ul className="items" aria-label={entity.pluralLabel}>
        {shown.map((item) => {
          const title = itemTitle(entity, item);
          return (
            <li key={item.id} className={toggleField !== undefined && item[toggleField.name] === true ? 'item done' : 'item'}>
              {toggleField !== undefined && (
                <input type="checkbox" aria-label={`${toggleField.label}: ${title}`} checked={item[toggleField.name] === true} onChange={() => void toggle(item)} />
              )}
              <span className="title">{title}</span>
              <span className="details">
                {details
                  .map((field) => [field, formatValue(field, item[field.name])] as const)
                  .filter(([, value]) => value !== '')
                  .map(([field, value]) => `${field.label}: ${value}`)
                  .join(' · ')}
              </span>
              <button type="button" aria-label={`Delete ${title}`} onClick={() => void remove(item)}>
                Delete
              </button>
            </li>
          );
        })}
      </ul>
      <p className="count" aria-live="polite">
        {items.length === 0 ? `No ${entity.pluralLabel.toLowerCase()} yet.` : `Showing ${shown.length} of ${items.length}`}
      </p>
    </section>
  );
}

function FieldInput({ id, field, options, entities }: { id: string; field: FieldModel; options: Item[]; entities: readonly EntityModel[] }) {
  const common = { id, name: field.name, required: field.required };
  switch (field.type) {
    case 'text':
      return <textarea {...common} rows={3} />;
    case 'boolean':
      return <input {...common} type="checkbox" required={false} />;
    case 'number':
      return <input {...common} type="number" step="any" />;
    case 'integer':
      return <input {...common} type="number" step="1" />;
    case 'date':
      return <input {...common} type="date" />;
    case 'email':
      return <input {...common} type="email" />;
    case 'url':
      return <input {...common} type="url" />;
    case 'enum':
      return (
        <select {...common} defaultValue={field.required ? field.options?.[0] : ''}>
          {!field.required && <option value="">—</option>}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'reference': {
      const parent = entities.find((candidate) => candidate.key === field.references);
      return (
        <select {...common} defaultValue="">
          <option value="">—</option>
          {options.map((item) => (
            <option key={item.id} value={String(item.id)}>
              {parent === undefined ? String(item.id) : itemTitle(parent, item)}
            </option>
          ))}
        </select>
      );
    }
    default:
      return <input {...common} type="text" />;
  }
}
