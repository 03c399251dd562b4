import { checkLint } from '../checks/lint/index.ts';
import type { CheckOutcome, StaticContext } from '../checks/outcome.ts';
import { checkSecurity } from '../checks/security/index.ts';
import { checkSyntax } from '../checks/syntax/index.ts';
import { timed } from '../checks/timed.ts';
import { checkTypesInMemory } from '../checks/types/in-memory.ts';
import type { CheckResult } from '../report.ts';
import { SourceFiles } from '../typescript/source-files.ts';
import type { StaticCheckName, StaticJob } from './job.ts';

const CHECKS: Readonly<Record<StaticCheckName, (context: StaticContext, job: StaticJob) => CheckOutcome | Promise<CheckOutcome>>> = {
  syntax: (context) => checkSyntax(context),
  lint: (context) => checkLint(context),
  security: (context, job) => checkSecurity(context, { knownPackages: job.knownPackages, registry: job.registry }),
  types: (context) => checkTypesInMemory(context.files, context.sources),
};

/**
 * Runs a batch of static checks in the calling thread, sharing one set of syntax trees. This is
 * what the check thread does with each job, and what the caller does itself when no thread can
 * be started. The signal is only looked at between checks.
 */
export async function runStaticChecksHere(job: StaticJob, signal?: AbortSignal): Promise<CheckResult[]> {
  const context: StaticContext = { files: job.files, sources: new SourceFiles(job.files) };
  const results: CheckResult[] = [];
  for (const name of job.checks) {
    signal?.throwIfAborted();
    results.push(await timed(name, () => CHECKS[name](context, job)));
  }
  return results;
}
