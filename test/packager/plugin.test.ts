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

  it('adds a lockfile from a real install, unless the project has one', async () => {
    const lock = '{"lockfileVersion":3}\n';
    const withLock = (await step!.run(stepContext(), { files, rootName: 'demo', lockfile: lock })) as { base64?: string };
    const entries = readZip(Buffer.from(withLock.base64!, 'base64'));
    expect(entries.find((f) => f.path === 'demo/package-lock.json')?.content).toBe(lock);
    const own = [...files, { path: 'package-lock.json', content: '{"own":true}' }];
    const kept = (await step!.run(stepContext(), { files: own, rootName: 'demo', lockfile: lock })) as { base64?: string };
    expect(readZip(Buffer.from(kept.base64!, 'base64')).find((f) => f.path === 'demo/package-lock.json')?.content).toBe('{"own":true}');
    const none = (await step!.run(stepContext(), { files, rootName: 'demo', lockfile: null })) as { base64?: string };
    expect(readZip(Buffer.from(none.base64!, 'base64')).some((f) => f.path.endsWith('package-lock.json'))).toBe(false);
  });

  it('fails for good on an unsafe path, keeping the error code', async () => {
    await expect(step!.run(stepContext(), { files: [{ path: '../x', content: '' }], rootName: 'demo' })).rejects.toMatchObject({
      code: 'unsafe_path',
      retryable: false,
    });
  });
});
