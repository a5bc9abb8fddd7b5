import { describe, expect, it } from 'vitest';
import { sparkPoints } from './sparkPoints';

describe('sparkPoints', () => {
  it('spaces the values evenly and scales them from zero to the highest', () => {
    expect(sparkPoints([0, 5, 10], 100, 28, 2)).toBe('2,26 50,14 98,2');
  });

  it('joins the line over unknown values, keeping their places', () => {
    expect(sparkPoints([10, null, 10, null, 5], 100, 28, 2)).toBe('2,2 50,2 98,14');
  });

  it('draws from the lowest value when it is below zero', () => {
    expect(sparkPoints([-10, 10], 10, 12, 1)).toBe('1,11 9,1');
  });

  it('draws a flat line at the bottom when every value is zero', () => {
    expect(sparkPoints([0, 0, 0], 100, 28, 2)).toBe('2,26 50,26 98,26');
  });

  it('draws nothing from fewer than two known values', () => {
    expect(sparkPoints([null, 3, null], 100, 28, 2)).toBeNull();
    expect(sparkPoints([], 100, 28, 2)).toBeNull();
    expect(sparkPoints([Number.NaN, 1], 100, 28, 2)).toBeNull();
  });
});
