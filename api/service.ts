import { summarizeUsage, type UsageSummary } from '../core/llm/usage.ts';
import { createApiKey, listApiKeys, revokeApiKey, type Scope } from '../core/auth/index.ts';
import type { Database } from '../core/db/connect.ts';
import { NotFoundError, QLayerError } from '../core/errors.ts';
import type { PluginRegistry } from '../core/plugin/registry.ts';
import type { ArtifactStore } from '../core/runner/artifacts.ts';
import type { Runner } from '../core/runner/runner.ts';
import { getSteps as readSteps } from '../core/runner/sql/readRuns.ts';
import type { RunStatus } from '../core/runner/types.ts';
import { checkWorkflow, compileWorkflow, type WorkflowIssue } from '../core/workflow/index.ts';
import type { Authenticator } from './auth.ts';
import { apiKeyDto, artifactDto, pluginDto, runDto, stepDto } from './dto.ts';
import { getWorkflow, listLatestWorkflows, listWorkflowVersions } from './sql/workflows.ts';

/** What the API needs of a platform; `createPlatform()` returns a superset, tests build their own. */
export interface ApiPlatform {
  db: Database;
  registry: PluginRegistry;
  runner: Runner;
  artifacts: ArtifactStore;
}

/** Shown as the file in workflow issues, since a request body has no file name. */
const REQUEST_FILE = '<request>';

/**
 * The API's operations, shared by REST and GraphQL so both say the same things: each takes
 * parsed input and returns data as it leaves the API.
 */
/** The sandbox in force: `bubblewrap`, `unsafe` (configured off), or `unavailable` (runtime checks and previews refused). */
export type SandboxMode = 'bubblewrap' | 'unsafe' | 'unavailable';

export class ApiService {
  constructor(
    readonly platform: ApiPlatform,
    private readonly auth: Authenticator,
    private readonly pendingMigrations: (() => Promise<string[]>) | undefined,
    private readonly sandboxMode?: () => Promise<SandboxMode>,
  ) {}

  async startRun(workflow: string, input: unknown, idempotencyKey: string | undefined) {
    const { run, created } = await this.platform.runner.start(workflow, input ?? null, { idempotencyKey });
    return { run: runDto(run), created };
  }

  /** Starts the generation workflow; says plainly when it is not installed. */
  async generate(prompt: string, workflow: string, idempotencyKey: string | undefined) {
    try {
      return await this.startRun(workflow, { prompt }, idempotencyKey);
    } catch (error) {
      if (error instanceof NotFoundError && error.details?.what === 'workflow') {
        throw new QLayerError(
          'not_found',
          `workflow '${workflow}' is not registered, so nothing can generate from a prompt yet; register it (POST /api/v1/workflows) or add it to a workflow folder`,
          { details: { what: 'workflow', id: workflow } },
        );
      }
      throw error;
    }
  }

