/**
 * The sandbox's added start-up cost: the same short commands (`true`, `node -e 0`) run through
 * `Sandbox.run` unconfined (`mode: unsafe`) and under bubblewrap, medians and p90 in ms, as JSON.
 * `npm run bench:sandbox [-- <runs>]` (default 20 per case).
 */
import { createSandbox, probeSandbox, sandboxConfigSchema, type Sandbox } from '../core/sandbox/index.ts';

const runs = Number(process.argv[2] ?? 20);

async function measure(sandbox: Sandbox, command: string, args: string[]): Promise<{ p50: number; p90: number }> {
  const times: number[] = [];
  await sandbox.run(command, args, { timeoutMs: 30_000 }); // warm-up
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = await sandbox.run(command, args, { timeoutMs: 30_000 });
    times.push(performance.now() - started);
    if (result.exitCode !== 0) throw new Error(`${command} exited ${result.exitCode}: ${result.output}`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50: at(0.5), p90: at(0.9) };
}

const status = (await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status;
const results: Record<string, unknown> = { runs, sandbox: status.mode };
for (const mode of ['unsafe', 'bubblewrap'] as const) {
  if (mode === 'bubblewrap' && status.mode !== 'bubblewrap') continue;
  const sandbox = await createSandbox({ config: sandboxConfigSchema.parse({ mode }) });
  try {
    results[mode] = { true: await measure(sandbox, 'true', []), 'node -e 0': await measure(sandbox, 'node', ['-e', '0']) };
  } finally {
    await sandbox.dispose();
  }
}
const unsafe = results.unsafe as Record<string, { p50: number }> | undefined;
const confined = results.bubblewrap as Record<string, { p50: number }> | undefined;
if (unsafe && confined) {
  results.addedMsP50 = { true: Math.round((confined.true!.p50 - unsafe.true!.p50) * 10) / 10, 'node -e 0': Math.round((confined['node -e 0']!.p50 - unsafe['node -e 0']!.p50) * 10) / 10 };
}
console.log(JSON.stringify(results, null, 2));
