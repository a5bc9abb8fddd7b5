import { describe, expect, it } from 'vitest';
import { barLengths } from './TownBarsChart';

describe('barLengths', () => {
  it('spans the plot with the largest value and the others in proportion', () => {
    expect(barLengths([50, 100, 25], 200)).toEqual([100, 200, 50]);
  });

  it('draws nothing for zero, a value below zero or when every value is zero', () => {
    expect(barLengths([0, -3, 10], 100)).toEqual([0, 0, 100]);
    expect(barLengths([0, 0], 100)).toEqual([0, 0]);
    expect(barLengths([], 100)).toEqual([]);
  });
});
