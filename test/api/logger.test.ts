import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonLogger } from '../../api/logger.ts';

afterEach(() => vi.restoreAllMocks());

describe('jsonLogger', () => {
  it('writes one JSON object per line, errors to stderr, and drops what is below its level', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const log = jsonLogger('info', { runtime: 'node' });
    log.debug('hidden');
    log.info('request', { method: 'GET', status: 200, requestId: 'r-1' });
    log.error('boom', { requestId: 'r-2' });
    expect(out).toHaveBeenCalledTimes(1);
    const line = out.mock.calls[0]![0] as string;
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toMatchObject({ level: 'info', msg: 'request', runtime: 'node', method: 'GET', status: 200, requestId: 'r-1', time: expect.any(String) });
    expect(JSON.parse(err.mock.calls[0]![0] as string)).toMatchObject({ level: 'error', msg: 'boom' });
    jsonLogger('silent').error('nothing');
    expect(err).toHaveBeenCalledTimes(1);
  });
});
