import { afterEach, describe, expect, it } from 'vitest';
import { readZip } from '../../plugins/packager/unzip.ts';
import { backend } from '../helpers/db.ts';
import { platformFixture, type PlatformFixture } from '../helpers/platform.ts';

let fx: PlatformFixture | undefined;
afterEach(async () => {
  await fx?.close();
  fx = undefined;
});

describe(`generate-app workflow (${backend})`, () => {
  it('turns "Create a todo app with React" into a stored, reviewed, validated zip', async () => {
    fx = await platformFixture();
    const { runner, artifacts } = fx.platform;
    expect(fx.platform.warnings).toEqual([]);
    const { run } = await runner.start('generate-app', { prompt: 'Create a todo app with React' });
    const done = await runner.waitForRun(run.id, { timeoutMs: 120_000 });
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    const output = done.output as { name: string; kind: string; files: number; score: number; artifact: string; review: { passed: boolean } };
    expect(output).toMatchObject({ kind: 'react-spa', review: { passed: true } });
    expect(output.score).toBeGreaterThanOrEqual(90);
    const steps = await runner.getSteps(run.id);
    const coders = steps.filter((s) => s.key.startsWith('code/module['));
    // One coder per planned module, spawned at run time.
    expect(coders.length).toBeGreaterThanOrEqual(2);
    expect(coders.every((s) => s.status === 'completed' && s.uses === 'templates/generate')).toBe(true);
    const stored = await artifacts.get(run.id, output.artifact);
    expect(stored?.contentType).toBe('application/zip');
    const entries = readZip(stored!.content);
    const paths = entries.map((e) => e.path);
    // The generated files plus qlayer.json and .qlayer/base.json, which the packager adds.
    expect(paths.length).toBe(output.files + 2);
    expect(paths).toContain(`${output.name}/qlayer.json`);
    expect(paths).toContain(`${output.name}/.qlayer/base.json`);
    expect(paths).toContain(`${output.name}/package.json`);
    expect(paths).toContain(`${output.name}/README.md`);
    expect(paths.some((p) => /todo/i.test(p))).toBe(true);
  }, 180_000);

  it('answers an unsupported prompt with a clear, non-retried failure', async () => {
    fx = await platformFixture();
    const { run } = await fx.platform.runner.start('generate-app', { prompt: 'make me a sandwich please' });
    const done = await fx.platform.runner.waitForRun(run.id, { timeoutMs: 60_000 });
    expect(done.status).toBe('failed');
    expect(done.error?.message).toMatch(/parse/);
    const parse = (await fx.platform.runner.getSteps(run.id)).find((s) => s.key === 'parse');
    expect(parse).toMatchObject({ status: 'failed', attempt: 1 });
    expect(parse?.error?.code).toBe('prompt_unsupported');
  }, 60_000);
});
