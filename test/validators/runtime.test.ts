import { describe, expect, it } from 'vitest';
import {
  validateProject,
  validationReportSchema,
  type CheckResult,
  type ValidateOptions,
  type ValidationReport,
} from '../../plugins/validators/index.ts';
import { project } from './helpers.ts';

/**
 * Projects without dependencies, so `npm install` needs no network and the runtime checks stay
 * fast; scripts use node itself (node --test) rather than a test framework.
 */
const passingProject = {
  'package.json': JSON.stringify(
    { name: 'tiny', version: '1.0.0', private: true, type: 'module', scripts: { build: 'node build.js', test: 'node --test' } },
    null,
    2,
  ),
  'build.js': "import { mkdirSync, writeFileSync } from 'node:fs';\nmkdirSync('dist', { recursive: true });\nwriteFileSync('dist/out.txt', 'built');\n",
  'src/sum.js': 'export const sum = (a, b) => a + b;\n',
  'test/sum.test.js': "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from '../src/sum.js';\ntest('adds', () => assert.equal(sum(2, 3), 5));\n",
};

function checkNamed(report: ValidationReport, name: CheckResult['name']): CheckResult {
  const found = report.checks.find((check) => check.name === name);
  if (found === undefined) throw new Error(`no ${name} check in the report`);
  return found;
}

/** Only the runtime checks (and types, which runs after install), so each test stays fast. */
function runtimeOnly(): ValidateOptions {
  return { runtime: true, checks: ['install', 'types', 'build', 'test'] };
}

describe('runtime checks in the sandbox', () => {
  it('installs, builds and tests a working project', async () => {
    const report = await validateProject(project(passingProject), runtimeOnly());
    expect(validationReportSchema.parse(report)).toEqual(report);
    for (const name of ['install', 'build', 'test'] as const) {
      expect(checkNamed(report, name)).toMatchObject({ status: 'passed', findings: [] });
    }
    expect(checkNamed(report, 'types')).toMatchObject({ status: 'skipped', summary: 'no TypeScript files' });
    expect(report.passed).toBe(true);
    expect(report.score).toBe(100);
    // The install's lockfile comes back for the package; it names this project.
    expect(JSON.parse(report.lockfile!)).toMatchObject({ lockfileVersion: 3 });
    // The first runtime check of a process also starts the check thread and probes the sandbox.
  }, 120_000);

  it('fails the test check with the end of the test output', async () => {
    const failing = {
      ...passingProject,
      'test/sum.test.js': "import test from 'node:test';\nimport assert from 'node:assert/strict';\nimport { sum } from '../src/sum.js';\ntest('adds wrongly', () => assert.equal(sum(2, 2), 5, 'two and two make five'));\n",
    };
    const report = await validateProject(project(failing), { runtime: true, checks: ['install', 'build', 'test'] });
    const test = checkNamed(report, 'test');
    expect(test.status).toBe('failed');
    expect(test.findings).toHaveLength(1);
    expect(test.findings[0]).toMatchObject({ check: 'test', severity: 'error', rule: 'test-failed', message: 'npm test exited with code 1' });
    expect(test.findings[0]?.output).toContain('two and two make five');
    expect(test.findings[0]?.output).toContain('adds wrongly');
    expect(checkNamed(report, 'build').status).toBe('passed');
    expect(report.passed).toBe(false);
  });

  it('fails the build check when the build script fails, and still runs the tests', async () => {
    const broken = { ...passingProject, 'build.js': "throw new Error('bundler exploded');\n" };
    const report = await validateProject(project(broken), { runtime: true, checks: ['install', 'build', 'test'] });
    const build = checkNamed(report, 'build');
    expect(build.findings[0]).toMatchObject({ rule: 'build-failed', message: 'npm run build exited with code 1' });
    expect(build.findings[0]?.output).toContain('bundler exploded');
    expect(checkNamed(report, 'test').status).toBe('passed');
  });

  it('reports a script that runs past its time limit', async () => {
    const slow = {
      ...passingProject,
      'package.json': JSON.stringify({ name: 'slow', version: '1.0.0', scripts: { test: 'node -e "setInterval(() => {}, 1000)"' } }),
    };
    const report = await validateProject(project(slow), { runtime: true, checks: ['install', 'test'], timeouts: { testMs: 1_500 } });
    expect(checkNamed(report, 'test').findings[0]).toMatchObject({ rule: 'test-failed', message: 'npm test timed out after 2 s' });
  });

  it('fails install for a broken package.json and skips what depends on it', async () => {
    const report = await validateProject(project({ ...passingProject, 'package.json': '{ "name": "x", ' }), runtimeOnly());
    expect(checkNamed(report, 'install').findings[0]).toMatchObject({ rule: 'install-failed' });
    expect(checkNamed(report, 'install').findings[0]?.output).toMatch(/JSON/);
    expect(checkNamed(report, 'build')).toMatchObject({ status: 'skipped', summary: 'install failed' });
    expect(checkNamed(report, 'test')).toMatchObject({ status: 'skipped', summary: 'install failed' });
  });

  it('skips scripts that do not exist and the npm init placeholder test', async () => {
    const bare = { 'package.json': JSON.stringify({ name: 'bare', version: '1.0.0', scripts: { test: 'echo "Error: no test specified" && exit 1' } }) };
    const report = await validateProject(project(bare), runtimeOnly());
    expect(checkNamed(report, 'install').status).toBe('passed');
    expect(checkNamed(report, 'build')).toMatchObject({ status: 'skipped', summary: 'no "build" script' });
    expect(checkNamed(report, 'test')).toMatchObject({ status: 'skipped', summary: 'the "test" script is npm\'s placeholder' });
  });

  it('type-checks with tsc against the installed project when there is a tsconfig', async () => {
    const typed = {
      'package.json': JSON.stringify({ name: 'typed', version: '1.0.0', private: true }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', target: 'ES2022', types: [] }, include: ['src'] }),
      'src/index.ts': 'export const ok: number = 1;\nexport const wrong: number = "1";\n',
    };
    const report = await validateProject(project(typed), runtimeOnly());
    const types = checkNamed(report, 'types');
    expect(types.summary).toMatch(/^tsc --noEmit --pretty false -p tsconfig.json after install/);
    expect(types.findings).toEqual([
      {
        check: 'types',
        severity: 'error',
        file: 'src/index.ts',
        line: 2,
        column: 14,
        message: "Type 'string' is not assignable to type 'number'.",
        rule: 'TS2322',
      },
    ]);
  });

  it('skips the runtime checks unless asked, and when there is no package.json', async () => {
    const report = await validateProject(project(passingProject));
    expect(checkNamed(report, 'install')).toMatchObject({ status: 'skipped', summary: 'runtime checks not requested' });
    const noManifest = await validateProject(project({ 'index.js': 'export {};\n' }), runtimeOnly());
    expect(checkNamed(noManifest, 'install')).toMatchObject({ status: 'skipped', summary: 'no package.json' });
    expect(checkNamed(noManifest, 'test')).toMatchObject({ status: 'skipped', summary: 'no package.json' });
  });
});
