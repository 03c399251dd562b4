import { normalizeEntryPath } from '../../../core/sandbox/paths.ts';
import { UnsafePathError } from '../../../core/sandbox/errors.ts';
import type { GeneratedFile } from '../project.ts';
import type { Finding } from '../report.ts';

/**
 * File paths a project cannot be written or zipped with (absolute, `..`, backslashes…), reported
 * as syntax errors of the project itself. While any remain, nothing is written to disk.
 */
export function unsafePathFindings(files: readonly GeneratedFile[]): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    try {
      normalizeEntryPath(file.path);
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      findings.push({ check: 'syntax', severity: 'error', file: file.path, message: error.message, rule: 'unsafe-path' });
    }
  }
  return findings;
}
