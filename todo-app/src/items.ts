import type { EntityModel, FieldModel, Item } from './types.ts';

/** Form values as the browser gives them, before parsing. */
export type Draft = Record<string, string | boolean>;

export type Parsed = { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formFields(entity: EntityModel): FieldModel[] {
  return entity.fields.filter((field) => field.name !== entity.toggleField);
}

export function readForm(entity: EntityModel, form: FormData): Draft {
  const draft: Draft = {};
  for (const field of formFields(entity)) {
    const value = form.get(field.name);
    draft[field.name] = field.type === 'boolean' ? value !== null : typeof value === 'string' ? value : '';
  }
  return draft;
}

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Checks and converts a draft; empty optional fields are left out. */
export function parseDraft(entity: EntityModel, draft: Draft): Parsed {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of formFields(entity)) {
    const raw = draft[field.name];
    if (field.type === 'boolean') {
      values[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    switch (field.type) {
      case 'number':
      case 'integer':
      case 'reference': {
        const number = Number(text);
        if (!Number.isFinite(number) || (field.type !== 'number' && !Number.isInteger(number))) errors[field.name] = `${field.label} must be a ${field.type === 'number' ? 'number' : 'whole number'}`;
        else values[field.name] = number;
        break;
      }
      case 'email':
        if (EMAIL.test(text)) values[field.name] = text;
        else errors[field.name] = `${field.label} must be an email address`;
        break;
      case 'url':
        if (isUrl(text)) values[field.name] = text;
        else errors[field.name] = `${field.label} must be a web address starting with http:// or https://`;
        break;
      case 'date':
        if (DATE.test(text) && !Number.isNaN(Date.parse(text))) values[field.name] = text;
        else errors[field.name] = `${field.label} must be a date (yyyy-mm-dd)`;
        break;
      case 'enum':
        if (field.options?.includes(text)) values[field.name] = text;
        else errors[field.name] = `${field.label} must be one of ${field.options?.join(', ')}`;
        break;
      default:
        if (text.length > (field.type === 'text' ? 10000 : 200)) errors[field.name] = `${field.label} is too long`;
        else values[field.name] = text;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true, values } : { ok: false, errors };
}

export type Filter = 'all' | 'on' | 'off';

export interface View {
  filter: Filter;
  query: string;
  /** A field name, or '' for the order items were added in. */
  sort: string;
}

export const initialView: View = { filter: 'all', query: '', sort: '' };

/** Labels of the filter buttons: a todo list reads All / Active / Completed. */
export function filterLabels(entity: EntityModel): Record<Filter, string> {
  const field = entity.fields.find((candidate) => candidate.name === entity.toggleField);
  if (field === undefined) return { all: 'All', on: 'Yes', off: 'No' };
  if (field.name === 'completed' || field.name === 'done') return { all: 'All', on: 'Completed', off: 'Active' };
  return { all: 'All', on: field.label, off: `Not ${field.label.toLowerCase()}` };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null || a === '') return 1;
  if (b === undefined || b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The items a view shows: filtered by the toggle, searched in text, then sorted. */
export function visibleItems(entity: EntityModel, items: readonly Item[], view: View): Item[] {
  const query = view.query.trim().toLowerCase();
  const toggle = entity.toggleField;
  const shown = items.filter((item) => {
    if (toggle !== undefined && view.filter !== 'all' && (item[toggle] === true) !== (view.filter === 'on')) return false;
    if (query === '') return true;
    return entity.fields.some((field) => typeof item[field.name] === 'string' && (item[field.name] as string).toLowerCase().includes(query));
  });
  return view.sort === '' ? shown : shown.sort((a, b) => compare(a[view.sort], b[view.sort]));
}

export function itemTitle(entity: EntityModel, item: Item): string {
  const value = item[entity.titleField];
  return value === undefined || value === null || value === '' ? `${entity.label} ${item.id}` : String(value);
}

export function formatValue(field: FieldModel, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (field.type === 'boolean') return value === true ? 'yes' : 'no';
  return String(value);
}
