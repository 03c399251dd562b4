import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRunId } from '../../core/runner/runId.ts';

describe('run ids', () => {
  it('are version-7 UUIDs that carry their millisecond', () => {
    const id = newRunId(Date.UTC(2030, 0, 1));
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1));
  });

  it('sort in the order they were made, within one millisecond and across many', () => {
    const made = Array.from({ length: 10_000 }, (_, i) => newRunId(Date.UTC(2031, 0, 1) + Math.floor(i / 5000)));
    expect(new Set(made).size).toBe(made.length);
    // More than 4,096 in one millisecond still sorts: the clock is borrowed from the next one.
    expect([...made].sort()).toEqual(made);
  });

  it('never go backwards when the clock does', () => {
    const first = newRunId(Date.UTC(2032, 0, 1));
    const second = newRunId(Date.UTC(2031, 11, 31));
    expect(second > first).toBe(true);
  });
});
