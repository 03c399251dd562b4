import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PluginRegistry } from '../../core/plugin/registry.ts';
import packager from '../../plugins/packager/plugin.ts';
import { readZip } from '../../plugins/packager/index.ts';
import { stepContext } from '../validators/step-context.ts';

describe('packager plugin', () => {
  const registry = new PluginRegistry();
  registry.register(packager);
  const step = registry.resolve('packager/zip');
  const files = [{ path: 'src/index.ts', content: 'export {};\n' }];

  it('zips the project and describes the bytes', async () => {
    const output = (await step!.run(stepContext(), { files, rootName: 'demo' })) as { fileName: string; size: number; sha256: string; base64?: string };
    const bytes = Buffer.from(output.base64!, 'base64');
    expect(output.fileName).toBe('demo.zip');
    expect(output.size).toBe(bytes.length);
    expect(output.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(readZip(bytes).map((file) => file.path)).toEqual(['demo/.gitignore', 'demo/src/index.ts']);
    const again = (await step!.run(stepContext(), { files, rootName: 'demo' })) as { sha256: string };
    expect(again.sha256).toBe(output.sha256);
  });

  it('fails for good on an unsafe path, keeping the error code', async () => {
    await expect(step!.run(stepContext(), { files: [{ path: '../x', content: '' }], rootName: 'demo' })).rejects.toMatchObject({
      code: 'unsafe_path',
      retryable: false,
    });
  });
});
