/**
 * Chaos test of the durable runner: worker processes against PostgreSQL are SIGKILLed and
 * restarted, their sessions terminated and (with --restart-postgres) the server restarted,
 * while thousands of runs of a mixed workflow go through; then the invariants are checked.
 * Prints one JSON report; exits 1 on any violation, 3 when runs were still going when the time
 * ran out (no violation, but not every invariant could be checked to the end), 2 on bad arguments.
 *   npx tsx bench/chaos.ts [--runs 3000] [--workers 3] [--seconds 120] [--restart-postgres] ...
 */
import { parseOptions, UsageError } from './chaos/options.ts';
import { runChaos } from './chaos/run.ts';

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
}
const report = await runChaos(options, (line) => process.stderr.write(`[chaos] ${line}\n`));
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.ok ? 0 : report.violationCount > 0 ? 1 : 3);