  async listRuns(query: { status?: RunStatus | undefined; workflow?: string | undefined; limit?: number | undefined; cursor?: string | undefined }) {
    const page = await this.platform.runner.listRuns({
      ...(query.status ? { status: query.status } : {}),
      ...(query.workflow ? { workflow: query.workflow } : {}),
      ...(query.limit ? { limit: query.limit } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { runs: page.runs.map(runDto), nextCursor: page.nextCursor ?? null };
  }

  async getRun(id: string) {
    return runDto(await this.platform.runner.getRun(id));
  }

  async getSteps(id: string) {
    return (await this.platform.runner.getSteps(id)).map(stepDto);
  }

  async getRunDetail(id: string) {
    const run = await this.getRun(id);
    // The runner's getSteps reads the run again to check it exists; it was just read.
    const steps = await readSteps(this.platform.db, id);
    return { ...run, steps: steps.map(stepDto) };
  }

  async cancelRun(id: string, reason: string | undefined) {
    return runDto(await this.platform.runner.cancel(id, reason));
  }

  async retryRun(id: string) {
    return runDto(await this.platform.runner.retry(id));
  }

  /** LLM usage recorded in the run's history, summed (see core/llm/usage.ts). */
  async getUsage(runId: string): Promise<UsageSummary> {
    await this.platform.runner.getRun(runId);
    const events: { type: string; data: unknown }[] = [];
    for (let after = 0; events.length < 200_000; ) {
      const page = await this.platform.runner.getEvents(runId, after, 5_000);
      events.push(...page);
      if (page.length < 5_000) break;
      after = page[page.length - 1]!.id;
    }
    return summarizeUsage(events);
  }

  async listArtifacts(runId: string) {
    await this.platform.runner.getRun(runId);
    return (await this.platform.artifacts.list(runId)).map(artifactDto);
  }

  async getArtifact(runId: string, name: string) {
    await this.platform.runner.getRun(runId);
    const artifact = await this.platform.artifacts.get(runId, name);
    if (!artifact) throw new NotFoundError('artifact', `${runId}/${name}`);
    return artifact;
  }

  /** Checks and stores a workflow version; `created` is false when the same source was already stored. */
  async registerWorkflow(source: string) {
    const { registry, runner, db } = this.platform;
    const compiled = await compileWorkflow(source, { registry, file: REQUEST_FILE });
    const before = await getWorkflow(db, compiled.id);
    await runner.register(compiled);
    const stored = before ?? (await getWorkflow(db, compiled.id));
    return {
      id: compiled.id,
      name: compiled.name,
      version: compiled.version,
      createdAt: (stored?.createdAt ?? new Date()).toISOString(),
      created: before === undefined,
    };
  }

  validateWorkflow(source: string): { valid: boolean; issues: WorkflowIssue[] } {
    const issues = checkWorkflow(source, { registry: this.platform.registry, file: REQUEST_FILE });
    return {
      valid: issues.length === 0,
      issues: issues.map((i) => ({ path: i.path, file: i.file, line: i.line, column: i.column, message: i.message })),
    };
  }

  async listWorkflows() {
    return (await listLatestWorkflows(this.platform.db)).map((w) => ({ ...w, createdAt: w.createdAt.toISOString() }));
  }

  async getWorkflow(ref: string) {
    const found = await getWorkflow(this.platform.db, ref);
    if (!found) throw new NotFoundError('workflow', ref);
    const versions = await listWorkflowVersions(this.platform.db, found.name);
    return {
      id: found.id,
      name: found.name,
      version: found.version,
      createdAt: found.createdAt.toISOString(),
      source: found.source,
      versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    };
  }

  listPlugins() {
    return this.platform.registry.list().map(pluginDto);
  }

  async listKeys() {
    return (await listApiKeys(this.platform.db)).map(apiKeyDto);
  }

  async createKey(name: string, scope: Scope) {
    const created = await createApiKey(this.platform.db, { name, scope });
    this.auth.invalidate();
    return { ...apiKeyDto(created), key: created.key };
  }

  async revokeKey(id: string) {
    const revoked = await revokeApiKey(this.platform.db, id);
    this.auth.invalidate();
    return apiKeyDto(revoked);
  }

  async prune(olderThan: Date) {
    return { deleted: await this.platform.runner.prune(olderThan) };
  }

  /** Database reachable and every migration applied. */
  async readiness(): Promise<{ status: 'ready' | 'not_ready'; database: boolean; pendingMigrations: string[]; detail?: string; sandbox?: SandboxMode }> {
    // Which confinement generated code gets; it does not decide readiness (generation works without it).
    const sandbox = this.sandboxMode ? { sandbox: await this.sandboxMode() } : {};
    try {
      await this.platform.db.query('select 1');
    } catch {
      // The driver's message may name hosts and users; /readyz is unauthenticated.
      return { status: 'not_ready', database: false, pendingMigrations: [], detail: 'the database is unreachable', ...sandbox };
    }
    const pending = this.pendingMigrations ? await this.pendingMigrations() : [];
    return pending.length > 0
      ? { status: 'not_ready', database: true, pendingMigrations: pending, detail: 'database migrations are pending', ...sandbox }
      : { status: 'ready', database: true, pendingMigrations: [], ...sandbox };
  }
}
