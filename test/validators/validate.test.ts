import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../core/errors.ts';
import { generateApp } from '../../plugins/generator-templates/generate.ts';
import { parsePrompt } from '../../plugins/parser/parse.ts';
import { CHECK_NAMES, validateProject, validationReportSchema, type GeneratedFile } from '../../plugins/validators/index.ts';
import { project } from './helpers.ts';

const clean = project({
  'package.json': JSON.stringify({ name: 'clean', version: '1.0.0', dependencies: { zod: '4.1.12' } }, null, 2),
  'src/index.ts': "import { z } from 'zod';\nexport const User = z.object({ name: z.string() });\n",
  'index.html': '<!doctype html>\n<html><body><div id="root"></div></body></html>\n',
});

describe('validateProject', () => {
  it('reports every check in a fixed order, with a schema-valid report', async () => {
    const report = await validateProject(clean);
    expect(validationReportSchema.parse(report)).toEqual(report);
    expect(report.checks.map((check) => check.name)).toEqual([...CHECK_NAMES]);
    expect(report.checks.map((check) => check.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'skipped', 'skipped', 'skipped']);
    expect(report).toMatchObject({ score: 100, passed: true });
  });

  it('fails the report when a check has an error, and lowers the score by its weight', async () => {
    const broken: GeneratedFile[] = [...clean, { path: 'src/bad.ts', content: 'export const x: number = "x";\n' }];
    const report = await validateProject(broken);
    expect(report.checks.find((check) => check.name === 'types')).toMatchObject({
      status: 'failed',
      findings: [{ check: 'types', file: 'src/bad.ts', line: 1, column: 14, rule: 'TS2322' }],
    });
    // types (20) failed out of syntax 25 + types 20 + lint 5 + security 20.
    expect(report).toMatchObject({ passed: false, score: 71 });
  });

  it('passes a check with only warnings, at a lower score', async () => {
    const report = await validateProject([...clean, { path: 'src/unused.ts', content: 'export function f() {\n  const unused = 1;\n}\n' }]);
    const lint = report.checks.find((check) => check.name === 'lint');
    expect(lint).toMatchObject({ status: 'passed', findings: [{ rule: '@typescript-eslint/no-unused-vars', severity: 'warning', file: 'src/unused.ts', line: 2 }] });
    expect(report.passed).toBe(true);
    expect(report.score).toBe(100);
    const many = Array.from({ length: 10 }, (_, index) => ({ path: `src/unused${index}.ts`, content: 'export function f() {\n  const unused = 1;\n}\n' }));
    expect((await validateProject([...clean, ...many])).score).toBe(96);
  });

  it('runs only the selected checks', async () => {
    const report = await validateProject(clean, { checks: ['security'] });
    expect(report.checks.filter((check) => check.status !== 'skipped').map((check) => check.name)).toEqual(['security']);
    expect(report.checks[0]).toMatchObject({ name: 'syntax', status: 'skipped', summary: 'not selected' });
  });

  it('refuses malformed files and options with a ValidationError', async () => {
    await expect(validateProject([{ path: '', content: 'x' }])).rejects.toBeInstanceOf(ValidationError);
    await expect(validateProject(clean, { checks: [] })).rejects.toThrow(ValidationError);
    await expect(validateProject(clean, { checks: ['nonsense' as 'syntax'] })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('stops between checks when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(validateProject(clean, {}, controller.signal)).rejects.toThrow('stop');
  });

  it('stops the static checks while they run when the signal is aborted, and validates the next project as before', async () => {
    // The checks of a generated app take far longer than the timer: were they run on this
    // thread, the timer could not fire before the report was done.
    const app = generateApp(parsePrompt('Create a todo app with React').spec);
    const controller = new AbortController();
    const pending = validateProject(app, {}, controller.signal);
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');
    expect(await validateProject(clean)).toMatchObject({ passed: true, score: 100 });
  });

  it('never runs runtime checks for a project with unsafe paths', async () => {
    const report = await validateProject([...clean, { path: '../escape.js', content: '' }], { runtime: true });
    expect(report.checks.find((check) => check.name === 'install')).toMatchObject({ status: 'skipped', summary: 'the project has unsafe file paths' });
    expect(report.checks.find((check) => check.name === 'syntax')?.findings[0]).toMatchObject({ rule: 'unsafe-path', file: '../escape.js' });
  });
});
