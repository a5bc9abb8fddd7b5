import { describe, expect, it } from 'vitest';
import { kpiChange } from './kpiChange';

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
