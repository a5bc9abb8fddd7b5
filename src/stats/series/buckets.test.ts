import { describe, expect, it } from 'vitest';
import { bucketEdges, bucketSizeFor, startOfDay } from './buckets';

const cst = (s: string) => Date.parse(`${s}+08:00`);

describe('bucketEdges', () => {
  it('cuts a month range into China-time days, clipped to the range', () => {
    const edges = bucketEdges(cst('2026-10-01T00:00:00'), cst('2026-10-04T12:00:00'));
    expect(edges).toEqual([cst('2026-10-01T00:00:00'), cst('2026-10-02T00:00:00'), cst('2026-10-03T00:00:00'), cst('2026-10-04T00:00:00'), cst('2026-10-04T12:00:00')]);
  });

  it('starts weeks on Monday', () => {
    // 2026-10-01 is a Thursday; the next Monday is 10-05.
    const edges = bucketEdges(cst('2026-10-01T00:00:00'), cst('2026-12-31T00:00:00'), 'week');
    expect(edges[1]).toBe(cst('2026-10-05T00:00:00'));
    expect(edges[2] - edges[1]).toBe(7 * 24 * 3600_000);
  });

  it('follows calendar months of unequal length', () => {
    const edges = bucketEdges(cst('2024-01-15T00:00:00'), cst('2024-04-01T00:00:00'), 'month');
    expect(edges).toEqual([cst('2024-01-15T00:00:00'), cst('2024-02-01T00:00:00'), cst('2024-03-01T00:00:00'), cst('2024-04-01T00:00:00')]);
  });

  it('picks days, weeks or months by the range length', () => {
    expect(bucketSizeFor(0, 7 * 864e5)).toBe('day');
    expect(bucketSizeFor(0, 90 * 864e5)).toBe('week');
    expect(bucketSizeFor(0, 800 * 864e5)).toBe('month');
  });

  it('finds the local midnight', () => {
    expect(startOfDay(cst('2026-10-31T23:59:00'))).toBe(cst('2026-10-31T00:00:00'));
    expect(startOfDay(cst('2026-11-01T00:00:00'))).toBe(cst('2026-11-01T00:00:00'));
  });
});
