import type { CheckName, CheckResult } from './report.ts';

/**
 * How much each check counts. Code that does not parse or type-check, or that leaks secrets,
 * is worth least to a user; lint findings matter least.
 */
export const CHECK_WEIGHTS: Readonly<Record<CheckName, number>> = {
  syntax: 25,
  types: 20,
  lint: 5,
  security: 20,
  install: 10,
  build: 10,
  test: 10,
};

/** Each warning costs this share of its check's weight… */
export const WARNING_PENALTY = 0.05;
/** …but warnings alone never cost more than this share, so a passing check keeps half its weight. */
export const MAX_WARNING_SHARE = 0.5;

/**
 * score = 100 × Σ earned / Σ weight, over the checks that ran (skipped ones count neither way),
 * where a failed check earns 0 and a passed one earns
 * weight × (1 − min(MAX_WARNING_SHARE, WARNING_PENALTY × warnings)). Rounded to an integer.
 * With no check run there is nothing wrong to count, and the score is 100.
 */
export function scoreChecks(checks: readonly CheckResult[]): number {
  let possible = 0;
  let earned = 0;
  for (const check of checks) {
    if (check.status === 'skipped') continue;
    const weight = CHECK_WEIGHTS[check.name];
    possible += weight;
    if (check.status === 'failed') continue;
    const warnings = check.findings.filter((finding) => finding.severity === 'warning').length;
    earned += weight * (1 - Math.min(MAX_WARNING_SHARE, WARNING_PENALTY * warnings));
  }
  return possible === 0 ? 100 : Math.round((100 * earned) / possible);
}
