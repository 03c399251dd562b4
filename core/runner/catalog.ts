import type { Database } from '../db/connect.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { NewStepRow } from './sql/startRuns.ts';
import type { CompiledWorkflow, StepDefinition } from './types.ts';

/** The key of the synthetic step that computes a run's output when it is not one step's. */
export const OUTPUT_STEP = '$output';

/** A compiled workflow plus what the runner derives from it once: the step rows of a new run. */
export interface PreparedWorkflow {
  compiled: CompiledWorkflow;
  byKey: ReadonlyMap<string, StepDefinition>;
  rows: readonly NewStepRow[];
  topLevelKeys: readonly string[];
  /** Steps no other step needs; without declared outputs the run's output is theirs. */
  sinks: readonly string[];
}

export interface StoredWorkflow {
  id: string;
  name: string;
  version: string;
  source: string;
}

export type WorkflowLoader = (stored: StoredWorkflow) => Promise<CompiledWorkflow>;

export function prepareWorkflow(compiled: CompiledWorkflow): PreparedWorkflow {
  const byKey = new Map<string, StepDefinition>();
  for (const step of compiled.steps) {
    if (step.key.startsWith('$') || step.key.includes('/')) {
      throw new ValidationError(`workflow ${compiled.name}: step key '${step.key}' may not start with '$' or contain '/'`);
    }
    if (byKey.has(step.key)) throw new ValidationError(`workflow ${compiled.name}: duplicate step '${step.key}'`);
    byKey.set(step.key, step);
  }
  if (byKey.size === 0) throw new ValidationError(`workflow ${compiled.name} has no steps`);
  const dependents = new Map<string, string[]>([...byKey.keys()].map((k) => [k, []]));
  for (const step of compiled.steps) {
    for (const need of step.needs) {
      const list = dependents.get(need);
      if (!list) throw new ValidationError(`workflow ${compiled.name}: step '${step.key}' needs unknown step '${need}'`);
      list.push(step.key);
    }
  }
  assertAcyclic(compiled.name, byKey);
  const sinks = [...byKey.keys()].filter((k) => dependents.get(k)!.length === 0);
  const needsOutputStep = compiled.outputs !== undefined || sinks.length !== 1;
  const rows: NewStepRow[] = compiled.steps.map((step) => ({
    key: step.key,
    kind: 'step',
    pending: new Set(step.needs).size,
    dependents: needsOutputStep ? [...dependents.get(step.key)!, OUTPUT_STEP] : dependents.get(step.key)!,
    completesRun: !needsOutputStep && sinks[0] === step.key,
    releasesOnFailure: step.continueOnError,
    maxAttempts: Math.max(1, step.retry.maxAttempts),
  }));
  if (needsOutputStep) {
    // Pure, so a worker dying while it holds the output step must not use up the run's chances.
    rows.push({ key: OUTPUT_STEP, kind: 'output', pending: byKey.size, dependents: [], completesRun: true, releasesOnFailure: false, maxAttempts: 3 });
  }
  // needs listing the same step twice would otherwise over-count `pending`.
  for (const row of rows) if (row.kind === 'step') row.dependents = [...new Set(row.dependents)];
  return { compiled, byKey, rows, topLevelKeys: [...byKey.keys()], sinks };
}

function assertAcyclic(name: string, byKey: ReadonlyMap<string, StepDefinition>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (key: string, path: string[]): void => {
    if (state.get(key) === 'done') return;
    if (state.get(key) === 'visiting') {
      throw new ValidationError(`workflow ${name} has a dependency cycle: ${[...path.slice(path.indexOf(key)), key].join(' -> ')}`);
    }
    state.set(key, 'visiting');
    for (const need of byKey.get(key)?.needs ?? []) visit(need, [...path, key]);
    state.set(key, 'done');
  };
  for (const key of byKey.keys()) visit(key, []);
}

/**
 * Workflow versions this process can run. Versions registered here are known at once; any
 * other is loaded from the `workflows` table and compiled by the loader, so a worker can run
 * a version that a different process registered.
 */
export class WorkflowCatalog {
  private readonly byId = new Map<string, Promise<PreparedWorkflow>>();
  private readonly latestByName = new Map<string, string>();

  constructor(
    private readonly db: Database,
    private readonly loader: WorkflowLoader | undefined,
  ) {}

  async register(compiled: CompiledWorkflow): Promise<PreparedWorkflow> {
    const prepared = prepareWorkflow(compiled);
    await this.db.query(
      `insert into workflows (id, name, version, source) values ($1, $2, $3, $4) on conflict (id) do nothing`,
      [compiled.id, compiled.name, compiled.version, compiled.source ?? describeCodeWorkflow(compiled)],
    );
    this.byId.set(compiled.id, Promise.resolve(prepared));
    this.latestByName.set(compiled.name, compiled.id);
    return prepared;
  }

  get(id: string): Promise<PreparedWorkflow> {
    let found = this.byId.get(id);
    if (!found) {
      found = this.load(id);
      this.byId.set(id, found);
      found.catch(() => this.byId.delete(id));
    }
    return found;
  }

  /** A workflow by version id, or the newest version of a name. */
  async resolve(idOrName: string): Promise<PreparedWorkflow> {
    const local = this.latestByName.get(idOrName);
    if (local) return this.get(local);
    if (this.byId.has(idOrName)) return this.get(idOrName);
    const rows = await this.db.query<{ id: string }>(
      'select id from workflows where id = $1 or name = $1 order by (id = $1) desc, created_at desc limit 1',
      [idOrName],
    );
    if (!rows[0]) throw new NotFoundError('workflow', idOrName);
    return this.get(rows[0].id);
  }

  private async load(id: string): Promise<PreparedWorkflow> {
    const rows = await this.db.query<StoredWorkflow>('select id, name, version, source from workflows where id = $1', [id]);
    const stored = rows[0];
    if (!stored) throw new NotFoundError('workflow', id);
    if (!this.loader || stored.source.startsWith(CODE_PREFIX)) {
      throw new NotFoundError('workflow', `${stored.name}@${stored.version} (defined in code and not registered in this process)`);
    }
    const compiled = await this.loader(stored);
    return prepareWorkflow(compiled);
  }
}

const CODE_PREFIX = '# code-defined workflow';

function describeCodeWorkflow(compiled: CompiledWorkflow): string {
  const steps = compiled.steps.map((s) => `#   ${s.key}${s.needs.length ? ` <- ${s.needs.join(', ')}` : ''}`);
  return [`${CODE_PREFIX} ${compiled.name}@${compiled.version}`, ...steps].join('\n');
}
