import { describe, expect, it } from 'vitest';
import { TailBuffer } from '../../core/sandbox/tail-buffer.ts';

describe('TailBuffer', () => {
  it('keeps everything under the limit', () => {
    const buffer = new TailBuffer(10);
    buffer.push(Buffer.from('abc'));
    buffer.push(Buffer.from('def'));
    expect(buffer.toString()).toBe('abcdef');
    expect(buffer.dropped).toBe(0);
  });

  it('drops from the front, splitting a chunk when needed', () => {
    const buffer = new TailBuffer(5);
    buffer.push(Buffer.from('abc'));
    buffer.push(Buffer.from('defg'));
    expect(buffer.toString()).toBe('cdefg');
    buffer.push(Buffer.from('0123456789'));
    expect(buffer.toString()).toBe('56789');
    expect(buffer.dropped).toBe(12);
  });
});
