import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/node.ts';
import { loadConfig } from '../../core/config/load.ts';
import { ConfigError } from '../../core/errors.ts';
import { probeSandbox, requireIsolation, SandboxUnavailableError } from '../../core/sandbox/index.ts';
import { findBubblewrap } from '../../core/sandbox/probe.ts';
import type { PlatformFixture } from '../helpers/platform.ts';
import { previewServer } from '../preview/helpers.ts';

/** Which sandbox is in force: the config, the probe, /readyz. */
describe('sandbox mode', () => {
  let fx: PlatformFixture | undefined;
  let server: RunningServer | undefined;
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('is bubblewrap by default; QLAYER_SANDBOX=unsafe turns it off, and a wrong value names the variable', () => {
    expect(loadConfig({ cwd: '/nonexistent', env: {} }).config.sandbox).toMatchObject({ mode: 'bubblewrap', allowInstallScripts: false, limits: { processes: 256 } });
    expect(loadConfig({ cwd: '/nonexistent', env: { QLAYER_SANDBOX: 'unsafe' } }).config.sandbox.mode).toBe('unsafe');
    expect(() => loadConfig({ cwd: '/nonexistent', env: { QLAYER_SANDBOX: 'off' } })).toThrow(ConfigError);
    expect(() => loadConfig({ cwd: '/nonexistent', env: { QLAYER_SANDBOX: 'off' } })).toThrow(/QLAYER_SANDBOX/);
  });

  it('is unsafe only when configured so, and refuses without bwrap otherwise', async () => {
    expect((await probeSandbox({ mode: 'unsafe', uid: 65_534 })).status.mode).toBe('unsafe');
    expect(findBubblewrap('/nonexistent')).toBeUndefined();
    const status = (await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status;
    if (status.mode === 'unavailable') await expect(requireIsolation({ mode: 'bubblewrap', uid: 65_534 })).rejects.toBeInstanceOf(SandboxUnavailableError);
    else expect(status.detail).toContain('namespaces');
  });

  it('is reported by /readyz', async () => {
    ({ fx, server } = await previewServer(undefined, { maxRunning: 1, idleTimeoutMs: 60_000, startTimeoutMs: 60_000 }));
    const body = (await (await fetch(`${server.url}/readyz`)).json()) as { status: string; sandbox?: string };
    expect(body.status).toBe('ready');
    expect(body.sandbox).toBe((await probeSandbox({ mode: 'bubblewrap', uid: 65_534 })).status.mode);
  }, 120_000);
});
