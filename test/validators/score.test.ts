import { describe, expect, it } from 'vitest';
import { scoreChecks, type CheckName, type CheckResult, type Finding } from '../../plugins/validators/index.ts';

function check(name: CheckName, status: CheckResult['status'], warnings = 0): CheckResult {
  const findings: Finding[] = Array.from({ length: warnings }, () => ({ check: name, severity: 'warning', message: 'w' }));
  return { name, status, durationMs: 0, findings };
}

describe('scoreChecks', () => {
  it('is 100 when every check that ran passed cleanly', () => {
    expect(scoreChecks([check('syntax', 'passed'), check('types', 'passed'), check('install', 'skipped')])).toBe(100);
  });

  it('gives a failed check nothing, relative to the checks that ran', () => {
    // syntax 25 + types 20 + lint 5 + security 20 = 70 possible; security failed: 50 / 70.
    const checks = [check('syntax', 'passed'), check('types', 'passed'), check('lint', 'passed'), check('security', 'failed')];
    expect(scoreChecks(checks)).toBe(71);
  });

  it('takes 5 % of a check per warning, at most half of it', () => {
    // lint 5 × 0.9 + syntax 25 = 29.5 of 30.
    expect(scoreChecks([check('syntax', 'passed'), check('lint', 'passed', 2)])).toBe(98);
    // 30 warnings would cost 150 %; capped at 50 %: syntax 12.5 of 25.
    expect(scoreChecks([check('syntax', 'passed', 30)])).toBe(50);
  });

  it('is 0 when everything that ran failed, and 100 when nothing ran', () => {
    expect(scoreChecks([check('syntax', 'failed'), check('test', 'failed'), check('build', 'skipped')])).toBe(0);
    expect(scoreChecks([check('install', 'skipped')])).toBe(100);
  });
});
