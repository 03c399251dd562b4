import { afterEach, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../plugins/validators/index.ts';
import { STATIC_CHECK_NAMES, type StaticCheckName, type StaticJob } from '../../plugins/validators/static/job.ts';
import { StaticCheckPool, type StaticCheckPoolOptions } from '../../plugins/validators/static/pool.ts';
import { runStaticChecksHere } from '../../plugins/validators/static/run-here.ts';
import { project } from './helpers.ts';

const good = project({
  'package.json': JSON.stringify({ name: 'good', version: '1.0.0', dependencies: { zod: '4.1.12' } }, null, 2),
  'src/math.ts': 'export function add(a: number, b: number): number {\n  return a + b;\n}\n',
  'src/main.ts': "import { add } from './math.ts';\nexport const three: number = add(1, 2);\n",
});

/** One finding for each static check. */
const bad = project({
  'package.json': JSON.stringify({ name: 'bad', version: '1.0.0', dependencies: { leftpad: '^1.0.0' } }, null, 2),
  'src/a.ts': 'export const n: number = "one";\nexport function f(x: string) {\n  var y = x;\n  return eval(y);\n}\n',
  'src/broken.ts': 'export const = 1;\n',
});

const job = (files: StaticJob['files'], checks: readonly StaticCheckName[] = STATIC_CHECK_NAMES): StaticJob => ({
  files,
  checks: [...checks],
  knownPackages: [],
  registry: null,
});

const withoutDurations = (results: readonly CheckResult[]) => results.map(({ durationMs: _, ...rest }) => rest);

const misbehaving = new URL('./fixtures/misbehaving-thread.mjs', import.meta.url);

const pools: StaticCheckPool[] = [];
const warnings: string[] = [];
function pool(options: StaticCheckPoolOptions = {}): StaticCheckPool {
  const made = new StaticCheckPool({ warn: (message) => warnings.push(message), ...options });
  pools.push(made);
  return made;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((made) => made.close()));
  warnings.length = 0;
});

describe('static checks in a worker thread', () => {
  it('gives the same results as in the calling thread, for a good and a bad project', async () => {
    const threaded = pool();
    for (const files of [good, bad]) {
      const here = await runStaticChecksHere(job(files));
      expect(withoutDurations(await threaded.run(job(files)))).toEqual(withoutDurations(here));
    }
    const badResults = await threaded.run(job(bad));
    expect(badResults.map((result) => [result.name, result.status])).toEqual([
      ['syntax', 'failed'],
      ['lint', 'failed'],
      ['security', 'failed'],
      ['types', 'failed'],
    ]);
    expect(badResults.flatMap((result) => result.findings.map((finding) => finding.rule))).toEqual(
      expect.arrayContaining(['TS1134', 'no-var', 'no-eval', 'unpinned-dependency', 'TS2322']),
    );
    expect(warnings).toEqual([]);
    // Five validations, two of them loading ESLint and TypeScript afresh (thread and caller): slow on a busy machine.
  }, 120_000);

  it('returns the results in the order asked, and only those', async () => {
    const results = await pool().run(job(good, ['types', 'syntax']));
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['types', 'passed'],
      ['syntax', 'passed'],
    ]);
  });

  it('fails every check of a job whose thread exits, and starts a fresh thread for the next job', async () => {
    const threaded = pool({ entry: misbehaving });
    const results = await threaded.run(job([...good, { path: 'exit', content: '' }], ['syntax', 'types']));
    expect(withoutDurations(results)).toEqual(
      (['syntax', 'types'] as const).map((name) => ({
        name,
        status: 'failed',
        findings: [{ check: name, severity: 'error', message: 'check could not run: the check thread exited with code 3', rule: 'check-crashed' }],
      })),
    );
    expect(withoutDurations(await threaded.run(job(good)))).toEqual(withoutDurations(await runStaticChecksHere(job(good))));
  });

  it('reports the error of a thread that throws, and one that replies nonsense', async () => {
    const threaded = pool({ entry: misbehaving });
    const thrown = await threaded.run(job([{ path: 'throw', content: '' }], ['syntax']));
    expect(thrown[0]).toMatchObject({ status: 'failed', findings: [{ rule: 'check-crashed', message: 'check could not run: the check thread crashed: boom in the check thread' }] });
    const garbled = await threaded.run(job([{ path: 'garble', content: '' }], ['syntax']));
    expect(garbled[0]).toMatchObject({ status: 'failed', findings: [{ rule: 'check-crashed', message: 'check could not run: the check thread sent a malformed reply' }] });
    expect((await threaded.run(job(good, ['syntax'])))[0]).toMatchObject({ name: 'syntax', status: 'passed' });
  });

  it('stops a thread that runs past the job time limit, and fails its checks', async () => {
    const threaded = pool({ entry: misbehaving, jobTimeoutMs: 1_000 });
    const results = await threaded.run(job([{ path: 'hang', content: '' }], ['lint']));
    expect(results).toMatchObject([
      {
        name: 'lint',
        status: 'failed',
        findings: [{ rule: 'check-timed-out', message: 'check could not run: the checks took longer than 1000 ms, and their thread was stopped' }],
      },
    ]);
    expect((await threaded.run(job(good, ['syntax'])))[0]).toMatchObject({ name: 'syntax', status: 'passed' });
  });

  it('on abort, rejects with the reason and stops the thread, so the next job is not stuck behind it', async () => {
    // Were the hung thread kept, the last job would time out instead of passing.
    const threaded = pool({ entry: misbehaving, jobTimeoutMs: 20_000 });
    await threaded.run(job(good, ['syntax']));
    const controller = new AbortController();
    const hung = threaded.run(job([{ path: 'hang', content: '' }], ['syntax']), controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(hung).rejects.toThrow('stop');
    expect((await threaded.run(job(good, ['syntax'])))[0]).toMatchObject({ name: 'syntax', status: 'passed' });
  });

  it('rejects a queued job at once when it is aborted, without waiting for the one ahead', async () => {
    const threaded = pool({ entry: misbehaving, jobTimeoutMs: 20_000 });
    const first = new AbortController();
    const second = new AbortController();
    const hung = threaded.run(job([{ path: 'hang', content: '' }], ['syntax']), first.signal);
    const queued = threaded.run(job(good, ['syntax']), second.signal);
    second.abort(new Error('second stopped'));
    await expect(queued).rejects.toThrow('second stopped');
    first.abort(new Error('first stopped'));
    await expect(hung).rejects.toThrow('first stopped');
    expect((await threaded.run(job(good, ['syntax'])))[0]).toMatchObject({ status: 'passed' });
  });

  it('refuses to start when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('too late'));
    expect(() => pool().run(job(good), controller.signal)).toThrow('too late');
  });

  it('runs the checks in the calling thread, with one warning, when the thread cannot load', async () => {
    const threaded = pool({ entry: new URL('./fixtures/cannot-start.mjs', import.meta.url) });
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(withoutDurations(await threaded.run(job(bad)))).toEqual(withoutDurations(await runStaticChecksHere(job(bad))));
    }
    expect(warnings).toEqual([
      'validators: static checks run on the calling thread, because their worker thread could not start: no TypeScript here',
    ]);
  });

  it('counts a thread that never says it is ready as one that cannot start', async () => {
    const threaded = pool({ entry: new URL('./fixtures/never-ready.mjs', import.meta.url), startTimeoutMs: 300 });
    expect((await threaded.run(job(good, ['syntax'])))[0]).toMatchObject({ name: 'syntax', status: 'passed' });
    expect(warnings).toEqual(['validators: static checks run on the calling thread, because their worker thread could not start: it did not load within 300 ms']);
  });
});
