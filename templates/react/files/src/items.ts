import type { EntityModel, FieldModel, Item, ListQuery, Page } from './types.ts';

/** Form values as the inputs hold them, before parsing. */
export type Draft = Record<string, string | boolean>;

export type Parsed = { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, string> };

/** How many items a list shows at once; the API pages by the same number. */
export const PAGE_SIZE = 20;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The form's starting values: an item's own values when editing, defaults when creating. */
export function draftOf(entity: EntityModel, item?: Item): Draft {
  const draft: Draft = {};
  for (const field of entity.fields) {
    const value = item?.[field.name];
    if (field.type === 'boolean') draft[field.name] = value === true;
    else if (value !== undefined && value !== null) draft[field.name] = String(value);
    else draft[field.name] = field.type === 'enum' && field.required ? (field.options?.[0] ?? '') : '';
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

/**
 * Checks and converts a draft. An empty optional field is left out when creating and set to
 * null when editing (`clearEmpty`), so emptying an input clears the stored value.
 */
export function parseDraft(entity: EntityModel, draft: Draft, options: { clearEmpty?: boolean } = {}): Parsed {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of entity.fields) {
    const raw = draft[field.name];
    if (field.type === 'boolean') {
      values[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (field.required) errors[field.name] = `${field.label} is required`;
      else if (options.clearEmpty === true) values[field.name] = null;
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

/** The store query a list view asks for: its filter, search, sort and page. */
export function queryOf(entity: EntityModel, view: View, page: number, where: Record<string, number> = {}): ListQuery {
  const query: ListQuery = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, where: { ...where } };
  if (entity.toggleField !== undefined && view.filter !== 'all') query.where = { ...query.where, [entity.toggleField]: view.filter === 'on' };
  if (view.query.trim() !== '') query.search = view.query.trim();
  if (view.sort !== '') query.sort = view.sort;
  return query;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null || a === '') return 1;
  if (b === undefined || b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** Answers a list query over items held in memory, as the API answers it over its table. */
export function queryItems(entity: EntityModel, items: readonly Item[], query: ListQuery): Page {
  const search = query.search?.trim().toLowerCase() ?? '';
  const matching = items.filter((item) => {
    for (const [name, value] of Object.entries(query.where ?? {})) {
      const field = entity.fields.find((candidate) => candidate.name === name);
      if (field?.type === 'boolean' ? (item[name] === true) !== value : item[name] !== value) return false;
    }
    if (search === '') return true;
    return entity.fields.some((field) => typeof item[field.name] === 'string' && (item[field.name] as string).toLowerCase().includes(search));
  });
  const sort = query.sort;
  const sorted = sort === undefined ? matching : [...matching].sort((a, b) => compare(a[sort], b[sort]));
  return { items: sorted.slice(query.offset, query.offset + query.limit), total: matching.length };
}

export function itemTitle(entity: EntityModel, item: Item): string {
  const value = item[entity.titleField];
  return value === undefined || value === null || value === '' ? `${entity.label} ${item.id}` : String(value);
}

/** The fields a list shows after the title, in the order the model chose them. */
export function listDetails(entity: EntityModel): FieldModel[] {
  return entity.listFields.filter((name) => name !== entity.titleField).flatMap((name) => entity.fields.filter((field) => field.name === name));
}

/** The entities whose reference fields point at `entity`: its children, with the field that links them. */
export function childrenOf(entity: EntityModel, entities: readonly EntityModel[]): { child: EntityModel; field: FieldModel }[] {
  return entities.flatMap((child) => child.fields.filter((field) => field.type === 'reference' && field.references === entity.key).map((field) => ({ child, field })));
}
