import type { GeneratedFile } from '../../plugins/validators/index.ts';
import { SourceFiles, type CheckOutcome, type Finding, type StaticContext } from '../../plugins/validators/index.ts';

/** A project from a `{ path: content }` map, in the order written. */
export function project(files: Record<string, string>): GeneratedFile[] {
  return Object.entries(files).map(([path, content]) => ({ path, content }));
}

export function contextOf(files: Record<string, string>): StaticContext {
  const list = project(files);
  return { files: list, sources: new SourceFiles(list) };
}

/** The findings of an outcome that ran; fails the test when the check was skipped. */
export function findingsOf(outcome: CheckOutcome): Finding[] {
  if ('skipped' in outcome) throw new Error(`check was skipped: ${outcome.skipped}`);
  return outcome.findings;
}

/** Findings without the fields a test does not pin down, for compact expectations. */
export function brief(findings: readonly Finding[]): Array<Pick<Finding, 'file' | 'line' | 'column' | 'rule' | 'severity'>> {
  return findings.map(({ file, line, column, rule, severity }) => ({ file, line, column, rule, severity }));
}
