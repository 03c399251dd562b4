import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { quote, type Database } from './db.ts';
import type { EntityDefinition, Features, Row } from './entity.ts';
import { listQuery, QueryError } from './query.ts';

function problem(c: Context, status: 400 | 404 | 409 | 422, error: string, message: string, issues?: unknown) {
  return c.json(issues === undefined ? { error, message } : { error, message, issues }, status);
}

async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** PostgreSQL's code for a row pointing at a missing parent. */
const FOREIGN_KEY_VIOLATION = '23503';

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION;
}

/** The first reference in `data` whose parent row does not exist, as a field name and id. */
async function missingParent(db: Database, entity: EntityDefinition, entities: readonly EntityDefinition[], data: Record<string, unknown>): Promise<{ field: string; id: unknown; parent: string } | undefined> {
  for (const field of entity.fields) {
    const id = data[field.name];
    if (field.references === undefined || id === undefined || id === null) continue;
    const found = await db.query(`select 1 from ${quote(field.references)} where id = $1`, [id]);
    const parent = entities.find((candidate) => candidate.table === field.references)?.name.toLowerCase() ?? field.references;
    if (found.rows.length === 0) return { field: field.name, id, parent };
  }
  return undefined;
}

/**
 * List, read, create, replace, update and delete routes for one entity. `entities` are all of
 * the API's: a reference must name an existing parent (422 otherwise), and deleting a record
 * that children still point at is refused (409, restrict), so nothing is lost without the
 * client deciding what happens to them.
 */
export function crudRoutes(db: Database, entity: EntityDefinition, features: Features, entities: readonly EntityDefinition[] = []): Hono {
  const app = new Hono();
  const children = entities.filter((candidate) => candidate.fields.some((field) => field.references === entity.table));
  const table = quote(entity.table);
  const label = entity.name.toLowerCase();

  app.get('/', async (c) => {
    let query;
    try {
      query = listQuery(entity, features, c.req.query());
    } catch (error) {
      if (error instanceof QueryError) return problem(c, 400, 'invalid_query', error.message);
      throw error;
    }
    const count = await db.query<{ total: number }>(`select count(*)::int as total from ${table}${query.where}`, query.params);
    const rows = await db.query<Row>(
      `select * from ${table}${query.where} order by ${query.orderBy} limit ${query.limit} offset ${query.offset}`,
      query.params,
    );
    return c.json({ items: rows.rows, total: count.rows[0]?.total ?? 0, limit: query.limit, offset: query.offset });
  });

  app.get('/:id{[0-9]+}', async (c) => {
    const rows = await db.query<Row>(`select * from ${table} where id = $1`, [Number(c.req.param('id'))]);
    const row = rows.rows[0];
    return row === undefined ? problem(c, 404, 'not_found', `${label} ${c.req.param('id')} was not found`) : c.json(row);
  });

  const write = async (c: Context, id: number | undefined, partial: boolean) => {
    const body = await readJson(c);
    if (body === undefined) return problem(c, 400, 'invalid_json', 'the request body must be JSON');
    const parsed = (partial ? entity.input.partial() : entity.input).safeParse(body);
    if (!parsed.success) return problem(c, 400, 'validation_failed', `invalid ${label}`, issuesOf(parsed.error));
    const data = parsed.data as Record<string, unknown>;
    // PUT replaces the whole record: a field it leaves out is cleared, as on a fresh create.
    if (id !== undefined && !partial) {
      for (const field of entity.fields) if (data[field.name] === undefined) data[field.name] = field.type === 'boolean' ? false : null;
    }
    const missing = await missingParent(db, entity, entities, data);
    if (missing !== undefined) {
      const message = `${missing.field} refers to ${missing.parent} ${String(missing.id)}, which does not exist`;
      return problem(c, 422, 'invalid_reference', message, [{ path: missing.field, message }]);
    }
    const names = Object.keys(data).filter((name) => data[name] !== undefined);
    const values = names.map((name) => data[name]);
    try {
      let rows;
      if (id === undefined) {
        const columns = names.map(quote).join(', ');
        const placeholders = names.map((_, i) => `$${i + 1}`).join(', ');
        rows = await db.query<Row>(
          names.length === 0 ? `insert into ${table} default values returning *` : `insert into ${table} (${columns}) values (${placeholders}) returning *`,
          values,
        );
      } else {
        if (names.length === 0) {
          rows = await db.query<Row>(`select * from ${table} where id = $1`, [id]);
        } else {
          const sets = names.map((name, i) => `${quote(name)} = $${i + 1}`).join(', ');
          rows = await db.query<Row>(`update ${table} set ${sets} where id = $${names.length + 1} returning *`, [...values, id]);
        }
      }
      const row = rows.rows[0];
      if (row === undefined) return problem(c, 404, 'not_found', `${label} ${id} was not found`);
      return c.json(row, id === undefined ? 201 : 200);
    } catch (error) {
      // A parent deleted between the check above and this write.
      if (isForeignKeyViolation(error)) return problem(c, 422, 'invalid_reference', 'a referenced record does not exist');
      throw error;
    }
  };

  app.post('/', (c) => write(c, undefined, false));
  app.put('/:id{[0-9]+}', (c) => write(c, Number(c.req.param('id')), false));
  app.patch('/:id{[0-9]+}', (c) => write(c, Number(c.req.param('id')), true));

  app.delete('/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    for (const child of children) {
      for (const field of child.fields.filter((candidate) => candidate.references === entity.table)) {
        const count = await db.query<{ total: number }>(`select count(*)::int as total from ${quote(child.table)} where ${quote(field.name)} = $1`, [id]);
        const total = count.rows[0]?.total ?? 0;
        if (total > 0) {
          return problem(c, 409, 'has_children', `${label} ${id} still has ${total} ${(total === 1 ? child.name : child.plural).toLowerCase()} (${field.name}); delete or move them first`, [{ path: field.name, message: `${total} ${(total === 1 ? child.name : child.plural).toLowerCase()}` }]);
        }
      }
    }
    try {
      const rows = await db.query<Row>(`delete from ${table} where id = $1 returning id`, [id]);
      return rows.rows.length === 0 ? problem(c, 404, 'not_found', `${label} ${id} was not found`) : c.body(null, 204);
    } catch (error) {
      // A child added between the count above and this delete.
      if (isForeignKeyViolation(error)) return problem(c, 409, 'has_children', `${label} ${id} still has records that refer to it`);
      throw error;
    }
  });

  return app;
}
