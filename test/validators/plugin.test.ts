import { describe, expect, it } from 'vitest';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import validators from '../../plugins/validators/plugin.ts';
import { validationReportSchema } from '../../plugins/validators/index.ts';
import { stepContext } from './step-context.ts';

describe('validators plugin', () => {
  const registry = new PluginRegistry();
  registry.register(validators);
  const step = registry.resolve('validators/validate');

  it('registers validators/validate and returns a schema-valid report', async () => {
    expect(step).toBeDefined();
    const report = await step!.run(stepContext(), {
      files: [{ path: 'src/a.ts', content: 'export const a: number = "a";\n' }],
      options: { checks: ['types'] },
    });
    const parsed = validationReportSchema.parse(report);
    expect(parsed.passed).toBe(false);
    expect(parsed.checks.find((check) => check.name === 'types')?.findings[0]).toMatchObject({ rule: 'TS2322', line: 1 });
  });

  it('rejects malformed input as a fatal step error', async () => {
    await expect(step!.run(stepContext(), { files: [{ path: 'a.ts' }] })).rejects.toMatchObject({ code: 'step_input_invalid', retryable: false });
  });
});
