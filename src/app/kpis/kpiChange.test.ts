import { describe, expect, it } from 'vitest';
import { compareWithPrevious, kpiChange } from './kpiChange';

describe('kpiChange', () => {
  it('reads a rising rate as better when higher is better, in percentage points', () => {
    const c = kpiChange(0.995, 0.99, 'higher', 'percent')!;
    expect(c.delta).toBeCloseTo(0.5);
    expect(c.relative).toBeNull();
    expect(c.direction).toBe('better');
  });
  it('reads a rising count as worse when lower is better, with its relative change', () => {
    expect(kpiChange(12, 10, 'lower', 'count')).toEqual({ delta: 2, relative: 0.2, direction: 'worse' });
  });
  it('has no relative change from zero, and says when nothing moved', () => {
    expect(kpiChange(3, 0, 'lower', 'count')!.relative).toBeNull();
    expect(kpiChange(5, 5, 'lower', 'count')!.direction).toBe('same');
  });
  it('has nothing to say without both values', () => {
    expect(kpiChange(null, 5, 'lower', 'count')).toBeNull();
  });
});

describe('compareWithPrevious: a change only against a previous period the data covers', () => {
  const start = Date.UTC(2021, 0, 1);
  const day = 86_400_000;
  it('gives the change when the previous period lies wholly in the data', () => {
    expect(compareWithPrevious(12, 10, { from: start + 10 * day, to: start + 20 * day }, start, 'lower', 'count')).toEqual({ kind: 'change', change: { delta: 2, relative: 0.2, direction: 'worse' } });
  });
  it('says there is no data when the previous period ends before the data begins (the range "all")', () => {
    expect(compareWithPrevious(5545, 0, { from: start - 100 * day, to: start }, start, 'lower', 'count')).toEqual({ kind: 'noData' });
  });
  it('says how much is covered, and gives no change, when the previous period starts before the data', () => {
    expect(compareWithPrevious(48, 20, { from: start - 30 * day, to: start + 10 * day }, start, 'lower', 'count')).toEqual({ kind: 'partial', covered: 0.25 });
  });
  it('has nothing to say without a current value', () => {
    expect(compareWithPrevious(null, 5, { from: start, to: start + day }, start, 'lower', 'count')).toBeNull();
  });
});
