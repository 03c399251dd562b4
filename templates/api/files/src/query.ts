import type { EntityDefinition, FieldDefinition, Features } from './entity.ts';
import { quote } from './db.ts';

export class QueryError extends Error {
  constructor(message: string) {
    super(message);
  }
}

export interface ListQuery {
  where: string;
  params: unknown[];
  orderBy: string;
  limit: number;
  offset: number;
}

const MAX_LIMIT = 100;
const UNPAGED_LIMIT = 1000;
const TEXT_TYPES = new Set(['string', 'text', 'email', 'url', 'enum']);

function filterValue(field: FieldDefinition, raw: string): unknown {
  switch (field.type) {
    case 'boolean':
      if (raw === 'true' || raw === 'false') return raw === 'true';
      throw new QueryError(`${field.name} must be true or false`);
    case 'number':
    case 'integer':
    case 'reference': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) throw new QueryError(`${field.name} must be a number`);
      return value;
    }
    default:
      return raw;
  }
}

function whole(raw: string | undefined, name: string, fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new QueryError(`${name} must be a whole number from 0 to ${max}`);
  return value;
}

/**
 * Turns list query parameters into SQL pieces: `?field=value` filters, `q` searches text
 * fields, `sort`/`order` sort, `limit`/`offset` page. Column names only ever come from the
 * entity definition, never from the request.
 */
export function listQuery(entity: EntityDefinition, features: Features, query: Record<string, string | undefined>): ListQuery {
  const conditions: string[] = [];
  const params: unknown[] = [];
  // References always filter, so a parent's children can be listed (`?authorId=3`).
  const filterable = features.filtering ? entity.fields : entity.fields.filter((field) => field.type === 'reference');
  for (const field of filterable) {
    const raw = query[field.name];
    if (raw === undefined) continue;
    params.push(filterValue(field, raw));
    conditions.push(`${quote(field.name)} = $${params.length}`);
  }
  const text = entity.fields.filter((field) => TEXT_TYPES.has(field.type));
  const q = query.q?.trim();
  if (features.search && q !== undefined && q !== '' && text.length > 0) {
    params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(${text.map((field) => `${quote(field.name)} ilike $${params.length}`).join(' or ')})`);
  }

  let orderBy = '"id" asc';
  if (features.sorting && query.sort !== undefined) {
    const sortable = ['id', 'createdAt', ...entity.fields.map((field) => field.name)];
    if (!sortable.includes(query.sort)) throw new QueryError(`sort must be one of ${sortable.join(', ')}`);
    const order = query.order ?? 'asc';
    if (order !== 'asc' && order !== 'desc') throw new QueryError('order must be asc or desc');
    orderBy = `${quote(query.sort)} ${order} nulls last, "id" asc`;
  }
  // Without the pagination feature a list answers everything by default, but a client may still page.
  const limit = features.pagination ? whole(query.limit, 'limit', 20, MAX_LIMIT) : whole(query.limit, 'limit', UNPAGED_LIMIT, UNPAGED_LIMIT);
  const offset = whole(query.offset, 'offset', 0, Number.MAX_SAFE_INTEGER);
  return { where: conditions.length === 0 ? '' : ` where ${conditions.join(' and ')}`, params, orderBy, limit, offset };
}
