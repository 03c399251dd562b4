import { afterEach, describe, expect, it } from 'vitest';
import { readZip } from '../../plugins/packager/unzip.ts';
import { readManifest } from '../../plugins/reviser/manifest.ts';
import { backend } from '../helpers/db.ts';
import { platformFixture, type PlatformFixture } from '../helpers/platform.ts';

let fx: PlatformFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

type Output = { name: string; kind: string; artifact: string; changes?: string[]; spec?: unknown; review: { passed: boolean } };

describe(`revise-app workflow (${backend})`, () => {
  it('applies "add a due date to todos" to a generated app and packages the revised version', async () => {
    fx = await platformFixture();
    const { runner, artifacts } = fx.platform;
    const { run: parent } = await runner.start('generate-app', { prompt: 'Create a todo app with React' });
    const first = await runner.waitForRun(parent.id, { timeoutMs: 120_000 });
    expect(first.status).toBe('completed');
    const parentSpec = (await runner.getSteps(parent.id)).find((s) => s.key === 'parse')!.output as { spec: unknown };

    const { run } = await runner.start('revise-app', { spec: parentSpec.spec, prompt: 'add a due date to todos', 'parent-run-id': parent.id });
    const done = await runner.waitForRun(run.id, { timeoutMs: 120_000 });
    expect(done.error).toBeNull();
    const output = done.output as Output;
    expect(output).toMatchObject({ kind: 'react-spa', changes: ['added date field dueDate to Todo'], review: { passed: true } });

    const before = readZip((await artifacts.get(parent.id, (first.output as Output).artifact))!.content);
    const after = readZip((await artifacts.get(run.id, output.artifact))!.content);
    const text = (entries: typeof after, path: string) => entries.find((e) => e.path === `${output.name}/${path}`)!.content;
    expect(readManifest(text(after, 'qlayer.json')).spec.entities[0]!.fields.map((f) => f.name)).toContain('dueDate');
    expect(readManifest(text(before, 'qlayer.json')).spec.entities[0]!.fields.map((f) => f.name)).not.toContain('dueDate');
    expect(after.some((e) => e.content.includes('dueDate'))).toBe(true);
  }, 240_000);

  it('fails an ambiguous request without retrying, with the choices in the error', async () => {
    fx = await platformFixture();
    const { runner } = fx.platform;
    const { spec } = (await import('../../plugins/parser/parse.ts')).parsePrompt('a REST API for a bookstore with books and authors');
    const { run } = await runner.start('revise-app', { spec, prompt: 'add a due date' });
    const done = await runner.waitForRun(run.id, { timeoutMs: 60_000 });
    expect(done.status).toBe('failed');
    const step = (await runner.getSteps(run.id)).find((s) => s.key === 'revise');
    expect(step).toMatchObject({ status: 'failed', attempt: 1 });
    expect(step?.error?.code).toBe('revision_ambiguous');
    expect(step?.error?.message).toBe('which entity gets the due date: Book or Author?');
  }, 60_000);
});
