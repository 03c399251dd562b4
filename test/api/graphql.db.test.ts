import { ClientError, GraphQLClient, gql } from 'graphql-request';
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend } from '../helpers/db.ts';
import { startServer } from '../../api/node.ts';
import { apiFixture, type ApiFixture } from './helpers.ts';

let fx: ApiFixture;
let client: GraphQLClient;
beforeAll(async () => {
  fx = await apiFixture();
  client = new GraphQLClient(`${fx.url}/graphql`);
});
afterAll(async () => fx?.close());

interface RunShape {
  id: string;
  status: string;
  output: unknown;
  steps: { key: string; status: string }[];
}

async function errorsOf(promise: Promise<unknown>): Promise<{ message: string; extensions?: Record<string, unknown> }[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ClientError) return (error.response.errors ?? []) as never;
    throw error;
  }
  throw new Error('expected GraphQL errors');
}

const START = gql`
  mutation Start($workflow: String!, $input: JSON, $key: String) {
    startRun(workflow: $workflow, input: $input, idempotencyKey: $key) {
      created
      run { id status workflowName input }
    }
  }
`;

describe(`GraphQL through graphql-request and graphql-sse (${backend})`, () => {
  it('starts a run, sees it finish over a live subscription, then reads it with steps and events', async () => {
    const started = await client.request<{ startRun: { created: boolean; run: { id: string; status: string; input: unknown } } }>(START, {
      workflow: 'double-then-wait',
      input: { n: 8, ms: 300 },
    });
    expect(started.startRun).toMatchObject({ created: true, run: { status: 'running', input: { n: 8, ms: 300 } } });
    const id = started.startRun.run.id;

    const sse = createSseClient({ url: `${fx.url}/graphql` });
    const seen: { id: string; type: string; stepKey: string | null }[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        sse.subscribe<{ runEvents: { id: string; type: string; stepKey: string | null } }>(
          { query: 'subscription ($id: ID!) { runEvents(runId: $id) { id type stepKey } }', variables: { id } },
          { next: (msg) => msg.data && seen.push(msg.data.runEvents), error: reject, complete: resolve },
        );
      });
    } finally {
      sse.dispose();
    }
    expect(seen[0]!.type).toBe('run.started');
    expect(seen.at(-1)!.type).toBe('run.completed');
    expect(seen.map((e) => `${e.stepKey}:${e.type}`)).toContain('wait:step.completed');

    const read = await client.request<{ run: RunShape & { events: { id: string; type: string }[] } }>(
      gql`query ($id: ID!) { run(id: $id) { id status output steps { key status } events(after: "0") { id type } } }`,
      { id },
    );
    expect(read.run).toMatchObject({ id, status: 'completed', output: 16 });
    expect(read.run.steps).toEqual([
      { key: 'double', status: 'completed' },
      { key: 'wait', status: 'completed' },
    ]);
    expect(read.run.events.map((e) => e.id)).toEqual(seen.map((e) => e.id));

    // Resuming after an event gives only what came later.
    const tail: string[] = [];
    const again = createSseClient({ url: `${fx.url}/graphql` });
    try {
      await new Promise<void>((resolve, reject) => {
        again.subscribe<{ runEvents: { id: string } }>(
          { query: `subscription { runEvents(runId: "${id}", after: "${seen[1]!.id}") { id } }` },
          { next: (msg) => msg.data && tail.push(msg.data.runEvents.id), error: reject, complete: resolve },
        );
      });
    } finally {
      again.dispose();
    }
    expect(tail).toEqual(seen.slice(2).map((e) => e.id));
  });

  it('lists runs, workflows, plugins and health; idempotent starts; cancel and retry', async () => {
    const key = `gql-${crypto.randomUUID()}`;
    const a = await client.request<{ startRun: { created: boolean; run: { id: string } } }>(START, { workflow: 'double-then-wait', input: { n: 1, ms: 30_000 }, key });
    const b = await client.request<{ startRun: { created: boolean; run: { id: string } } }>(START, { workflow: 'double-then-wait', input: { n: 1, ms: 30_000 }, key });
    expect([a.startRun.created, b.startRun.created]).toEqual([true, false]);
    expect(b.startRun.run.id).toBe(a.startRun.run.id);
    const cancelled = await client.request<{ cancelRun: { status: string } }>(gql`mutation ($id: ID!) { cancelRun(id: $id, reason: "stop") { status } }`, { id: a.startRun.run.id });
    expect(cancelled.cancelRun.status).toBe('cancelled');
    const retried = await client.request<{ retryRun: { status: string } }>(gql`mutation ($id: ID!) { retryRun(id: $id) { status } }`, { id: a.startRun.run.id });
    expect(retried.retryRun.status).toBe('running');
    await client.request(gql`mutation ($id: ID!) { cancelRun(id: $id) { status } }`, { id: a.startRun.run.id });

    const data = await client.request<{
      runs: { runs: { id: string; status: string }[]; nextCursor: string | null };
      workflows: { name: string; source: string }[];
      plugins: { name: string; steps: { uses: string; inputSchema: { type: string } }[] }[];
      health: { ok: boolean; database: boolean };
    }>(gql`
      {
        runs(status: cancelled, limit: 1) { runs { id status } nextCursor }
        workflows { name source }
        plugins { name steps { uses inputSchema } }
        health { ok database }
      }
    `);
    expect(data.runs.runs).toEqual([{ id: a.startRun.run.id, status: 'cancelled' }]);
    expect(data.workflows.find((w) => w.name === 'double-then-wait')!.source).toContain('test/double');
    expect(data.plugins.find((p) => p.name === 'test')!.steps.find((s) => s.uses === 'test/double')!.inputSchema.type).toBe('object');
    expect(data.health).toEqual({ ok: true, database: true });
    const missing = await client.request<{ run: null; workflow: null }>(gql`{ run(id: "${crypto.randomUUID()}") { id } workflow(ref: "nope") { id } }`);
    expect(missing).toEqual({ run: null, workflow: null });
  });

  it('registers and validates workflows, with line and column in issues', async () => {
    const source = `name: gql-registered\nsteps:\n  - id: x\n    uses: test/double\n    with: { n: 1 }\n`;
    const reg = await client.request<{ registerWorkflow: { name: string; created: boolean } }>(gql`mutation ($s: String!) { registerWorkflow(source: $s) { name created } }`, { s: source });
    expect(reg.registerWorkflow).toEqual({ name: 'gql-registered', created: true });
    const check = await client.request<{ validateWorkflow: { valid: boolean; issues: { line: number; column: number; message: string }[] } }>(
      gql`mutation ($s: String!) { validateWorkflow(source: $s) { valid issues { line column message } } }`,
      { s: 'name: x\nsteps:\n  - id: a\n    uses: test/missing\n' },
    );
    expect(check.validateWorkflow.valid).toBe(false);
    expect(check.validateWorkflow.issues[0]).toMatchObject({ line: 4 });
    const bad = await errorsOf(client.request(gql`mutation ($s: String!) { registerWorkflow(source: $s) { name } }`, { s: 'name: x\nsteps: 3\n' }));
    expect(bad[0]!.extensions).toMatchObject({ code: 'workflow_invalid', status: 422 });
    expect((bad[0]!.extensions!.issues as { line: number }[])[0]!.line).toBe(2);
  });

  it('keeps QLayerError messages and codes, masks everything else', async () => {
    const notFound = await errorsOf(client.request(gql`mutation { cancelRun(id: "${crypto.randomUUID()}") { id } }`));
    expect(notFound[0]).toMatchObject({ message: expect.stringContaining('was not found'), extensions: { code: 'not_found', status: 404 } });
    const invalid = await errorsOf(client.request(START, { workflow: 'double-then-wait', input: { n: 'x' } }));
    expect(invalid[0]!.extensions).toMatchObject({ code: 'validation_failed' });
    expect(invalid[0]!.message).toContain('n');
    const noGenerator = await errorsOf(client.request(gql`mutation { generate(prompt: "a todo app", workflow: "absent-generator") { created } }`));
    expect(noGenerator[0]!.extensions).toMatchObject({ code: 'not_found' });

    const registry = fx.platform.registry;
    const list = registry.list.bind(registry);
    registry.list = () => {
      throw new Error('secret connection string postgres://admin:hunter2@db');
    };
    try {
      const masked = await errorsOf(client.request(gql`{ plugins { name } }`));
      expect(masked[0]!.message).toBe('Unexpected error.');
      expect(JSON.stringify(masked)).not.toContain('hunter2');
      expect(masked[0]!.extensions).toMatchObject({ code: 'internal_error' });
      expect(fx.logs.some((l) => l.level === 'error' && JSON.stringify(l.data).includes('hunter2'))).toBe(true);
    } finally {
      registry.list = list;
    }
  });

  it('refuses queries that are too deep or too costly', async () => {
    // The schema has no cycles, so the default limits (depth 8) only bite on future types;
    // a second server on the same platform with tight limits shows both rules at work.
    const strict = await startServer(fx.platform, { host: '127.0.0.1', port: 0, worker: false, logger: fx.platform.logger, graphqlLimits: { maxDepth: 3, maxCost: 60 } });
    try {
      const tight = new GraphQLClient(`${strict.url}/graphql`);
      expect(await tight.request('{ runs { runs { id } } }')).toBeTruthy();
      const deep = await errorsOf(tight.request('{ runs { runs { steps { error { code } } } } }'));
      expect(deep[0]!.message).toMatch(/depth limit of 3 exceeded/i);
      const aliases = Array.from({ length: 30 }, (_, i) => `r${i}: health { ok }`).join(' ');
      const costly = await errorsOf(tight.request(`{ ${aliases} }`));
      expect(costly[0]!.message).toMatch(/cost limit of 60 exceeded/i);
      // Introspection is not counted against the depth limit.
      expect(await tight.request('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBeTruthy();
    } finally {
      await strict.close();
    }
  });
});
