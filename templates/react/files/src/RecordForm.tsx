import { useState, type FormEvent } from 'react';
import { itemTitle, parseDraft, type Draft } from './items.ts';
import { messageOf, StoreError } from './store-error.ts';
import type { EntityModel, FieldModel, Item } from './types.ts';

interface Props {
  entity: EntityModel;
  entities: readonly EntityModel[];
  /** Starting values: defaults for a new item, the item's own values when editing. */
  initial: Draft;
  /** Per reference field: the parents its picker offers. */
  parentOptions: Record<string, Item[]>;
  /** Distinguishes the ids of two forms for one entity. */
  idPrefix: string;
  submitLabel: string;
  /** Editing sends empty optional fields as null so they are cleared. */
  editing: boolean;
  onSubmit(values: Record<string, unknown>): Promise<void>;
  onCancel?: () => void;
}

/** The one form for creating and editing: every field, checked the same way, errors beside each input. */
export function RecordForm({ entity, entities, initial, parentOptions, idPrefix, submitLabel, editing, onSubmit, onCancel }: Props) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = parseDraft(entity, draft, { clearEmpty: editing });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setBusy(true);
    try {
      await onSubmit(parsed.values);
      setErrors({});
      setFailure(undefined);
      if (!editing) setDraft(initial);
    } catch (error) {
      if (error instanceof StoreError && error.field !== undefined && entity.fields.some((field) => field.name === error.field)) {
        setErrors({ [error.field]: error.message });
      } else {
        setFailure(messageOf(error));
      }
    } finally {
      setBusy(false);
    }
  }

  const inputId = (field: FieldModel) => `${idPrefix}-${field.name}`;
  return (
    <form className="record-form" aria-label={submitLabel} onSubmit={(event) => void submit(event)} noValidate>
      {entity.fields.map((field) => {
        const error = errors[field.name];
        const label = `${entity.label} ${field.label.toLowerCase()}`;
        return (
          <div className={field.type === 'boolean' ? 'field checkbox-field' : 'field'} key={field.name}>
            <label htmlFor={inputId(field)} className={field.required ? 'required' : undefined}>
              {label}
            </label>
            <FieldInput
              id={inputId(field)}
              field={field}
              value={draft[field.name] ?? ''}
              onChange={(value) => setDraft((known) => ({ ...known, [field.name]: value }))}
              options={parentOptions[field.name] ?? []}
              parent={entities.find((candidate) => candidate.key === field.references)}
              invalid={error !== undefined}
              describedBy={error === undefined ? undefined : `${inputId(field)}-error`}
            />
            {error !== undefined && (
              <p className="error" id={`${inputId(field)}-error`} role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

interface InputProps {
  id: string;
  field: FieldModel;
  value: string | boolean;
  onChange(value: string | boolean): void;
  options: Item[];
  parent: EntityModel | undefined;
  invalid: boolean;
  describedBy: string | undefined;
}

/** The input that fits a field's type: date pickers, number steps, email and URL keyboards, selects. */
function FieldInput({ id, field, value, onChange, options, parent, invalid, describedBy }: InputProps) {
  const text = typeof value === 'string' ? value : '';
  const common = { id, name: field.name, required: field.required, 'aria-invalid': invalid, 'aria-describedby': describedBy };
  const onText = (event: { target: { value: string } }) => onChange(event.target.value);
  switch (field.type) {
    case 'text':
      return <textarea {...common} rows={3} value={text} onChange={onText} />;
    case 'boolean':
      return <input {...common} type="checkbox" required={false} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
    case 'number':
      return <input {...common} type="number" step="any" inputMode="decimal" value={text} onChange={onText} />;
    case 'integer':
      return <input {...common} type="number" step="1" inputMode="numeric" value={text} onChange={onText} />;
    case 'date':
      return <input {...common} type="date" value={text} onChange={onText} />;
    case 'email':
      return <input {...common} type="email" autoComplete="email" value={text} onChange={onText} />;
    case 'url':
      return <input {...common} type="url" placeholder="https://" value={text} onChange={onText} />;
    case 'enum':
      return (
        <select {...common} value={text} onChange={onText}>
          {!field.required && <option value="">—</option>}
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      );
    case 'reference':
      return (
        <select {...common} value={text} onChange={onText}>
          <option value="">{parent === undefined ? '—' : `No ${parent.label.toLowerCase()}`}</option>
          {options.map((item) => (
            <option key={item.id} value={String(item.id)}>
              {parent === undefined ? String(item.id) : itemTitle(parent, item)}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...common} type="text" value={text} onChange={onText} />;
  }
}
