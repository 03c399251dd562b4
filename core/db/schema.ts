import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * The runner's tables have no foreign keys on purpose: the hot path inserts and updates
 * thousands of rows a second and pruning deletes explicitly, so the checks would cost
 * without protecting anything the runner's own statements do not already guarantee.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** One row per distinct workflow source; `id` is the content hash, so a changed file is a new version. */
export const workflows = pgTable(
  'workflows',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    version: text('version').notNull(),
    description: text('description'),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('workflows_name_created_idx').on(t.name, t.createdAt)],
);

export const runs = pgTable(
  'runs',
  {
    id: uuid('id').primaryKey(),
    workflowId: text('workflow_id').notNull(),
    workflowName: text('workflow_name').notNull(),
    status: text('status').notNull(),
    input: jsonb('input'),
    output: jsonb('output'),
    error: jsonb('error'),
    idempotencyKey: text('idempotency_key'),
    // Millisecond precision, so a JavaScript Date in a page cursor names a row exactly.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('runs_idempotency_key_idx').on(t.idempotencyKey),
    index('runs_created_idx').on(t.createdAt, t.id),
    index('runs_status_created_idx').on(t.status, t.createdAt),
  ],
);

/**
 * One row per step execution key: a workflow step, a spawned child (fan-out items too), or the
 * run's output step. `pending` counts unfinished dependencies (or children, while waiting).
 */
export const steps = pgTable(
  'steps',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    parentKey: text('parent_key'),
    uses: text('uses'),
    input: jsonb('input'),
    /** Retry delays, timeout and failure handling for spawned children; workflow steps take theirs from the workflow. */
    policy: jsonb('policy'),
    status: text('status').notNull(),
    pending: integer('pending').notNull().default(0),
    dependents: text('dependents').array().notNull().default(sql`'{}'::text[]`),
    completesRun: boolean('completes_run').notNull().default(false),
    releasesOnFailure: boolean('releases_on_failure').notNull().default(false),
    attempt: integer('attempt').notNull().default(1),
    maxAttempts: integer('max_attempts').notNull().default(1),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    output: jsonb('output'),
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('steps_run_key_idx').on(t.runId, t.key),
    index('steps_ready_idx').on(t.availableAt).where(sql`status = 'ready'`),
    index('steps_lease_idx').on(t.leaseExpiresAt).where(sql`status = 'running'`),
  ],
);

/** Results of durable sub-steps (`ctx.step`), so a retried step skips what already finished. */
export const stepMemos = pgTable(
  'step_memos',
  {
    runId: uuid('run_id').notNull(),
    stepKey: text('step_key').notNull(),
    name: text('name').notNull(),
    output: jsonb('output'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.stepKey, t.name] })],
);

/** Append-only history of a run; `id` orders events globally and doubles as the SSE event id. */
export const runEvents = pgTable(
  'run_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id').notNull(),
    stepKey: text('step_key'),
    type: text('type').notNull(),
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('run_events_run_idx').on(t.runId, t.id)],
);

export const workers = pgTable('workers', {
  id: text('id').primaryKey(),
  host: text('host').notNull(),
  pid: integer('pid').notNull(),
  concurrency: integer('concurrency').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }).notNull().defaultNow(),
  stoppedAt: timestamp('stopped_at', { withTimezone: true }),
});

export const artifacts = pgTable(
  'artifacts',
  {
    runId: uuid('run_id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.name] })],
);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope').notNull(),
  hash: text('hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
