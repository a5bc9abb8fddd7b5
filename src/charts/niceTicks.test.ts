import { describe, expect, it } from 'vitest';
import { niceTicks } from './niceTicks';

describe('niceTicks', () => {
  it('counts from zero past the largest value in steps of 1, 2, 2.5, 3, 4 or 5 times a power of ten', () => {
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(1050)).toEqual([0, 300, 600, 900, 1200]);
    expect(niceTicks(1234)).toEqual([0, 400, 800, 1200, 1600]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
  });

  it('never counts in fractions of a case', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(25)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(70)).toEqual([0, 20, 40, 60, 80]);
  });

  it('draws an axis of 0 to 1 with nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});
