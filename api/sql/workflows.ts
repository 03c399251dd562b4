import type { Executor } from '../../core/db/connect.ts';

export interface WorkflowRow {
  id: string;
  name: string;
  version: string;
  createdAt: Date;
}

const COLUMNS = `id, name, version, (extract(epoch from created_at) * 1000)::float8 as "createdAt"`;
type Raw = Omit<WorkflowRow, 'createdAt'> & { createdAt: number };
const toRow = (r: Raw): WorkflowRow => ({ ...r, createdAt: new Date(r.createdAt) });

/** The newest version of every workflow name, by name. */
export async function listLatestWorkflows(db: Executor): Promise<WorkflowRow[]> {
  const rows = await db.query<Raw>(
    `select distinct on (name) ${COLUMNS} from workflows order by name, created_at desc, id`,
  );
  return rows.map(toRow);
}

/** Every version of a name, newest first. */
export async function listWorkflowVersions(db: Executor, name: string): Promise<WorkflowRow[]> {
  const rows = await db.query<Raw>(`select ${COLUMNS} from workflows where name = $1 order by created_at desc, id`, [name]);
  return rows.map(toRow);
}

/** A version by id, or the newest version of a name; with its source. */
export async function getWorkflow(db: Executor, ref: string): Promise<(WorkflowRow & { source: string }) | undefined> {
  const rows = await db.query<Raw & { source: string }>(
    `select ${COLUMNS}, source from workflows where id = $1 or name = $1 order by (id = $1) desc, created_at desc limit 1`,
    [ref],
  );
  const row = rows[0];
  return row ? { ...toRow(row), source: row.source } : undefined;
}
