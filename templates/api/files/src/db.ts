import { PGlite } from '@electric-sql/pglite';
import type { EntityDefinition, FieldDefinition, FieldType } from './entity.ts';

export type Database = PGlite;

/** Opens the embedded PostgreSQL (PGlite): kept in `dataDir` on disk, or in memory without one. */
export async function openDatabase(dataDir?: string): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return db;
}

const SQL_TYPES: Record<FieldType, string> = {
  string: 'text',
  text: 'text',
  email: 'text',
  url: 'text',
  enum: 'text',
  // Dates stay ISO `yyyy-mm-dd` text so JSON round-trips them unchanged.
  date: 'text',
  number: 'double precision',
  integer: 'integer',
  boolean: 'boolean',
  reference: 'integer',
};

export function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

function columnSql(field: FieldDefinition): string {
  let sql = `${quote(field.name)} ${SQL_TYPES[field.type]}`;
  if (field.type === 'boolean') sql += ' not null default false';
  else if (field.required) sql += ' not null';
  // Restrict: a parent with children cannot be deleted (the API answers 409 and names them).
  if (field.references !== undefined) sql += ` references ${quote(field.references)}(id) on delete restrict`;
  return sql;
}

/** Creates the tables that do not exist yet; `entities` lists parents before children. */
export async function migrate(db: Database, entities: readonly EntityDefinition[]): Promise<void> {
  for (const entity of entities) {
    const columns = ['"id" serial primary key', ...entity.fields.map(columnSql), '"createdAt" timestamptz not null default now()'];
    await db.exec(`create table if not exists ${quote(entity.table)} (${columns.join(', ')})`);
  }
}
