import type { CheckName, CheckResult } from '../report.ts';
import type { CheckOutcome } from './outcome.ts';

/** Runs one check and turns its outcome into a result, with how long it took. */
export async function timed(name: CheckName, check: () => CheckOutcome | Promise<CheckOutcome>): Promise<CheckResult> {
  const started = performance.now();
  let outcome: CheckOutcome;
  try {
    outcome = await check();
  } catch (error) {
    // A crashing check is a failed check with a reason, not a lost report.
    const message = error instanceof Error ? error.message : String(error);
    outcome = { findings: [{ check: name, severity: 'error', message: `check could not run: ${message}`, rule: 'check-crashed' }] };
  }
  const durationMs = Math.round(performance.now() - started);
  if ('skipped' in outcome) return { name, status: 'skipped', durationMs, findings: [], summary: outcome.skipped };
  const failed = outcome.findings.some((finding) => finding.severity === 'error');
  return {
    name,
    status: failed ? 'failed' : 'passed',
    durationMs,
    findings: outcome.findings,
    ...(outcome.summary === undefined ? {} : { summary: outcome.summary }),
    ...(outcome.tools === undefined ? {} : { tools: outcome.tools }),
    ...(outcome.rules === undefined ? {} : { rules: outcome.rules }),
  };
}

export function skipped(name: CheckName, reason: string): CheckResult {
  return { name, status: 'skipped', durationMs: 0, findings: [], summary: reason };
}
